import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startEmbeddedNeo4j, type EmbeddedNeo4j } from '../../src/neo4j/embedded';

declare global {
  // eslint-disable-next-line no-var
  var __embeddedNeo4j: { server: EmbeddedNeo4j; dataDir: string } | undefined;
}

/** Uses NEO4J_URI when set; otherwise starts the embedded Neo4j on a fresh temporary store. */
export default async function globalSetup(): Promise<void> {
  if (process.env.NEO4J_URI) return;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'xrm-graph-test-neo4j-'));
  process.stderr.write('\nStarting the embedded Neo4j for the tests...\n');
  const server = await startEmbeddedNeo4j({ dataDir, heapMb: 1536 });
  process.env.NEO4J_URI = server.uri;
  globalThis.__embeddedNeo4j = { server, dataDir };
}
