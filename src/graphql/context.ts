import type { Database, Reader } from '../neo4j/database';
import { ScopedDatabase, type Scope } from '../neo4j/scoped-database';
import type { Logger } from '../logger';
import type { IdempotencyClaim } from './idempotency';
import { mutator, type Mutate, type MutationCall, type MutationRecorder } from './mutate';
import type { Viewer } from './viewer';

/**
 * The DataLoaders of one request. Each area with loaders adds them to this interface by
 * declaration merging in its index.ts, and src/areas.ts builds them, so this file imports no
 * area and no area's loader types import the context back.
 */
export interface Loaders {}

/** Everything a resolver may use; built fresh for every request. */
export interface Context {
  /** Reads only, within the request's scope; a mutation writes through `mutate`. */
  db: Reader;
  log: Logger;
  loaders: Loaders;
  /** Who is asking (signed in before the operation runs). */
  viewer: Viewer;
  /**
   * Opens the one write transaction of the Mutation field being resolved (bindMutations binds it
   * to that field, so its records name the operation); anywhere else it throws.
   */
  mutate: Mutate;
  /** Milliseconds left before the request's deadline (REQUEST_TIMEOUT_MS). */
  remainingMs(): number;
  /** The request's Idempotency-Key, when it sent one. */
  idempotency?: IdempotencyClaim;
  /** Builds the `mutate` of one Mutation field; only bindMutations calls it. */
  mutationFor(call: MutationCall): Mutate;
  limits: RequestLimits;
}

/** Bounds on what one request may ask for, from the configuration. */
export interface RequestLimits {
  /** Most rows (nodes + relationships) one importGraph takes (IMPORT_MAX_ROWS). */
  importMaxRows: number;
}

export interface ContextParts {
  db: Database;
  log: Logger;
  createLoaders: (reader: Reader) => Loaders;
  viewer: Viewer;
  /**
   * What the viewer may see (DESIGN §9): every query of the request, reads and mutation steps,
   * runs within it (src/neo4j/scoped-database.ts).
   */
  scope: Scope;
  limits: RequestLimits;
  /** Written with every mutation, in its transaction (the audit entry, the change event). */
  recorders: readonly MutationRecorder[];
  /** The request's Idempotency-Key, when it sent one. */
  idempotency?: IdempotencyClaim;
  /** Runs after each of the request's mutations has committed. */
  afterCommit?: () => void;
}

const outsideAMutation: Mutate = () =>
  Promise.reject(new Error('context.mutate is bound to Mutation fields only; a query resolver must not write'));

/** The context of one request, with a fresh set of loaders so no cache outlives it. */
export function createContext({ db, log, createLoaders, viewer, scope, limits, recorders, idempotency, afterCommit }: ContextParts): Context {
  const scoped = new ScopedDatabase(db, scope, log);
  return {
    db: scoped,
    log,
    loaders: createLoaders(scoped),
    viewer,
    limits,
    mutate: outsideAMutation,
    mutationFor: mutator(scoped, viewer, recorders, idempotency, afterCommit),
    remainingMs: () => db.remainingMs(),
    idempotency,
  };
}
