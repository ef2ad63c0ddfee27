import { notFound } from '../graphql/errors';
import type { Tx } from '../neo4j/database';
import type { NodeLabel } from '../model/graph-model';
import { ENTITY_ROW, type EntityRow } from './entity-row';
import { VISIBLE } from './visibility';

// Neo4j has no LOCK statement: writing a property takes the node's write lock until the
// transaction ends. Locking in id order means two transactions never wait on each other crosswise.
const LOCK_NODES = `
UNWIND $ids AS id
MATCH (n:Entity {id: id}) WHERE ${VISIBLE('n')}
SET n._lock = true
REMOVE n._lock`;

/**
 * Takes the write lock of every node in `ids` for the rest of the transaction, so a
 * read-then-write on them (does this relationship exist? how many contacts so far?) cannot race
 * a concurrent one. Deadlocks that slip through are retried by executeWrite.
 */
export async function lockNodes(tx: Tx, ids: string[]): Promise<void> {
  await tx.run(LOCK_NODES, { ids: [...new Set(ids)].sort() });
}

const nodeCypher = (label: NodeLabel) => `MATCH (n:${label} {id: $id}) RETURN ${ENTITY_ROW('n')} AS node`;

/**
 * Locks the node and reads it as it is now, for a check-then-write (is the case still open?)
 * that a concurrent one must wait for; NOT_FOUND unless it is a node of `label`.
 */
export async function lockNode(tx: Tx, label: NodeLabel, id: string): Promise<EntityRow> {
  await lockNodes(tx, [id]);
  const [row] = await tx.run<{ node: EntityRow }>(nodeCypher(label), { id });
  if (!row) throw notFound(label, id);
  return row.node;
}
