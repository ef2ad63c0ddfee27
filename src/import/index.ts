/** Bulk import of graph documents (DESIGN §6): the mutation, the command and the sample-world seeds. */

export { importResolvers as resolvers } from './resolvers';
export { importGraph, type ImportReport } from './import-graph';
export { SEEDS_DIR, seedFiles, seedIfEmpty } from './seed';
export type { BackupNode, BackupRelationship, ImportDocument, ImportLine, ImportNode, ImportRelationship } from './document';
