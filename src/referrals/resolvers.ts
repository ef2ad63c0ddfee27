import type { Resolvers } from '../generated/graphql';
import { requireNode } from '../nodes/require-node';
import { recordReferral } from './record-referral';
import { referralValue, topReferrers } from './referral-value';

export const referralResolvers: Resolvers = {
  Query: {
    referralValue: async (_root, { fromId }, context) => {
      await requireNode(context, fromId, ['Person', 'Organization']);
      return referralValue(context.db, fromId);
    },
    topReferrers: (_root, { first }, { db }) => topReferrers(db, first),
  },
  Mutation: {
    recordReferral: (_root, args, { mutate }) => mutate((tx) => recordReferral(tx, args)),
  },
};
