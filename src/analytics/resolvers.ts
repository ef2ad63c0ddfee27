import type { Resolvers } from '../generated/graphql';
import { offsetAfter, toConnection } from '../graphql/pagination';
import { requireNode } from '../nodes/require-node';
import { today } from './account-revenue';
import { crossSellCandidates, upgradeCandidates } from './cross-sell';
import { customerValue } from './customer-value';
import { dormantCustomers } from './dormant-customers';
import { recomputeTiers } from './recompute-tiers';

export const analyticsResolvers: Resolvers = {
  Query: {
    customerValue: (_root, { accountId, asOf }, { db }) => customerValue(db, accountId, asOf ?? undefined),
    dormantCustomers: async (_root, { days, asOf, first, after }, { db }) => {
      const offset = offsetAfter(after);
      const { total, page } = await dormantCustomers(db, { days: days ?? 180, asOf: asOf ?? today(), offset, first: first ?? 20 });
      return toConnection(page, offset, total);
    },
    crossSellCandidates: async (_root, { accountId, first }, context) => {
      await requireNode(context, accountId, ['Organization']);
      return crossSellCandidates(context.db, accountId, first ?? 10);
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
