import { announceDevelopmentToken, authSettings } from './access';
import { ConfigError, loadConfig } from './config';
import { forgetExpiredKeys } from './graphql/idempotency';
import { seedIfEmpty } from './import';
import { createLogger } from './logger';
import { connectNeo4j } from './neo4j/connect';
import { migrate } from './neo4j/migrations';
import { scheduleRetention } from './privacy';
import { startApp } from './server';
import { onShutdownSignal } from './shutdown';
import { startWebhookDelivery } from './webhooks';
import { prepareExplorer } from './web';

const HOUR_MS = 3_600_000;

/**
 * Composition root: config → Neo4j → migrations → seeds → HTTP server (→ the daily retention run
 * when RETENTION_INTERACTIONS_DAYS is set); a signal stops it in reverse.
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
  // Unset NODE_ENV runs as production (safe defaults): development's conveniences, the generated
  // token secret and the printed ADMIN token among them, only where NODE_ENV=development asks.
  const production = !config.development;
  const auth = authSettings(config.auth, production);
  if (production && !auth.jwtSecret && !auth.jwksUrl) {
    await neo4j.close();
    throw new ConfigError('AUTH_JWT_SECRET or AUTH_JWKS_URL', 'must be set unless NODE_ENV=development (npm start sets it): nobody could sign in');
  }
  const developmentToken = production ? undefined : await announceDevelopmentToken(neo4j.db, auth, log);
  const limits = { ...config.limits, bodyLimitBytes: config.bodyLimitBytes, importMaxRows: config.importMaxRows };
  const app = await startApp(
    {
      db: neo4j.db,
      log,
      production,
      auth,
      developmentToken,
      host: config.host,
      limits,
      requestTimeoutMs: config.timeouts.requestMs,
      heavyQuestions: config.heavyQuestions,
      idempotencyTtlHours: config.idempotencyTtlHours,
      authCacheSeconds: config.authCacheSeconds,
    },
    config.port,
  );
  log.info(
    { host: app.host, port: app.port, nodeEnv: config.nodeEnv, pid: process.pid, embeddedNeo4jPid: neo4j.embeddedPid() },
    `xrm-graph listens on ${where(app.host, app.port)}: ${app.url} (${production ? 'production' : 'development'}), on ${neo4j.description}`,
  );
  log.info(`the explorer: ${app.url.replace(/graphql$/, 'explorer/')}`);
  const webhooks = startWebhookDelivery(neo4j.db, log, config.webhooks);
  const days = config.retentionInteractionsDays;
  const stopRetention = days === undefined ? async () => undefined : scheduleRetention(neo4j.db, log, days);

  const sweep = setInterval(() => {
    neo4j.db
      .writeTransaction(forgetExpiredKeys)
      .then((forgotten) => forgotten && log.info({ forgotten }, 'forgot expired idempotency keys'))
      .catch((error: Error) => log.warn({ err: error }, 'could not forget expired idempotency keys; trying again in an hour'));
  }, HOUR_MS);

  onShutdownSignal(log, async (budget) => {
    clearInterval(sweep);
    await budget.step('webhook deliveries: let the one under way finish', () => webhooks.stop());
    await budget.step('HTTP server: finish requests in flight', () => app.close());
    await budget.step('retention: let a running purge finish', () => stopRetention());
    await budget.step('Neo4j: close the driver, stop the embedded database', () => neo4j.close(budget.remainingMs() - 500));
  });
}

function where(host: string, port: number): string {
  if (host === '0.0.0.0' || host === '::') return `every interface, port ${port} (HOST=${host})`;
  if (host === '127.0.0.1' || host === '::1' || host === 'localhost') return `loopback only, port ${port} (set HOST=0.0.0.0 to serve other machines)`;
  return `${host}, port ${port}`;
}

main().catch((error) => {
  const message = error instanceof ConfigError ? error.message : `xrm-graph failed to start: ${(error as Error).message}`;
  process.stderr.write(`${message}\n`);
  process.exit(1);
});
