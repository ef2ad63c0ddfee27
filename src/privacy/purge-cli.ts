/**
 * `npm run purge`: deletes interactions older than RETENTION_INTERACTIONS_DAYS (the same purge
 * the server runs daily), in NEO4J_URI or the embedded Neo4j (like npm start), with progress.
 * Unset RETENTION_INTERACTIONS_DAYS means "keep all": it says so and deletes nothing.
 */
import { ConfigError, loadConfig } from '../config';
import { withNeo4j } from '../neo4j/connect';
import { migrate } from '../neo4j/migrations';
import { purgeInteractions } from './purge-interactions';

async function main(): Promise<number> {
  const config = loadConfig();
  const days = config.retentionInteractionsDays;
  if (days === undefined) {
    console.log('RETENTION_INTERACTIONS_DAYS is not set: every interaction is kept, nothing purged.');
    return 0;
  }
  return withNeo4j(config, async (neo4j) => {
    await migrate(neo4j.db);
    console.log(`purging interactions older than ${days} days from ${neo4j.description}`);
    const report = await purgeInteractions(neo4j.db, {
      olderThanDays: days,
      onProgress: (deleted, total) => console.log(`  ${deleted}/${total} interactions deleted`),
    });
    console.log(`purged ${report.deleted} interactions that occurred before ${report.cutoff}`);
    return 0;
  });
}

main().then(
  (code) => process.exit(code),
  (error) => {
    process.stderr.write(`${error instanceof ConfigError ? error.message : `purge failed: ${(error as Error).message}`}\n`);
    process.exit(error instanceof ConfigError ? 2 : 3);
  },
);
