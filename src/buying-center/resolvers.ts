import type { Resolvers } from '../generated/graphql';
import { notFound } from '../graphql/errors';
import { coverage } from './buying-center';

export const buyingCenterResolvers: Resolvers = {
  Query: {
    buyingCenter: async (_root, { opportunityId }, { loaders }) => {
      const center = await loaders.buyingCenterByOpportunityId.load(opportunityId);
      if (!center) throw notFound('Opportunity', opportunityId);
      return center;
    },
  },
  BuyingCenter: {
    coverage: async (center, _args, { loaders }) => coverage(center, await loaders.memberPathsByOpportunityId.load(center.opportunity.id)),
  },
  BuyingCenterMember: {
    bestPath: async (member, _args, { loaders }) => {
      const paths = await loaders.memberPathsByOpportunityId.load(member.opportunityId);
      const path = paths.best.get(member.person.id) ?? null;
      for (const id of path?.nodeIds ?? []) {
        const node = paths.pathNodes.get(id);
        if (node) loaders.nodeById.prime(id, node);
      }
      return path;
    },
  },
};
