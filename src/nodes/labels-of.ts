import type { Tx } from '../neo4j/database';
import type { NodeLabel } from '../model/graph-model';
import { VISIBLE } from './visibility';

const LABELS_OF = `
UNWIND $ids AS id
MATCH (n:Entity {id: id}) WHERE ${VISIBLE('n')}
RETURN n.id AS id, [label IN labels(n) WHERE label <> 'Entity'][0] AS label`;

/**
 * The label of each existing node among `ids`, in one query inside the caller's transaction. A
 * hidden node is left out like a missing one, so the caller's NOT_FOUND cannot tell them apart.
 */
export async function labelsOf(tx: Tx, ids: readonly string[]): Promise<Map<string, NodeLabel>> {
  const rows = await tx.run<{ id: string; label: NodeLabel }>(LABELS_OF, { ids: [...new Set(ids)] });
  return new Map(rows.map((row) => [row.id, row.label]));
}
