import type { Database, Tx } from '../neo4j/database';

/** Runs the writes of one mutation: `work` gets the transaction and passes it to every write step. */
export type Mutate = <T>(work: (tx: Tx) => Promise<T>) => Promise<T>;

/**
 * The one way a mutation writes: all of its checks and writes run in one write transaction, so
 * they commit together or not at all. Whatever must commit with every mutation joins it here.
 * The work may be retried on a transient error (deadlock, leader switch): keep it free of side
 * effects outside the transaction.
 */
export function mutator(db: Database): Mutate {
  return (work) => db.writeTransaction(work);
}
