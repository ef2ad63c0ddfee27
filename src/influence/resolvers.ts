import type { Resolvers } from '../generated/graphql';
import { requireNode } from '../nodes/require-node';
import { accountInfluencers } from './account-influencers';
import { influenceScores } from './influence-scores';

export const influenceResolvers: Resolvers = {
  Query: {
    influencers: async (_root, { targetId, maxHops, decay, first }, context) => {
      await requireNode(context, targetId);
      return influenceScores(context.db, [targetId], { maxHops: maxHops ?? 3, decay: decay ?? 0.5, first: first ?? 10 });
    },
    accountInfluencers: async (_root, { accountId, maxHops, decay, first }, context) => {
      await requireNode(context, accountId, ['Organization']);
      return accountInfluencers(context.db, accountId, { maxHops: maxHops ?? 3, decay: decay ?? 0.5, first: first ?? 10 });
    },
  },
  InfluenceScore: {
    influencer: async (row, _args, context) => requireNode(context, row.influencerId),
  },
};
