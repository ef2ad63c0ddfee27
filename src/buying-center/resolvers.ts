import type { Resolvers } from '../generated/graphql';
import { notFound } from '../graphql/errors';
import { pathResolvers } from './paths-placeholder';

export const buyingCenterResolvers: Resolvers = {
  ...pathResolvers,
  Query: {
    buyingCenter: async (_root, { opportunityId }, { loaders }) => {
      const center = await loaders.buyingCenterByOpportunityId.load(opportunityId);
      if (!center) throw notFound('Opportunity', opportunityId);
      return center;
    },
  },
};
