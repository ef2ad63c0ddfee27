import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Config } from '@jest/types';
import { startEmbeddedNeo4j, type EmbeddedNeo4j } from '../../src/neo4j/embedded';
import { ensureExplorerBuilt } from '../../src/web';
import { WORKER_NEO4J_URIS } from './worker-neo4j';

declare global {
  // eslint-disable-next-line no-var
  var __embeddedNeo4j: { servers: EmbeddedNeo4j[]; dataDirs: string[] } | undefined;
}

/** Heap of each worker's embedded Neo4j: two of them fit beside the API processes some tests start. */
const HEAP_MB = 1536;

/**
 * Uses NEO4J_URI when set (jest.config.js then runs one worker, since tests empty the database);
 * otherwise starts one embedded Neo4j per jest worker, each on a fresh temporary store, all at
 * once. test/support/worker-neo4j.ts points each worker at its own.
 */
export default async function globalSetup(globalConfig: Config.GlobalConfig): Promise<void> {
  // Built (when missing or stale) beside the JVMs' start, before the workers start: they find it
  // current and never build it themselves. A failed build is left to the tests that need it to report.
  const explorer = ensureExplorerBuilt().catch(() => undefined);
  if (process.env.NEO4J_URI) {
    await explorer;
    testJvmsStopAtC1();
    return;
  }
  const workers = Math.max(1, globalConfig.maxWorkers);
  const dataDirs = Array.from({ length: workers }, () => fs.mkdtempSync(path.join(os.tmpdir(), 'xrm-graph-test-neo4j-')));
  process.stderr.write(`\nStarting ${workers === 1 ? 'the embedded Neo4j' : `${workers} embedded Neo4js, one per jest worker,`} for the tests...\n`);
  const started = await Promise.allSettled(dataDirs.map((dataDir) => startEmbeddedNeo4j({ dataDir, heapMb: HEAP_MB })));
  testJvmsStopAtC1();
  await explorer;
  const servers = started.flatMap((outcome) => (outcome.status === 'fulfilled' ? [outcome.value] : []));
  globalThis.__embeddedNeo4j = { servers, dataDirs };
  const failed = started.find((outcome) => outcome.status === 'rejected');
  if (failed) throw failed.reason;
  process.env.NEO4J_URI = servers[0].uri;
  process.env[WORKER_NEO4J_URIS] = servers.map((server) => server.uri).join(' ');
}

/**
 * The JVMs the tests start from here on (an API's embedded Neo4j, the offline importer, a store
 * opened to read it) live for seconds, and C2's compilations are CPU they never earn back, so they
 * stop at C1 (the offline import's file alone, every JVM at C1: 191 s of CPU instead of 325 s,
 * 151 s instead of 198 s). The workers inherit this; the suite's own Neo4js, started before, keep
 * the whole JIT.
 */
function testJvmsStopAtC1(): void {
  process.env.JAVA_TOOL_OPTIONS = [process.env.JAVA_TOOL_OPTIONS, '-XX:TieredStopAtLevel=1'].filter(Boolean).join(' ');
}
