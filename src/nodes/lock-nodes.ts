import type { Tx } from '../neo4j/database';

// Neo4j has no LOCK statement: writing a property takes the node's write lock until the
// transaction ends. Locking in id order means two transactions never wait on each other crosswise.
const LOCK_NODES = `
UNWIND $ids AS id
MATCH (n:Entity {id: id})
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
