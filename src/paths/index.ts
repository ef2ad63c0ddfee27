/** Strongest paths and warm introductions (DESIGN §4), and the hop weight rule other areas walk by. */
import { createPathLoaders } from './path-loaders';
import type { PathRow, PathStepRow } from './path-row';

export { pathResolvers as resolvers } from './resolvers';
export { createPathLoaders as createLoaders };
export { bestPathsPreferring, bestPathsToTargets } from './strongest-paths';
export { nodesOnPaths } from './nodes-on-paths';
export { comparePaths, type PathRow } from './path-row';
export { EVERY_USER } from './sources';
export {
  HOP_WEIGHT, INFLUENCES_WEIGHT, KNOWS_WEIGHT, STAKEHOLDER_TYPES, chosenTypes, storedWeight, typeAlternation,
} from './hop-weight';

type PathLoaders = ReturnType<typeof createPathLoaders>;
declare module '../graphql/context' {
  interface Loaders extends PathLoaders {}
}

declare module '../graphql/resolver-rows' {
  interface ResolverRows {
    RelationshipPath: PathRow;
    PathStep: PathStepRow;
  }
}
