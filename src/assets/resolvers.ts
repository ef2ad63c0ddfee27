import type { Resolvers } from '../generated/graphql';
import { paginate } from '../graphql/pagination';
import { createAsset, deleteAsset, updateAsset } from './asset-writes';
import { replacementCandidates } from './replacement-candidates';

export const assetResolvers: Resolvers = {
  Query: {
    replacementCandidates: (_root, { olderThanYears, asOf, ...page }, { db }) =>
      paginate(page, (window) => replacementCandidates(db, { olderThanYears, asOf, ...window })),
  },
  Mutation: {
    createAsset: (_root, { input }, { mutate }) => mutate((tx) => createAsset(tx, input)),
    updateAsset: (_root, { id, input }, { mutate }) => mutate((tx) => updateAsset(tx, id, input)),
    deleteAsset: (_root, { id }, { mutate }) => mutate((tx) => deleteAsset(tx, id)),
  },
  Asset: {
    status: (asset) => (asset.status as 'ACTIVE' | undefined) ?? 'ACTIVE',
    operator: (asset, _args, { loaders }) => loaders.operatorByAssetId.load(asset.id),
    product: (asset, _args, { loaders }) => loaders.productByAssetId.load(asset.id),
    maintainers: (asset, _args, { loaders }) => loaders.maintainersByAssetId.load(asset.id),
    cases: (asset, _args, { loaders }) => loaders.casesByAssetId.load(asset.id),
  },
  Organization: {
    assets: (organization, _args, { loaders }) => loaders.assetsByOperatorId.load(organization.id),
  },
  Case: {
    asset: (c, _args, { loaders }) => loaders.assetByCaseId.load(c.id),
  },
};
