import type { Resolvers } from '../generated/graphql';
import { partnerCoverage } from './partner-coverage';

export const partnerResolvers: Resolvers = {
  Query: {
    partnerCoverage: (_root, { partnerId }, { db }) => partnerCoverage(db, partnerId),
  },
};
