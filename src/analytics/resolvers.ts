import type { Resolvers } from '../generated/graphql';
import { paginate } from '../graphql/pagination';
import { requireNode } from '../nodes/require-node';
import { today } from './account-revenue';
import { crossSellCandidates, upgradeCandidates } from './cross-sell';
import { customerValue } from './customer-value';
import { dormantCustomers } from './dormant-customers';
import { recomputeTiers } from './recompute-tiers';

export const analyticsResolvers: Resolvers = {
  Query: {
    customerValue: (_root, { accountId, asOf }, { db }) => customerValue(db, accountId, asOf ?? undefined),
    dormantCustomers: (_root, { days, asOf, ...page }, { db }) =>
      paginate(page, (window) => dormantCustomers(db, { days, asOf: asOf ?? today(), ...window })),
    crossSellCandidates: async (_root, { accountId, first }, context) => {
      await requireNode(context, accountId, ['Organization']);
      return crossSellCandidates(context.db, accountId, first);
    },
    upgradeCandidates: async (_root, { accountId }, context) => {
      await requireNode(context, accountId, ['Organization']);
      return upgradeCandidates(context.db, accountId);
    },
  },
  DormantCustomer: {
    bestWarmPath: (row, _args, { loaders }) => loaders.bestWarmPathByAccountId.load(row.account.id),
  },
  Mutation: {
    recomputeTiers: (_root, { asOf }, { mutate }) => mutate((tx) => recomputeTiers(tx, asOf ?? undefined)),
  },
};
