import type { Resolvers } from '../generated/graphql';
import { searchEntities } from './search-entities';

export const searchResolvers: Resolvers = {
  Query: {
    search: (_root, { text, types, first }, { db }) => searchEntities(db, text, types, first),
  },
};
