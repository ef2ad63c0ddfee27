import type { Database, Reader } from '../neo4j/database';
import type { Logger } from '../logger';
import { mutator, type Mutate, type MutationCall, type MutationRecorder } from './mutate';

/**
 * The DataLoaders of one request. Each area with loaders adds them to this interface by
 * declaration merging in its index.ts, and src/areas.ts builds them, so this file imports no
 * area and no area's loader types import the context back.
 */
export interface Loaders {}

/** Everything a resolver may use; built fresh for every request. */
export interface Context {
  /** Reads only; a mutation writes through `mutate`. */
  db: Reader;
  log: Logger;
  loaders: Loaders;
  /**
   * Opens the one write transaction of the Mutation field being resolved (bindMutations binds it
   * to that field, so its records name the operation); anywhere else it throws.
   */
  mutate: Mutate;
  /** Builds the `mutate` of one Mutation field; only bindMutations calls it. */
  mutationFor(call: MutationCall): Mutate;
}

const outsideAMutation: Mutate = () =>
  Promise.reject(new Error('context.mutate is bound to Mutation fields only; a query resolver must not write'));

/**
 * The context of one request, with a fresh set of loaders so no cache outlives it. `recorders`
 * write with every mutation (src/areas.ts lists them); `actorId` is who is asking.
 */
export function createContext(
  db: Database,
  log: Logger,
  createLoaders: (db: Reader) => Loaders,
  recorders: readonly MutationRecorder[] = [],
  actorId: string | null = null,
): Context {
  return { db, log, loaders: createLoaders(db), mutate: outsideAMutation, mutationFor: mutator(db, actorId, recorders) };
}
