/**
 * Starts an embedded Neo4j on the store `argv[2]` (and the port `argv[3]`, default a free one)
 * and prints `<uri> <jvm pid>`, then waits. Tests kill this process to check that the JVM
 * notices its parent is gone and stops, and use it as an "external" server that goes away.
 */
import { startEmbeddedNeo4j } from '../../src/neo4j/embedded';

startEmbeddedNeo4j({ dataDir: process.argv[2], port: Number(process.argv[3] ?? 0), heapMb: 256, pageCacheMb: 16 }).then(
  (server) => process.stdout.write(`${server.uri} ${server.pid}\n`),
  (error) => {
    process.stderr.write(`${(error as Error).message}\n`);
    process.exit(1);
  },
);
setInterval(() => undefined, 60_000);
