import type { Config } from '../config';
import type { Logger } from '../logger';
import { Database } from './database';
import { startEmbeddedNeo4j, type EmbeddedNeo4j } from './embedded';

export interface Neo4jConnection {
  db: Database;
  /** Where the data lives, for the start-up log line. */
  description: string;
  close(): Promise<void>;
}

/** Connects to NEO4J_URI, or starts the embedded Neo4j on NEO4J_DATA_DIR when it is unset. */
export async function connectNeo4j(config: Config, log: Logger): Promise<Neo4jConnection> {
  let embedded: EmbeddedNeo4j | undefined;
  let uri = config.neo4jUri;
  if (!uri) {
    log.info({ dataDir: config.neo4jDataDir }, 'NEO4J_URI is not set: starting the embedded Neo4j');
    embedded = await startEmbeddedNeo4j({ dataDir: config.neo4jDataDir, progress: (line) => log.info(line) });
    uri = embedded.uri;
  }
  const db = Database.connect({
    uri,
    user: config.neo4jUser,
    password: config.neo4jPassword,
    database: config.neo4jDatabase,
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
    close: async () => {
      await db.close();
      await embedded?.stop();
    },
  };
}
