import type { Database } from '../neo4j/database';
import { indexStates, migrate, READ_ONLY_ENTITY_INDEXES } from '../neo4j/migrations';

const COUNT_ENTITIES = 'MATCH (n:Entity) RETURN count(n) AS count';

/** What an import found in the store before its first row. */
export interface PreparedStore {
  /** The store held no entities: a first load (see FirstLoad). */
  empty: boolean;
  /** Indexes left out for `buildDeferredIndexes`. */
  deferred: string[];
}

/**
 * Readies the store for an import, says whether it holds entities and names the indexes it left
 * for `buildDeferredIndexes`. A store that holds entities gets every migration, as on any start.
 * A store without any (when `deferIndexes`) gets all but the read-only entity indexes that it
 * does not have yet (READ_ONLY_ENTITY_INDEXES: the full-text search and the lookups by name,
 * e-mail, stage …), so that the load does not update them row by row. The uniqueness
 * constraints on `id` and `key` are always there first: every row is checked against them as in
 * any import.
 *
 * Nothing is ever dropped, so a store that already has an index keeps it; and a load cut off
 * before the indexes are built leaves a store that the next start (which migrates) or the next
 * import (a store with entities: every migration first) completes.
 */
export async function prepareStore(db: Database, deferIndexes: boolean): Promise<PreparedStore> {
  const [{ count }] = await db.read<{ count: number }>(COUNT_ENTITIES);
  if (count === 0 && deferIndexes) return { empty: true, deferred: await migrateDeferring(db) };
  await migrate(db);
  return { empty: count === 0, deferred: [] };
}

/**
 * Readies a store that Neo4j's offline importer has just built (offline-load.ts) for the rows
 * replayed after it: every migration but the read-only entity indexes, which are left for
 * `buildDeferredIndexes` after the replay, as in a load into an empty store. The uniqueness
 * constraints on `id` and `key` are built first, from the imported nodes (a duplicate would fail
 * them here, loudly).
 */
export async function prepareOfflineBuiltStore(db: Database): Promise<PreparedStore> {
  return { empty: false, deferred: await migrateDeferring(db) };
}

/** Every migration but the read-only entity indexes the store lacks; answers their names. */
async function migrateDeferring(db: Database): Promise<string[]> {
  const existing = new Set((await indexStates(db, READ_ONLY_ENTITY_INDEXES)).map((index) => index.name));
  const deferred = [...READ_ONLY_ENTITY_INDEXES].filter((name) => !existing.has(name));
  await migrate(db, { except: new Set(deferred) });
  return deferred;
}

/**
 * Creates every missing migration (the deferred indexes among them) and waits until the named
 * indexes are online, reporting their population every `everyMs`. Neo4j builds each in one scan
 * of the store. A failed population throws; the index then stays FAILED for an operator to see.
 */
export async function buildDeferredIndexes(db: Database, names: string[], progress: (states: string) => void, everyMs = 2_000): Promise<void> {
  await migrate(db, { wait: false });
  for (;;) {
    const states = await indexStates(db, names);
    const failed = states.filter((index) => index.state === 'FAILED');
    if (failed.length > 0) throw new Error(`building the index${failed.length > 1 ? 'es' : ''} ${failed.map((index) => index.name).join(', ')} failed; see the Neo4j log`);
    const pending = states.filter((index) => index.state !== 'ONLINE');
    if (pending.length === 0 && states.length === names.length) return;
    progress(pending.map((index) => `${index.name} ${Math.floor(index.populationPercent)}%`).join(', '));
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}
