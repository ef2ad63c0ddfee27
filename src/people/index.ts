/** People: lookup, filtered and ordered lists, writes. */

export { peopleResolvers as resolvers } from './resolvers';
