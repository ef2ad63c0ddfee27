import type { Database } from '../src/neo4j/database';

// Batches keep each transaction small; CALL … IN TRANSACTIONS is not allowed in the managed
// transactions the Database runs.
const DELETE_SOME = 'MATCH (n) WITH n LIMIT 10000 DETACH DELETE n RETURN count(*) AS deleted';

/** Empties the database a benchmark is about to fill. */
export async function wipeDatabase(db: Database): Promise<void> {
  for (;;) {
    const [{ deleted }] = await db.write<{ deleted: number }>(DELETE_SOME);
    if (deleted === 0) return;
  }
}
