import type { Resolvers } from '../generated/graphql';
import { importDocument } from './import-graph';

export const importResolvers: Resolvers = {
  Mutation: {
    // A bulk write: the import's transaction timeout (IMPORT_TX_TIMEOUT_MS), as for npm run import.
    importGraph: (_root, { graph }, { mutate, limits }) => mutate((tx) => importDocument(tx, graph, limits.importMaxRows), { bulk: true }),
  },
};
