import { announceDevelopmentToken, authSettings } from './access';
import { ConfigError, loadConfig } from './config';
import { seedIfEmpty } from './import';
import { createLogger } from './logger';
import { connectNeo4j } from './neo4j/connect';
import { migrate } from './neo4j/migrations';
import { scheduleRetention } from './privacy';
import { startApp } from './server';
import { startWebhookDelivery } from './webhooks';
import { prepareExplorer } from './web';

/**
 * Composition root: config → Neo4j → migrations → seeds → HTTP server (→ the daily retention run
 * when RETENTION_INTERACTIONS_DAYS is set); Ctrl-C stops it in reverse.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const log = createLogger(config.logLevel);
  const neo4j = await connectNeo4j(config, log);
  try {
    await migrate(neo4j.db);
    if (config.seed) await seedIfEmpty(neo4j.db, log);
  } catch (error) {
    await neo4j.close();
    throw error;
  }
  await prepareExplorer(log);
  const production = config.nodeEnv === 'production';
  const auth = authSettings(config.auth, production);
  const developmentToken = production ? undefined : await announceDevelopmentToken(neo4j.db, auth, log);
  const limits = { bodyLimitBytes: config.bodyLimitBytes, importMaxRows: config.importMaxRows };
  const app = await startApp({ db: neo4j.db, log, production, auth, developmentToken, limits }, config.port);
  log.info(`xrm-graph serves ${app.url} on ${neo4j.description}`);
  log.info(`the explorer: ${app.url.replace(/graphql$/, 'explorer/')}`);
  const webhooks = startWebhookDelivery(neo4j.db, log, config.webhooks);
  const days = config.retentionInteractionsDays;
  const stopRetention = days === undefined ? async () => undefined : scheduleRetention(neo4j.db, log, days);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down: webhook deliveries, HTTP server, then Neo4j');
    await webhooks.stop();
    await app.close();
    await stopRetention();
    await neo4j.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error) => {
  const message = error instanceof ConfigError ? error.message : `xrm-graph failed to start: ${(error as Error).message}`;
  process.stderr.write(`${message}\n`);
  process.exit(1);
});
