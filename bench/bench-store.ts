/**
 * The bench store: the generated world of BENCH_NODES nodes (seed BENCH_SEED) plus deals, imported
 * once into an embedded Neo4j store under .data/bench/ (git-ignored) and reused by every later run
 * of the same size, seed and generator. A store whose import did not finish has no marker file and
 * is rebuilt.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Database } from '../src/neo4j/database';
import { startEmbeddedNeo4j, type EmbeddedNeo4j } from '../src/neo4j/embedded';
import { migrate } from '../src/neo4j/migrations';
import { PROJECT_ROOT } from '../src/project-root';
import { worldRows, worldShape } from '../seeds/generator/generate-world';
import { loadWorld } from './load-world';

export interface WorldInfo {
  nodes: number;
  seed: number;
  /** Hash of what shapes the store (deals, store version, the generator's output); a change rebuilds it. */
  fingerprint: string;
  relationships: number;
  opportunities: number;
  importSeconds: number;
  storeMb: number;
}

export interface BenchStore {
  world: WorldInfo;
  db: Database;
  uri: string;
  /** Process id of the embedded Neo4j JVM. */
  neo4jPid: number;
  heapMb: number;
  pageCacheMb: number;
  stop(): Promise<void>;
}

/**
 * One opportunity on each of the 500 organizations with the most people, owned by a user picked
 * by the account's position, with a five-person buying center of its first five people by key.
 */
const ADD_DEALS = `
MATCH (u:User) WITH u ORDER BY u.key
WITH collect(u) AS users
MATCH (a:Organization) WHERE COUNT { (:Person)-[:WORKS_AT]->(a) } >= 5
WITH users, a ORDER BY COUNT { (:Person)-[:WORKS_AT]->(a) } DESC, a.key LIMIT 500
WITH users, collect(a) AS accounts
UNWIND range(0, size(accounts) - 1) AS i
WITH users, accounts[i] AS a, i
CALL (a) {
  MATCH (p:Person)-[:WORKS_AT]->(a)
  WITH p ORDER BY p.key LIMIT 5
  RETURN collect(p) AS members
}
WITH a, i, members, users[i % size(users)] AS owner
CREATE (o:Entity:Opportunity {id: randomUUID(), key: 'opp-' + a.key, name: 'Heat pumps for ' + a.name, amount: 20000.0 + (i % 40) * 5000.0,
  currency: 'EUR', probability: 0.1 + (i % 8) * 0.1, stage: ['QUALIFICATION', 'PROPOSAL', 'NEGOTIATION', 'WON', 'LOST'][i % 5],
  expectedCloseDate: date('2026-01-15') + duration({days: i % 365}), createdAt: datetime(), updatedAt: datetime()})
CREATE (o)-[:FOR_ACCOUNT]->(a)
CREATE (owner)-[:OWNS]->(o)
WITH o, members
UNWIND range(0, size(members) - 1) AS m
WITH o, members[m] AS p, ['DECISION_MAKER', 'ECONOMIC_BUYER', 'CHAMPION', 'USER', 'GATEKEEPER'][m] AS role
CREATE (p)-[:BUYING_ROLE {roles: [role], stance: 'NEUTRAL', createdAt: datetime(), updatedAt: datetime()}]->(o)
RETURN count(*) AS members`;

const COUNTS = 'RETURN COUNT { ()-[]->() } AS relationships, COUNT { (:Opportunity) } AS opportunities';

/** Bump when the loader or the deals above change what a store holds; a changed generator is noticed by itself. */
const STORE_VERSION = 1;

/** Nodes of the sample world whose rows stand for the generator's output in the fingerprint. */
const SAMPLE_NODES = 20_000;

/**
 * Everything that decides what the store holds: the deals, the store version and what the
 * generator generates (the rows of a sample world with the same seed) — not its source text, so
 * that a refactor which leaves the worlds as they were keeps the stores.
 */
export function fingerprint(seed: number): string {
  const hash = crypto.createHash('sha256');
  hash.update(`${STORE_VERSION}\n${ADD_DEALS}\n`);
  for (const row of worldRows({ nodes: SAMPLE_NODES, seed })) hash.update(JSON.stringify(row));
  return hash.digest('hex').slice(0, 16);
}

function folderMb(dir: string): number {
  let bytes = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) bytes += fs.statSync(path.join(entry.parentPath, entry.name)).size;
  }
  return Math.round(bytes / 1024 / 1024);
}

/**
 * Memory for the bench's Neo4j: a page cache that holds the whole store (so that runs measure
 * queries, not disk reads) and a heap that grows with the world; BENCH_HEAP_MB and
 * BENCH_PAGECACHE_MB override them.
 */
function memoryFor(nodes: number, storeMb: number): { heapMb: number; pageCacheMb: number } {
  const totalMb = os.totalmem() / 1024 / 1024;
  const heapMb = Number(process.env.BENCH_HEAP_MB) || (nodes >= 500_000 ? 3072 : 2048);
  const wantedCache = Math.max(512, Math.ceil((storeMb * 1.2) / 256) * 256);
  const pageCacheMb = Number(process.env.BENCH_PAGECACHE_MB) || Math.min(wantedCache, Math.floor(totalMb / 4));
  return { heapMb, pageCacheMb };
}

/** Opens the bench store for `nodes`/`seed`, building it first when it is missing or stale. */
export async function openBenchStore(nodes: number, seed: number, log: (line: string) => void): Promise<BenchStore> {
  worldShape(nodes); // rejects a bad size before anything is started
  const dir = path.join(PROJECT_ROOT, '.data', 'bench', `world-${nodes}-seed-${seed}`);
  const dataDir = path.join(dir, 'neo4j');
  const markerFile = path.join(dir, 'world.json');
  const wanted = fingerprint(seed);
  let world: WorldInfo | undefined;
  if (fs.existsSync(markerFile)) {
    const marker = JSON.parse(fs.readFileSync(markerFile, 'utf8')) as WorldInfo;
    if (marker.fingerprint === wanted) world = marker;
    else log(`the bench store in ${path.relative(PROJECT_ROOT, dir)} was built by other code: rebuilding it`);
  }
  if (!world) fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dataDir, { recursive: true });

  const memory = memoryFor(nodes, world?.storeMb ?? (nodes / 1000) * 1.6);
  log(`starting the embedded Neo4j on ${path.relative(PROJECT_ROOT, dataDir)} (heap ${memory.heapMb} MB, page cache ${memory.pageCacheMb} MB)`);
  const embedded: EmbeddedNeo4j = await startEmbeddedNeo4j({ dataDir, ...memory, progress: log });
  const db = Database.connect({ uri: embedded.uri, user: 'neo4j', password: '', database: 'neo4j' });
  const stop = async () => {
    await db.close();
    await embedded.stop();
  };
  try {
    await db.waitUntilReachable(60_000);
    if (!world) {
      world = await build(db, nodes, seed, wanted, dataDir, log);
    } else {
      log(`reusing the bench store: ${world.nodes} nodes, ${world.relationships} relationships, ${world.opportunities} opportunities (imported in ${world.importSeconds} s)`);
      await migrate(db);
    }
    fs.writeFileSync(markerFile, `${JSON.stringify(world, null, 2)}\n`);
  } catch (error) {
    await stop();
    throw error;
  }
  return { world, db, uri: embedded.uri, neo4jPid: embedded.pid, ...memory, stop };
}

/** The one index the load needs (relationships find their ends by key); migrate() adds the others afterwards, in bulk. */
const KEY_CONSTRAINT = 'CREATE CONSTRAINT entity_key IF NOT EXISTS FOR (n:Entity) REQUIRE n.key IS UNIQUE';

async function build(db: Database, nodes: number, seed: number, fingerprintValue: string, dataDir: string, log: (line: string) => void): Promise<WorldInfo> {
  const started = Date.now();
  await db.write(KEY_CONSTRAINT);
  log(`building the bench store: generating and importing ${nodes} nodes (seed ${seed}); later runs reuse it`);
  let lastLog = 0;
  // The import's transaction timeout: a batch of 10,000 may take longer than a request's on a busy machine.
  await loadWorld(db.forImport(), { nodes, seed }, (counts) => {
    if (Date.now() - lastLog < 10_000) return;
    lastLog = Date.now();
    const seconds = (Date.now() - started) / 1000;
    log(`  ${counts.nodes} nodes, ${counts.relationships} relationships after ${seconds.toFixed(0)} s`);
  });
  await migrate(db);
  await db.write(ADD_DEALS);
  const [counts] = await db.read<{ relationships: number; opportunities: number }>(COUNTS);
  const importSeconds = Math.round((Date.now() - started) / 1000);
  log(`bench store built in ${importSeconds} s: ${counts.relationships} relationships, ${counts.opportunities} opportunities`);
  return { nodes, seed, fingerprint: fingerprintValue, ...counts, importSeconds, storeMb: folderMb(dataDir) };
}
