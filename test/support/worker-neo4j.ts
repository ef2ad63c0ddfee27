/**
 * Runs before every test file (jest's setupFiles): points NEO4J_URI at this worker's own embedded
 * Neo4j, so that tests that empty the database never meet another worker's data.
 */

/** The embedded Neo4js' Bolt URIs, one per worker in order, space-separated (set by global-setup.ts). */
export const WORKER_NEO4J_URIS = 'XRM_TEST_NEO4J_URIS';

const uris = process.env[WORKER_NEO4J_URIS]?.split(' ').filter(Boolean) ?? [];
if (uris.length > 0) {
  const worker = Number(process.env.JEST_WORKER_ID ?? '1');
  process.env.NEO4J_URI = uris[(worker - 1) % uris.length];
}
