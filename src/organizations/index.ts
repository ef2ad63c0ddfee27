/** Organizations: lookup, filtered and ordered lists, writes (a delete never silently orphans the people working there). */

export { organizationResolvers as resolvers } from './resolvers';
