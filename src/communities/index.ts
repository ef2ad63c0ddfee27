/** Communities instead of target groups (DESIGN §11): detection over the stakeholder graph, and reading the result. */
import { createCommunityLoaders } from './loaders';
import type { CommunityRunRow } from './recompute-communities';

export { communityResolvers as resolvers } from './resolvers';
export { createCommunityLoaders as createLoaders };
export { recomputeCommunities, type RunProgress } from './recompute-communities';

type CommunityLoaders = ReturnType<typeof createCommunityLoaders>;
declare module '../graphql/context' {
  interface Loaders extends CommunityLoaders {}
}

declare module '../graphql/resolver-rows' {
  interface ResolverRows {
    CommunityRun: CommunityRunRow;
  }
}
