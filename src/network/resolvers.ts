import type { GraphQLResolveInfo } from 'graphql';
import type { Resolvers } from '../generated/graphql';
import { requireNode } from '../nodes/require-node';
import { rowsWithWalksAhead, walksAhead } from '../relationships';
import { accountNetwork } from './account-network';

export const networkResolvers: Resolvers = {
  Query: {
    accountNetwork: async (_root, { accountId, depth, relationshipTypes, nodeLimit }, context, info) => {
      const account = await requireNode(context, accountId, ['Organization']);
      return rowsWithWalksAhead(
        context,
        info,
        ['nodes', 'node'],
        (projection) => accountNetwork(context.db, account, { depth, nodeLimit, relationshipTypes, edgeProperties: readsEdgeProperties(info) }, projection),
        (network) => network.nodes.map((n) => n.node),
      );
    },
  },
};

/** Whether the selection reads the edges' `properties` (null properties: it may, through a field of its own). */
function readsEdgeProperties(info: GraphQLResolveInfo): boolean {
  return walksAhead(info, ['edges']).properties?.includes('properties') ?? true;
}
