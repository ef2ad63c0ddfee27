import type { Config } from '../config';
import { createLogger, type Logger } from '../logger';
import { Database } from './database';
import { machineMemoryBytes, planEmbeddedMemory, storeSizeBytes } from './embedded-memory';
import { superviseEmbeddedNeo4j, type SupervisedNeo4j } from './embedded-supervisor';

export interface Neo4jConnection {
  db: Database;
  /** Where the data lives, for the start-up log line. */
  description: string;
  /** Process id of the embedded JVM, when there is one running. */
  embeddedPid(): number | undefined;
  /** Closes the driver, then stops the embedded Neo4j (killing it after `killAfterMs`). */
  close(killAfterMs?: number): Promise<void>;
}

export interface ConnectOptions {
  /**
   * Bytes the store is about to grow by (an import's estimate): the embedded Neo4j is then sized
   * for the store it will hold, not the empty one it starts on.
   */
  storeGrowthBytes?: number;
}

/**
 * Connects to NEO4J_URI, or starts the embedded Neo4j on NEO4J_DATA_DIR when it is unset —
 * sized for its store and the machine, and restarted when it dies.
 */
export async function connectNeo4j(config: Config, log: Logger, options: ConnectOptions = {}): Promise<Neo4jConnection> {
  let embedded: SupervisedNeo4j | undefined;
  let uri = config.neo4jUri;
  if (!uri) {
    const memory = planEmbeddedMemory({
      storeBytes: storeSizeBytes(config.neo4jDataDir) + (options.storeGrowthBytes ?? 0),
      machineBytes: machineMemoryBytes(),
      ...config.embeddedMemory,
    });
    log.info(
      { dataDir: config.neo4jDataDir, ...memory },
      `NEO4J_URI is not set: starting the embedded Neo4j with a ${memory.heapMb} MB heap${memory.overridden.heap ? ' (NEO4J_HEAP_MB)' : ''} and a ${memory.pageCacheMb} MB page cache${memory.overridden.pageCache ? ' (NEO4J_PAGECACHE_MB)' : ''} for a ${memory.storeMb} MB store on ${memory.machineMb} MB of memory`,
    );
    embedded = await superviseEmbeddedNeo4j(
      { dataDir: config.neo4jDataDir, heapMb: memory.heapMb, pageCacheMb: memory.pageCacheMb, progress: (line) => log.info(line) },
      log,
    );
    uri = embedded.uri;
    log.info({ pid: embedded.pid(), uri }, 'the embedded Neo4j is running');
  }
  const db = Database.connect({
    uri,
    user: config.neo4jUser,
    password: config.neo4jPassword,
    database: config.neo4jDatabase,
    timeouts: config.timeouts,
    onHealthChange: (up, error) =>
      up ? log.info({ uri }, 'Neo4j answers again') : log.error({ uri, error }, 'Neo4j does not answer; requests get SERVICE_UNAVAILABLE until it is back'),
  });
  try {
    await db.waitUntilReachable(30_000);
  } catch (error) {
    await db.close();
    await embedded?.stop();
    throw new Error(`Neo4j at ${uri} does not answer: ${(error as Error).message}. Check NEO4J_URI, NEO4J_USER and NEO4J_PASSWORD.`);
  }
  return {
    db,
    description: embedded ? `embedded Neo4j at ${uri} (store ${config.neo4jDataDir})` : `Neo4j at ${uri}`,
    embeddedPid: () => embedded?.pid(),
    close: async (killAfterMs) => {
      await db.close();
      await embedded?.stop(killAfterMs);
    },
  };
}

/**
 * A command-line tool's way to Neo4j: connects as the server does (logging only warnings, unless
 * LOG_LEVEL asks for debug), runs `work`, and always disconnects, also when the work fails.
 */
export async function withNeo4j<T>(
  config: Config,
  work: (neo4j: Neo4jConnection) => Promise<T>,
  options: ConnectOptions = {},
): Promise<T> {
  const neo4j = await connectNeo4j(config, createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel), options);
  try {
    return await work(neo4j);
  } finally {
    await neo4j.close();
  }
}
