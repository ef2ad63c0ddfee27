/**
 * Starts an embedded Neo4j and prints `<uri> <jvm pid>`, then waits. Tests kill this process
 * to check that the JVM notices its parent is gone and stops.
 */
import { startEmbeddedNeo4j } from '../../src/neo4j/embedded';

startEmbeddedNeo4j({ dataDir: process.argv[2], heapMb: 256, pageCacheMb: 16 }).then(
  (server) => process.stdout.write(`${server.uri} ${server.pid}\n`),
  (error) => {
    process.stderr.write(`${(error as Error).message}\n`);
    process.exit(1);
  },
);
setInterval(() => undefined, 60_000);
