import pino from 'pino';
import { mintToken } from '../../src/access';
import { seedIfEmpty } from '../../src/import/seed';
import { ensureExplorerBuilt } from '../../src/web';
import { startTestServer, type TestServer } from '../support/test-server';

/** How long building the explorer and loading the sample world may take on a busy machine. */
export const SETUP_TIMEOUT_MS = 600_000;

/**
 * The real API on the sample world (seeds/), with the explorer built the way npm start builds
 * it (only when missing or stale), so a fresh clone's npm test needs no extra step.
 */
export async function startSampleWorld(): Promise<TestServer> {
  await ensureExplorerBuilt();
  const server = await startTestServer();
  await server.onEmptyDatabase(() => seedIfEmpty(server.db, pino({ level: 'silent' })));
  return server;
}

/** The id of a sample-world node by its key (seeds/README.md). */
export async function idOf(server: TestServer, key: string): Promise<string> {
  const { nodeByKey } = await server.data('query ($key: String!) { nodeByKey(key: $key) { id } }', { key });
  if (!nodeByKey) throw new Error(`the sample world has no node with key ${key}`);
  return nodeByKey.id;
}

/** A token of a sample-world user (by key), as npm run token mints it. */
export function tokenOf(server: TestServer, key: string): Promise<string> {
  return mintToken(server.auth, key, '1h');
}
