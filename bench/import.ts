/**
 * `npm run bench:import`: imports a generated 100,000-node world (BENCH_NODES to change it) with
 * the same importGraph as the mutation and the CLI, in batches, on an empty database; then
 * imports it again (idempotent). Uses NEO4J_URI when set (and empties that database, so it
 * insists on BENCH_WIPE=true); otherwise an embedded Neo4j on a fresh temporary store.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { importGraph } from '../src/import/import-graph';
import { Database } from '../src/neo4j/database';
import { startEmbeddedNeo4j, type EmbeddedNeo4j } from '../src/neo4j/embedded';
import { migrate } from '../src/neo4j/migrations';
import { generateWorld } from '../seeds/generator/generate-world';
import { wipeDatabase } from './wipe-database';

interface BenchContext {
  db: Database;
  /** Process id of the embedded Neo4j JVM, when this script started one (for its memory figures). */
  neo4jPid?: number;
  report(name: string, value: string | number, unit?: string): void;
}

const NODES = Number(process.env.BENCH_NODES ?? 100_000);
const BATCH_SIZE = Number(process.env.BENCH_BATCH_SIZE ?? 10_000);

/** Peak resident memory of a process in MB (Linux /proc; undefined elsewhere). */
function peakRssMb(pid: number | 'self'): number | undefined {
  try {
    const match = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Math.round(Number(match[1]) / 1024) : undefined;
  } catch {
    return undefined;
  }
}

async function run(context: BenchContext): Promise<void> {
  const { report } = context;
  let started = Date.now();
  const world = generateWorld({ nodes: NODES, seed: 1 });
  report('generated', `${world.nodes.length} nodes, ${world.relationships.length} relationships in ${Date.now() - started} ms`);
  await wipeDatabase(context.db);

  started = Date.now();
  let nodesDoneAt = 0;
  const first = await importGraph(context.db, world, {
    batchSize: BATCH_SIZE,
    onProgress: (done) => {
      if (done === world.nodes.length) nodesDoneAt = Date.now();
    },
  });
  const ended = Date.now();
  const validateAndNodes = (nodesDoneAt - started) / 1000;
  const relationships = (ended - nodesDoneAt) / 1000;
  const total = (ended - started) / 1000;
  report('batch size', BATCH_SIZE, 'rows');
  report('first import: report', JSON.stringify(first));
  report('first import: total time', total.toFixed(1), 's');
  report('first import: nodes (incl. validation)', `${validateAndNodes.toFixed(1)} s, ${Math.round(world.nodes.length / validateAndNodes)} nodes/s`);
  report('first import: relationships', `${relationships.toFixed(1)} s, ${Math.round(world.relationships.length / relationships)} relationships/s`);
  report('first import: overall', Math.round((world.nodes.length + world.relationships.length) / total), 'rows/s');

  started = Date.now();
  const second = await importGraph(context.db, world, { batchSize: BATCH_SIZE });
  report('second import (idempotent): time', ((Date.now() - started) / 1000).toFixed(1), 's');
  report('second import: report', JSON.stringify(second));

  report('peak RSS, node process', peakRssMb('self') ?? Math.round(process.resourceUsage().maxRSS / 1024), 'MB');
  if (context.neo4jPid) report('peak RSS, embedded Neo4j JVM', peakRssMb(context.neo4jPid) ?? 'n/a', 'MB');
  await wipeDatabase(context.db);
}

async function main(): Promise<void> {
  let embedded: EmbeddedNeo4j | undefined;
  let dataDir: string | undefined;
  let uri = process.env.NEO4J_URI;
  if (uri && process.env.BENCH_WIPE !== 'true') throw new Error('NEO4J_URI is set: this bench empties that database, so set BENCH_WIPE=true to confirm.');
  if (!uri) {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'xrm-graph-bench-neo4j-'));
    console.log(`starting the embedded Neo4j on ${dataDir} (set NEO4J_URI to use a server)`);
    embedded = await startEmbeddedNeo4j({ dataDir, heapMb: 2048, pageCacheMb: 1024 });
    uri = embedded.uri;
  }
  const db = Database.connect({ uri, user: process.env.NEO4J_USER || 'neo4j', password: process.env.NEO4J_PASSWORD ?? '', database: process.env.NEO4J_DATABASE || 'neo4j' });
  try {
    await db.waitUntilReachable(30_000);
    await migrate(db);
    await run({
      db,
      neo4jPid: embedded?.pid,
      report: (name, value, unit = '') => console.log(`  ${name.padEnd(40)} ${value}${unit ? ` ${unit}` : ''}`),
    });
  } finally {
    await db.close();
    await embedded?.stop();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  process.stderr.write(`bench failed: ${(error as Error).stack ?? error}\n`);
  process.exit(1);
});
