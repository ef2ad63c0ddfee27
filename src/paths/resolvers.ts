import type { Resolvers } from '../generated/graphql';
import type { Context } from '../graphql/context';
import { badUserInput } from '../graphql/errors';
import { refuseRestrictedEnds } from '../privacy';
import { requireEnds } from './path-ends';
import type { PathAnswer } from './path-loaders';
import type { PathRow } from './path-row';
import { checkPathQuery } from './strongest-paths';
import { warmIntroductions } from './warm-introductions';

/** The paths found; the rows of their nodes go to the nodeById loader, so RelationshipPath.nodes costs no transaction of its own. */
function pathsOf({ loaders }: Context, answer: PathAnswer): PathRow[] {
  for (const [id, node] of answer.nodes) loaders.nodeById.prime(id, node);
  return answer.paths;
}

export const pathResolvers: Resolvers = {
  Query: {
    relationshipPaths: async (_root, { fromId, toId, maxHops, first, relationshipTypes }, context) => {
      const query = { fromIds: [fromId], toId, maxHops, first, relationshipTypes };
      checkPathQuery(query);
      if (fromId === toId) throw badUserInput('"fromId" and "toId" are the same node; a path needs two different ends.');
      const answer = await context.loaders.pathsByQuestion.load({ ...query, endIds: [fromId, toId] });
      refuseRestrictedEnds(requireEnds(answer.ends, [fromId, toId]), 'a relationship path');
      return pathsOf(context, answer);
    },
    warmIntroductions: async (_root, { targetId, fromUserIds, maxHops, first }, context) => {
      const query = { targetId, fromUserIds, maxHops, first };
      checkPathQuery(query);
      if (fromUserIds && fromUserIds.length === 0) {
        throw badUserInput('"fromUserIds" is empty; name at least one user, or leave it out to start from every user.');
      }
      const answer = await context.loaders.pathsByQuestion.load(warmIntroductions(query));
      const [target, ...users] = requireEnds(answer.ends, [targetId, ...(fromUserIds ?? [])]);
      refuseRestrictedEnds([target], 'a warm introduction');
      const notUsers = users.filter((node) => node.__typename !== 'User');
      if (notUsers.length) {
        throw badUserInput(`"fromUserIds" must name users; ${notUsers.map((n) => `${n.id} is a ${n.__typename}`).join(', ')}.`);
      }
      return pathsOf(context, answer);
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
