import type { Resolvers } from '../generated/graphql';
import { requireNode } from '../nodes/require-node';
import { accountNetwork } from './account-network';

export const networkResolvers: Resolvers = {
  Query: {
    accountNetwork: async (_root, { accountId, depth, relationshipTypes, nodeLimit }, context) => {
      const account = await requireNode(context, accountId, ['Organization']);
      return accountNetwork(context.db, account, { depth, nodeLimit, relationshipTypes });
    },
  },
};
