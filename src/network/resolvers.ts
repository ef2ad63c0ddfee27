import type { Resolvers } from '../generated/graphql';
import { requireNode } from '../nodes/require-node';
import { rowsWithWalksAhead } from '../relationships';
import { accountNetwork } from './account-network';

export const networkResolvers: Resolvers = {
  Query: {
    accountNetwork: async (_root, { accountId, depth, relationshipTypes, nodeLimit }, context, info) => {
      const account = await requireNode(context, accountId, ['Organization']);
      return rowsWithWalksAhead(
        context,
        info,
        ['nodes', 'node'],
        (projection) => accountNetwork(context.db, account, { depth, nodeLimit, relationshipTypes }, projection),
        (network) => network.nodes.map((n) => n.node),
      );
    },
  },
};
