import type { Tx } from '../neo4j/database';
import type { ScopedDatabase } from '../neo4j/scoped-database';
import type { Viewer } from './viewer';

/** Runs the writes of one mutation: `work` gets the transaction and passes it to every write step. */
export type Mutate = <T>(work: (tx: Tx) => Promise<T>) => Promise<T>;

/** The Mutation field being resolved: its name and its arguments. */
export interface MutationCall {
  operation: string;
  args: Record<string, unknown>;
}

/** One mutation whose work has succeeded, as the records written with it see it. */
export interface MutationRecord extends MutationCall {
  /** What the work returned (the field's value before its sub-selection is resolved). */
  result: unknown;
  viewer: Viewer;
}

/**
 * Something that must commit with every mutation, written into its transaction after the work
 * succeeded: the audit entry (and later the change event and the idempotency record).
 */
export type MutationRecorder = (tx: Tx, record: MutationRecord) => Promise<void>;

/**
 * The one way a mutation writes: all of its checks and writes run in one write transaction, and
 * every recorder writes its record into the same transaction after the work, so they commit
 * together or not at all. The work runs in the request's scope: its steps get `$visible` like
 * every read, so the id checks of a mutation a PARTNER may call treat a hidden node as unknown
 * (ACCESS.md). The records are the house's own, about no visible node, so they are written
 * unscoped. The work may be retried on a transient error (deadlock, leader switch): keep it
 * free of side effects outside the transaction.
 */
export function mutator(db: ScopedDatabase, viewer: Viewer, recorders: readonly MutationRecorder[]) {
  return (call: MutationCall): Mutate =>
    (work) =>
      db.writeTransaction(async (tx, unscoped) => {
        const result = await work(tx);
        for (const record of recorders) await record(unscoped, { ...call, result, viewer });
        return result;
      });
}
