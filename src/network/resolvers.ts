import type { GraphQLResolveInfo } from 'graphql';
import type { Resolvers } from '../generated/graphql';
import { rowsWithWalksAhead, walksAhead } from '../relationships';
import { accountNetwork } from './account-network';

export const networkResolvers: Resolvers = {
  Query: {
    accountNetwork: (_root, { accountId, depth, relationshipTypes, nodeLimit }, context, info) =>
      rowsWithWalksAhead(
        context,
        info,
        ['nodes', 'node'],
        (projection) => accountNetwork(context.db, accountId, { depth, nodeLimit, relationshipTypes, edgeProperties: readsEdgeProperties(info) }, projection),
        (network) => network.nodes.map((n) => n.node),
      ),
  },
};

/** Whether the selection reads the edges' `properties` (null properties: it may, through a field of its own). */
function readsEdgeProperties(info: GraphQLResolveInfo): boolean {
  return walksAhead(info, ['edges']).properties?.includes('properties') ?? true;
}
