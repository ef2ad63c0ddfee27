import { RELATIONSHIP_SPECS } from '../model/graph-model';
import { parseNodeRow, parseRelationshipRow, refId, type NodeRow, type RelationshipRow } from './parse-row';
import { ProblemList } from './problems';

/**
 * One row of an import as a reader hands it over: what it is, where it is (`nodes[3]` in a
 * document, `line 17.node` in an NDJSON file) and the row as given — or why it is no row at all.
 */
export type ImportItem =
  | { kind: 'node' | 'relationship'; path: string; row: unknown }
  | { kind: 'invalid'; path: string; message: string };

/** The rows of one batch, checked for shape (not yet against the database). */
export interface ParsedBatch {
  nodes: NodeRow[];
  relationships: RelationshipRow[];
  problems: ProblemList;
  /** Every node the node rows name (refId, by key and by a given id), with the row's path. */
  nodeRows: ReadonlyMap<string, string>;
  /** Every relationship the rows write, as type, ends and keying property, with the row's path. */
  relationshipRows: ReadonlyMap<string, string>;
}

/**
 * Checks the shape of every row of a batch, and that no node or relationship appears twice in
 * it (a later row would silently overwrite an earlier one).
 */
export function parseBatch(items: Iterable<ImportItem>, problems = new ProblemList()): ParsedBatch {
  const nodeRows = new Map<string, string>();
  const relationshipRows = new Map<string, string>();
  const batch: ParsedBatch = { nodes: [], relationships: [], problems, nodeRows, relationshipRows };
  for (const item of items) {
    if (item.kind === 'invalid') {
      problems.push({ path: item.path, message: item.message });
    } else if (item.kind === 'node') {
      const node = parseNodeRow(item.row, item.path, problems);
      if (!node) continue;
      const refs = node.id !== undefined && node.ref.by === 'key' ? [node.ref, { by: 'id' as const, value: node.id }] : [node.ref];
      const repeated = refs.find((ref) => nodeRows.has(refId(ref)));
      if (repeated === undefined) {
        for (const ref of refs) nodeRows.set(refId(ref), node.path);
        batch.nodes.push(node);
      } else {
        problems.push({ path: `${node.path}.${repeated.by}`, message: `repeats the ${repeated.by} of ${nodeRows.get(refId(repeated))}` });
      }
    } else {
      const rel = parseRelationshipRow(item.row, item.path, problems);
      if (!rel) continue;
      const pair = relationshipIdentity(rel);
      const { keyedBy } = RELATIONSHIP_SPECS[rel.type];
      const first = relationshipRows.get(pair);
      if (first === undefined) {
        relationshipRows.set(pair, rel.path);
        batch.relationships.push(rel);
      } else {
        problems.push({ path: rel.path, message: `repeats ${first} (same type between the same nodes${keyedBy ? `, same ${keyedBy}` : ''})` });
      }
    }
  }
  return batch;
}

/**
 * What a relationship row writes: its type, its ends (in either order for undirected types) and
 * its keying property (RESPONDED per kind). Two rows of one identity write one relationship.
 */
export function relationshipIdentity(rel: RelationshipRow): string {
  const ends = [refId(rel.from), refId(rel.to)];
  const { undirected, keyedBy } = RELATIONSHIP_SPECS[rel.type];
  if (undirected) ends.sort();
  return `${rel.type}|${ends.join('|')}${keyedBy ? `|${String(rel.properties[keyedBy])}` : ''}`;
}

/** The two lists of an import document. */
export interface DocumentLists {
  nodes: readonly unknown[];
  relationships: readonly unknown[];
}

/** The rows of a document in memory, nodes first. */
export function* documentItems({ nodes, relationships }: DocumentLists): Generator<ImportItem> {
  for (let i = 0; i < nodes.length; i += 1) yield { kind: 'node', path: `nodes[${i}]`, row: nodes[i] };
  for (let i = 0; i < relationships.length; i += 1) yield { kind: 'relationship', path: `relationships[${i}]`, row: relationships[i] };
}
