import type { Tx } from '../neo4j/database';
import { answerOnce, type IdempotencyClaim } from './idempotency';
import type { Viewer } from './viewer';

/** A change event a mutation emits besides its own (e.g. `consent.withdrawn` when an unsubscribe withdraws). */
export interface ExtraEvent {
  type: string;
  targetIds: string[];
  /** More of the payload; ids only, except where DESIGN §10 says otherwise. */
  data?: Record<string, unknown>;
}

/** What the work of a mutation may tell about its change beyond its arguments and its result. */
export interface ChangeReport {
  /** Names nodes the change touched that neither the arguments nor the result name. */
  touched(...ids: string[]): void;
  /** Emits a further event in the same transaction, after the mutation's own. */
  emit(event: ExtraEvent): void;
}

/** How a mutation's transaction is bounded: `bulk` (the import) runs under IMPORT_TX_TIMEOUT_MS, not the request's deadline. */
export interface MutateOptions {
  bulk?: boolean;
}

/** Runs the writes of one mutation: `work` gets the transaction and passes it to every write step. */
export type Mutate = <T>(work: (tx: Tx, report: ChangeReport) => Promise<T>, options?: MutateOptions) => Promise<T>;

/** The write being made: a Mutation field, or a public page's write (`confirmConsent`, `savePreferences`). */
export interface MutationCall {
  operation: string;
  /** The arguments as given (for the audit entry); empty for a public page's write. */
  args: Record<string, unknown>;
  /** Ids the arguments name (ID arguments and ID fields of input objects). */
  argumentIds: readonly string[];
}

/**
 * Who makes a change: the signed-in viewer, or for a public page (no viewer) the person whose
 * signed link it is.
 */
export interface Actor {
  id: string | null;
  kind: Viewer['kind'] | 'person';
}

/** One mutation whose work has succeeded, as the records written with it see it. */
export interface MutationRecord {
  operation: string;
  args: Record<string, unknown>;
  /** What the work returned (the field's value before its sub-selection is resolved). */
  result: unknown;
  /** The user or API key that made the change; for a public page the person whose link it is. */
  actor: Actor;
  /** Ids of the nodes the change touched: those the arguments name, those of the result, those reported. */
  targetIds: string[];
  extraEvents: ExtraEvent[];
}

/**
 * Where a mutation writes: the request's scoped door, whose transaction also hands over the
 * unscoped `system` one, or the shared Database (public pages, which have no viewer).
 */
export interface WriteDoor {
  writeTransaction<T>(work: (tx: Tx, system?: Tx) => Promise<T>, options?: MutateOptions): Promise<T>;
}

/**
 * Something that must commit with every mutation, written into its transaction after the work
 * succeeded: the change event (and the audit entry, the idempotency record).
 */
export type MutationRecorder = (tx: Tx, record: MutationRecord) => Promise<void>;

/**
 * The one way a mutation writes: all of its checks and writes run in one write transaction, and
 * every recorder writes its record into the same transaction after the work, so they commit
 * together or not at all. On the request's scoped door (ScopedDatabase) the work's steps get
 * `$visible` like every read, so the id checks of a mutation a PARTNER may call treat a hidden
 * node as unknown (ACCESS.md); the records are the system's and are written unscoped. The work
 * may be retried on a transient error (deadlock, leader switch): keep it free of side effects
 * outside the transaction.
 *
 * With an Idempotency-Key the key and the result join the transaction too, and a retry of the
 * same request answers that result without running the work or the recorders again
 * (src/graphql/idempotency.ts). `afterCommit` runs once the transaction has committed, before the
 * mutation answers (the server forgets its cached sign-ins there).
 */
export function mutator(
  db: WriteDoor,
  actor: Actor,
  recorders: readonly MutationRecorder[],
  idempotency?: IdempotencyClaim,
  afterCommit: () => void = () => undefined,
) {
  return (call: MutationCall): Mutate =>
    async (work, options) => {
      const result = await db.writeTransaction(async (tx, system) => {
        const change = async () => {
          const touched: string[] = [];
          const extraEvents: ExtraEvent[] = [];
          const result = await work(tx, { touched: (...ids) => touched.push(...ids), emit: (event) => extraEvents.push(event) });
          const targetIds = [...new Set([...call.argumentIds, ...idsOf(result), ...touched])];
          for (const record of recorders) await record(system ?? tx, { operation: call.operation, args: call.args, result, actor, targetIds, extraEvents });
          return result;
        };
        return idempotency ? answerOnce(system ?? tx, idempotency, change) : change();
      }, options);
      afterCommit();
      return result;
    };
}

/**
 * The ids a mutation's result names: an id it returns, the node or link it returns (its id, its ends;
 * not the nodes it merely refers to, such as a key's owner), or else the nodes it holds
 * (`{ apiKey, secret }`).
 */
function idsOf(result: unknown): string[] {
  if (typeof result === 'string') return [result];
  if (Array.isArray(result)) return result.flatMap(idsOf);
  if (!isObject(result)) return [];
  const row = result;
  const own = [row.id, row.fromId, row.toId].filter((id): id is string => typeof id === 'string');
  if (own.length) return own;
  return Object.values(row).flatMap((inner) => (isObject(inner) && typeof inner.id === 'string' ? [inner.id] : []));
}

const isObject = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);
