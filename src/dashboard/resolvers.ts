import type { Resolvers } from '../generated/graphql';
import { dashboard } from './dashboard';

export const dashboardResolvers: Resolvers = {
  Query: {
    dashboard: (_root, { asOf }, { db }) => dashboard(db, asOf ?? undefined),
  },
};
