import type { Resolvers } from '../generated/graphql';
import { importGraph } from './import-graph';

export const importResolvers: Resolvers = {
  Mutation: {
    importGraph: (_root, { graph }, { db }) => importGraph(db, graph),
  },
};
