import type { NodeLabel, RelationshipTypeName } from '../model/graph-model';

/**
 * One node of an import document (DESIGN §6): `key` is its id in the source system. (importGraph
 * also takes a node without properties, which changes nothing; builders always write them.)
 */
export interface ImportNode {
  type: NodeLabel;
  key: string;
  properties: Record<string, unknown>;
}

/** One relationship of an import document, between two keys (of this document or the database). */
export interface ImportRelationship {
  type: RelationshipTypeName;
  from: string;
  to: string;
  properties?: Record<string, unknown>;
}

/**
 * The one format of seeds/, the importGraph mutation and the import command. Both lists may be
 * left out; importGraph checks every row of a document it is given, whatever its type says.
 */
export interface ImportDocument {
  nodes?: ImportNode[];
  relationships?: ImportRelationship[];
}

/**
 * A node as a backup (`npm run export`) writes it: the import row plus what the store gave it —
 * its `id`, `createdAt` and `updatedAt` (kept when the import creates it). A node without a key
 * (a consent, a stage change, an interaction logged through the API) is named by its id alone.
 */
export interface BackupNode extends Omit<ImportNode, 'key'> {
  key?: string;
  id: string;
  createdAt?: string;
  updatedAt?: string;
}

/** A relationship as a backup writes it: an end without a key is named by `fromId` / `toId`. */
export interface BackupRelationship extends Omit<ImportRelationship, 'from' | 'to'> {
  from?: string;
  to?: string;
  fromId?: string;
  toId?: string;
  createdAt?: string;
  updatedAt?: string;
}

/**
 * One line of an NDJSON import file (`npm run import`, `npm run export`): the same rows as the
 * document's lists, one per line, each wrapped in what it is. Nodes come before the
 * relationships that name them.
 */
export type ImportLine = { node: ImportNode | BackupNode } | { relationship: ImportRelationship | BackupRelationship };
