import type { Resolvers } from '../generated/graphql';
import { requireNode } from '../nodes/require-node';
import { preferenceLink } from './preference-link';

export const preferenceResolvers: Resolvers = {
  Query: {
    preferenceLink: async (_root, { personId, ttlDays }, context) => {
      await requireNode(context, personId, ['Person']);
      return preferenceLink(personId, ttlDays);
    },
  },
};
