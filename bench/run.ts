/**
 * `npm run bench [-- <name>…]`: runs every bench/*.bench.ts (or the named ones, e.g. `import`),
 * each exporting `run(context)` that prints its figures. Uses NEO4J_URI when set; otherwise an
 * embedded Neo4j on a fresh temporary store, removed afterwards. Figures are printed, never asserted.
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

export interface BenchModule {
  run(context: BenchContext): Promise<void>;
}

async function main(): Promise<void> {
  const wanted = process.argv.slice(2);
  const all = fs.readdirSync(__dirname).filter((file) => file.endsWith('.bench.ts')).sort();
  const files = wanted.length ? wanted.map((name) => `${name.replace(/\.bench\.ts$/, '')}.bench.ts`) : all;
  for (const file of files) {
    if (!all.includes(file)) throw new Error(`no benchmark ${file}; available: ${all.map((f) => f.replace('.bench.ts', '')).join(', ')}`);
  }

  let embedded: EmbeddedNeo4j | undefined;
  let dataDir: string | undefined;
  let uri = process.env.NEO4J_URI;
  if (!uri) {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'xrm-graph-bench-neo4j-'));
    console.log(`starting the embedded Neo4j on ${dataDir} (set NEO4J_URI to use a server)`);
    embedded = await startEmbeddedNeo4j({ dataDir, heapMb: 2048, pageCacheMb: 1024 });
    uri = embedded.uri;
  }
  const db = Database.connect({
    uri,
    user: process.env.NEO4J_USER || 'neo4j',
    password: process.env.NEO4J_PASSWORD ?? '',
    database: process.env.NEO4J_DATABASE || 'neo4j',
  });
  try {
    await db.waitUntilReachable(30_000);
    await migrate(db);
    for (const file of files) {
      console.log(`\n== ${file.replace('.bench.ts', '')} ==`);
      const bench = (await import(path.join(__dirname, file))) as BenchModule;
      await bench.run({
        db,
        neo4jPid: embedded?.pid,
        report: (name, value, unit = '') => console.log(`  ${name.padEnd(40)} ${value}${unit ? ` ${unit}` : ''}`),
      });
    }
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
