/** The installed base (DESIGN §11): assets at customers, who maintains them, and which are due for replacement. */
import { createAssetLoaders } from './loaders';
import type { ReplacementCandidateRow } from './replacement-candidates';

export { assetResolvers as resolvers } from './resolvers';
export { createAssetLoaders as createLoaders };

type AssetLoaders = ReturnType<typeof createAssetLoaders>;
declare module '../graphql/context' {
  interface Loaders extends AssetLoaders {}
}

declare module '../graphql/resolver-rows' {
  interface ResolverRows {
    ReplacementCandidate: ReplacementCandidateRow;
  }
}
