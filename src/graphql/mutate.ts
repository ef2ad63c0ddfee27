import type { Tx } from '../neo4j/database';
import type { ScopedDatabase } from '../neo4j/scoped-database';

/** Runs the writes of one mutation: `work` gets the transaction and passes it to every write step. */
export type Mutate = <T>(work: (tx: Tx) => Promise<T>) => Promise<T>;

/**
 * The one way a mutation writes: all of its checks and writes run in one write transaction, so
 * they commit together or not at all. Whatever must commit with every mutation joins it here.
 * The transaction is the request's scoped one: its steps get `$visible` like every read, so the
 * id checks of a mutation a PARTNER may call treat a hidden node as unknown (ACCESS.md).
 * The work may be retried on a transient error (deadlock, leader switch): keep it free of side
 * effects outside the transaction.
 */
export function mutator(db: ScopedDatabase): Mutate {
  return (work) => db.writeTransaction(work);
}
