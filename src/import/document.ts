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
