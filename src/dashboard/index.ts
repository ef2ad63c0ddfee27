/** The sales lead's morning KPIs. */

export { dashboardResolvers as resolvers } from './resolvers';
