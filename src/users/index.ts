/** Users (our own team): the list and writes. */

export { userResolvers as resolvers } from './resolvers';
