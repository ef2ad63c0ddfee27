import fs from 'node:fs';
import path from 'node:path';
import type { Database } from '../neo4j/database';
import type { Logger } from '../logger';
import { importGraph } from './import-graph';
import { PROJECT_ROOT } from '../project-root';

export const SEEDS_DIR = path.join(PROJECT_ROOT, 'seeds');

const COUNT_ENTITIES = 'MATCH (n:Entity) RETURN count(n) AS count';

/**
 * Loads every seeds/*.json (in file-name order, so later files may link to earlier ones) into an
 * empty database. A database that holds any entity is left alone, so restarts load nothing twice.
 */
export async function seedIfEmpty(db: Database, log: Logger, dir = SEEDS_DIR): Promise<boolean> {
  const [{ count }] = await db.read<{ count: number }>(COUNT_ENTITIES);
  if (count > 0) {
    log.info({ entities: count }, 'database already holds data: seeds not loaded');
    return false;
  }
  for (const file of seedFiles(dir)) {
    const report = await importGraph(db, JSON.parse(fs.readFileSync(file, 'utf8')), { batchSize: 10_000 });
    log.info({ file: path.basename(file), ...report }, 'seed loaded');
  }
  return true;
}

export function seedFiles(dir = SEEDS_DIR): string[] {
  return fs
    .readdirSync(dir)
    .filter((file) => file.endsWith('.json'))
    .sort()
    .map((file) => path.join(dir, file));
}
