/**
 * The house checks (`npm run lint:deps`, run by .ci/run): areas talk to each other only through
 * their index.ts, the plumbing imports no area, and nothing imports itself round a cycle.
 * Type-only imports count too (tsPreCompilationDeps), so type-level cycles are caught as well.
 */
const PLUMBING = '^src/(neo4j|graphql|model|nodes|generated)/';
/** Files at the top of src/ that the plumbing may use; the rest there (main, server, areas) compose areas. */
const SHARED_ROOT_FILES = '^src/(config|logger|project-root)\\.ts$';
const AREA_INDEX = '^src/[^/]+/index\\.ts$';

module.exports = {
  forbidden: [
    {
      name: 'area-internals',
      comment: 'An area uses another area only through what that area exports from its index.ts.',
      severity: 'error',
      from: { path: '^src/([^/]+)/', pathNot: PLUMBING },
      to: { path: '^src/[^/]+/', pathNot: ['^src/$1/', PLUMBING, AREA_INDEX] },
    },
    {
      name: 'root-to-area-internals',
      comment: 'The composition files (main, server, areas) use an area only through its index.ts.',
      severity: 'error',
      from: { path: '^src/[^/]+\\.ts$' },
      to: { path: '^src/[^/]+/', pathNot: [PLUMBING, AREA_INDEX] },
    },
    {
      name: 'plumbing-imports-no-area',
      comment: 'neo4j, graphql, model, nodes and the generated types import no area (src/areas.ts hands areas to the server).',
      severity: 'error',
      from: { path: PLUMBING },
      to: { path: '^src/', pathNot: [PLUMBING, SHARED_ROOT_FILES] },
    },
    {
      name: 'no-cycles',
      comment: 'No module reaches itself through its imports.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: '\\.test\\.ts$' },
  },
};
