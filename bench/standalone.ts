/**
 * The runner of the benches that need an empty database of their own (bench:import,
 * bench:communities): an embedded Neo4j on a fresh temporary store, or NEO4J_URI when set (which
 * they empty, so that needs BENCH_WIPE=true). `npm run bench` itself uses the kept bench store.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Database } from '../src/neo4j/database';
import { startEmbeddedNeo4j, type EmbeddedNeo4j } from '../src/neo4j/embedded';
import { migrate } from '../src/neo4j/migrations';

export interface BenchContext {
  db: Database;
  /** Process id of the embedded Neo4j JVM, when the runner started one (for its memory figures). */
  neo4jPid?: number;
  /** Prints one figure line. */
  report(name: string, value: string | number, unit?: string): void;
}

/** Peak resident memory of a process in MB (Linux /proc; undefined elsewhere). */
export function peakRssMb(pid: number | 'self'): number | undefined {
  try {
    const match = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Math.round(Number(match[1]) / 1024) : undefined;
  } catch {
    return undefined;
  }
}

async function withDatabase(run: (context: BenchContext) => Promise<void>): Promise<void> {
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

/** Runs one bench on its own database and exits 1 when it fails. */
export function runStandalone(run: (context: BenchContext) => Promise<void>): void {
  withDatabase(run).catch((error) => {
    process.stderr.write(`bench failed: ${(error as Error).stack ?? error}\n`);
    process.exit(1);
  });
}
