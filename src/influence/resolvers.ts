import type { Resolvers } from '../generated/graphql';
import { requireNode } from '../nodes/require-node';
import { refuseRestrictedEnds } from '../privacy';
import { accountInfluencers } from './account-influencers';
import { influenceScores } from './influence-scores';

export const influenceResolvers: Resolvers = {
  Query: {
    influencers: async (_root, { targetId, ...options }, context) => {
      refuseRestrictedEnds([await requireNode(context, targetId)], 'influence');
      return influenceScores(context.db, [targetId], options);
    },
    accountInfluencers: async (_root, { accountId, ...options }, context) => {
      await requireNode(context, accountId, ['Organization']);
      return accountInfluencers(context.db, accountId, options);
    },
  },
  InfluenceScore: {
    influencer: async (row, _args, context) => requireNode(context, row.influencerId),
  },
};
