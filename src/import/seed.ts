import fs from 'node:fs';
import path from 'node:path';
import type { Database } from '../neo4j/database';
import type { Logger } from '../logger';
import { importGraph } from './import-graph';
import { PROJECT_ROOT } from '../project-root';

export const SEEDS_DIR = path.join(PROJECT_ROOT, 'seeds');

const COUNT_ENTITIES = 'MATCH (n:Entity) RETURN count(n) AS count';
const SEED_STATE = 'MATCH (s:SeedState {name: $name}) RETURN s.complete AS complete';
const MARK_SEEDING = 'MERGE (s:SeedState {name: $name}) SET s.complete = false, s.startedAt = datetime()';
const MARK_SEEDED = 'MATCH (s:SeedState {name: $name}) SET s.complete = true, s.completedAt = datetime()';
const SAMPLE_WORLD = 'sample-world';

/**
 * Loads every seeds/*.json (in file-name order, so later files may link to earlier ones) into an
 * empty database. A database that holds any entity is left alone, so restarts load nothing twice;
 * a load that was cut off (a SeedState still marked incomplete) is run again, which is safe
 * because the import MERGEs on keys.
 */
export async function seedIfEmpty(db: Database, log: Logger, dir = SEEDS_DIR): Promise<boolean> {
  const [state] = await db.read<{ complete: boolean }>(SEED_STATE, { name: SAMPLE_WORLD });
  const interrupted = state?.complete === false;
  const [{ count }] = await db.read<{ count: number }>(COUNT_ENTITIES);
  if (count > 0 && !interrupted) {
    log.info({ entities: count }, 'database already holds data: seeds not loaded');
    return false;
  }
  if (interrupted) log.warn('an earlier seed load was cut off: loading the seeds again');
  await db.write(MARK_SEEDING, { name: SAMPLE_WORLD });
  for (const file of seedFiles(dir)) {
    const report = await importGraph(db, JSON.parse(fs.readFileSync(file, 'utf8')), { batchSize: 10_000 });
    log.info({ file: path.basename(file), ...report }, 'seed loaded');
  }
  await db.write(MARK_SEEDED, { name: SAMPLE_WORLD });
  return true;
}

export function seedFiles(dir = SEEDS_DIR): string[] {
  return fs
    .readdirSync(dir)
    .filter((file) => file.endsWith('.json'))
    .sort()
    .map((file) => path.join(dir, file));
}
