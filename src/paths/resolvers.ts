import type { Resolvers } from '../generated/graphql';
import { badUserInput } from '../graphql/errors';
import { requireNode } from '../nodes/require-node';
import { refuseRestrictedEnds } from '../privacy';
import { searchWithPathNodes } from './search-with-path-nodes';
import { checkPathQuery, strongestPaths } from './strongest-paths';
import { warmIntroductions } from './warm-introductions';

export const pathResolvers: Resolvers = {
  Query: {
    relationshipPaths: async (_root, { fromId, toId, maxHops, first, relationshipTypes }, context) => {
      const query = { fromIds: [fromId], toId, maxHops, first, relationshipTypes };
      checkPathQuery(query);
      if (fromId === toId) throw badUserInput('"fromId" and "toId" are the same node; a path needs two different ends.');
      const ends = await Promise.all([requireNode(context, fromId), requireNode(context, toId)]);
      refuseRestrictedEnds(ends, 'a relationship path');
      return searchWithPathNodes(context, (db, pathNodes) => strongestPaths(db, query, { pathNodes }));
    },
    warmIntroductions: async (_root, { targetId, fromUserIds, maxHops, first }, context) => {
      const query = { targetId, fromUserIds, maxHops, first };
      checkPathQuery(query);
      if (fromUserIds && fromUserIds.length === 0) {
        throw badUserInput('"fromUserIds" is empty; name at least one user, or leave it out to start from every user.');
      }
      const [target, ...users] = await Promise.all([
        requireNode(context, targetId),
        ...(fromUserIds ?? []).map((id) => requireNode(context, id)),
      ]);
      refuseRestrictedEnds([target], 'a warm introduction');
      const notUsers = users.filter((node) => node.__typename !== 'User');
      if (notUsers.length) {
        throw badUserInput(`"fromUserIds" must name users; ${notUsers.map((n) => `${n.id} is a ${n.__typename}`).join(', ')}.`);
      }
      return searchWithPathNodes(context, (db, pathNodes) => warmIntroductions(db, query, { pathNodes }));
    },
  },
  RelationshipPath: {
    nodes: async (path, _args, { loaders }) => {
      const nodes = await loaders.nodeById.loadMany(path.nodeIds);
      // A node deleted between the search and this lookup makes the path stale: fail loudly, not with a gap.
      return nodes.map((node, i) => {
        if (!node || node instanceof Error) throw new Error(`Path node ${path.nodeIds[i]} vanished while the path was read.`);
        return node;
      });
    },
  },
};
