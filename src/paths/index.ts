/** Strongest paths and warm introductions (DESIGN §4), and the hop weight rule other areas walk by. */
import type { PathRow, PathStepRow } from './path-row';

export { pathResolvers as resolvers } from './resolvers';
export { bestPathsPreferring, bestPathsToTargets } from './strongest-paths';
export { nodesOnPaths } from './search-with-path-nodes';
export { comparePaths, type PathRow } from './path-row';
export { EVERY_USER } from './sources';
export {
  HOP_WEIGHT, INFLUENCES_WEIGHT, KNOWS_WEIGHT, STAKEHOLDER_TYPES, chosenTypes, storedWeight, typeAlternation,
} from './hop-weight';

declare module '../graphql/resolver-rows' {
  interface ResolverRows {
    RelationshipPath: PathRow;
    PathStep: PathStepRow;
  }
}
