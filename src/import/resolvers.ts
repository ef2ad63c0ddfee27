import type { Resolvers } from '../generated/graphql';
import { importDocument } from './import-graph';

export const importResolvers: Resolvers = {
  Mutation: {
    importGraph: (_root, { graph }, { mutate, limits }) => mutate((tx) => importDocument(tx, graph, limits.importMaxRows)),
  },
};
