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

/**
 * The JVMs a test starts (an API's embedded Neo4j, the offline importer, a store opened to read
 * it) live for seconds, and C2's compilations are CPU they never earn back, so they stop at C1
 * (the offline import's file alone, every JVM at C1: 191 s of CPU instead of 325 s, 151 s instead
 * of 198 s). The suite's own Neo4js, started by global-setup.ts before this file runs, keep the
 * whole JIT.
 */
process.env.JAVA_TOOL_OPTIONS = [process.env.JAVA_TOOL_OPTIONS, '-XX:TieredStopAtLevel=1'].filter(Boolean).join(' ');
