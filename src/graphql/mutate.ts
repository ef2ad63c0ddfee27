import type { Tx } from '../neo4j/database';
import type { ScopedDatabase } from '../neo4j/scoped-database';
import { answerOnce, type IdempotencyClaim } from './idempotency';

/**
 * Runs the writes of one mutation: `work` gets the transaction and passes it to every write step.
 * `bulk` (the import) runs under IMPORT_TX_TIMEOUT_MS instead of the request's deadline.
 */
export type Mutate = <T>(work: (tx: Tx) => Promise<T>, options?: { bulk?: boolean }) => Promise<T>;

/**
 * The one way a mutation writes: all of its checks and writes run in one write transaction, so
 * they commit together or not at all. Whatever must commit with every mutation joins it here.
 * The transaction is the request's scoped one: its steps get `$visible` like every read, so the
 * id checks of a mutation a PARTNER may call treat a hidden node as unknown (ACCESS.md).
 * With an Idempotency-Key the key and the work's result join the transaction too, and a retry
 * of the same request answers that result without running the work again (src/graphql/idempotency.ts).
 * The work may be retried on a transient error (deadlock, leader switch): keep it free of side
 * effects outside the transaction.
 */
export function mutator(db: ScopedDatabase, idempotency?: IdempotencyClaim): Mutate {
  if (!idempotency) return (work, options) => db.writeTransaction((tx) => work(tx), options);
  return (work, options) => db.writeTransaction((tx, bookkeeping) => answerOnce(bookkeeping, idempotency, () => work(tx)), options);
}
