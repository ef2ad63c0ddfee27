/**
 * Times the graph questions of DESIGN §4 (paths, warm introductions, account network, influence)
 * over HTTP on a generated hub-heavy world (default 100,000 nodes; BENCH_NODES to change it):
 * a few warm-up runs, then median and p95 over BENCH_RUNS runs (default 30) per question.
 *
 * Without NEO4J_URI it starts the embedded Neo4j on a fresh temporary store. With NEO4J_URI it
 * wipes that database first, so it insists on BENCH_WIPE=true.
 *
 *   npm run bench -- graph-questions      (with the other benches' runner)
 *   npx tsx bench/graph-questions.bench.ts (standalone)
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { isNodeLabel, isRelationshipType } from '../src/model/graph-model';
import { Database } from '../src/neo4j/database';
import { startEmbeddedNeo4j, type EmbeddedNeo4j } from '../src/neo4j/embedded';
import { migrate } from '../src/neo4j/migrations';
import { startApp } from '../src/server';
import { benchSignIn } from './bench-sign-in';
import type { ImportDocument } from '../src/import';
import { generateWorld } from '../seeds/generator/generate-world';
import type { BenchContext } from './run';
import { wipeDatabase } from './wipe-database';

interface Question {
  name: string;
  query: string;
  variables: Record<string, unknown>;
}

const PATH_FIELDS = /* GraphQL */ `fragment BenchPathFields on RelationshipPath { strength hops nodes { id } steps { type fromId toId weight } }`;

/** Hub-ish people and accounts to ask about: the best-connected ones, found by degree. */
const PICKS = `
CALL () {
  MATCH (p:Person) WITH p, COUNT { (p)-[:KNOWS]-() } AS degree ORDER BY degree DESC LIMIT 40
  RETURN collect(p.id) AS hubs
}
CALL () {
  MATCH (o:Organization) WITH o, COUNT { (:Person)-[:WORKS_AT]->(o) } AS staff ORDER BY staff DESC LIMIT 1
  RETURN o.id AS bigAccount, staff
}
CALL () {
  MATCH (o:Organization) WITH o, COUNT { (:Person)-[:WORKS_AT]->(o) } AS staff WHERE 10 <= staff <= 30
  RETURN o.id AS midAccount ORDER BY o.key LIMIT 1
}
CALL () {
  MATCH (p:Person) WITH p, COUNT { ()-[:INFLUENCES]->(p) } AS inDegree ORDER BY inDegree DESC LIMIT 1
  RETURN p.id AS influenced
}
CALL () {
  MATCH (p:Person) WHERE p.key ENDS WITH '7'
  WITH p, COUNT { (p)-[:KNOWS]-() } AS degree WHERE 2 <= degree <= 5
  RETURN collect(p.id)[0..2] AS ordinary
}
RETURN hubs, bigAccount, staff, midAccount, influenced, ordinary`;

/** Entry point for `npm run bench` (bench/run.ts), on the runner's database. */
export async function run({ db }: BenchContext): Promise<void> {
  if (process.env.NEO4J_URI && process.env.BENCH_WIPE !== 'true') {
    throw new Error('NEO4J_URI is set: the graph-questions bench wipes that database, so set BENCH_WIPE=true to confirm.');
  }
  await benchGraphQuestions(db);
}

/** Standalone: `npx tsx bench/graph-questions.bench.ts`, on its own embedded Neo4j unless NEO4J_URI is set. */
async function standalone(): Promise<void> {
  let embedded: EmbeddedNeo4j | undefined;
  let dataDir: string | undefined;
  let uri = process.env.NEO4J_URI;
  if (uri && process.env.BENCH_WIPE !== 'true') throw new Error('NEO4J_URI is set: the bench wipes that database, so set BENCH_WIPE=true to confirm.');
  if (!uri) {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'xrm-graph-bench-'));
    embedded = await startEmbeddedNeo4j({ dataDir, heapMb: 3072, pageCacheMb: 1024, progress: () => undefined });
    uri = embedded.uri;
  }
  const db = Database.connect({ uri, user: process.env.NEO4J_USER || 'neo4j', password: process.env.NEO4J_PASSWORD ?? '', database: process.env.NEO4J_DATABASE || 'neo4j' });
  try {
    await db.waitUntilReachable(30_000);
    await migrate(db);
    await benchGraphQuestions(db);
  } finally {
    await db.close();
    await embedded?.stop();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

async function benchGraphQuestions(db: Database): Promise<void> {
  const nodes = Number(process.env.BENCH_NODES ?? 100_000);
  const runs = Number(process.env.BENCH_RUNS ?? 30);
  {
    await wipeDatabase(db);

    let started = Date.now();
    const world = generateWorld({ nodes, seed: 7 });
    await loadWorld(db, world);
    console.log(`world: ${world.nodes.length} nodes, ${world.relationships.length} relationships, generated and loaded in ${((Date.now() - started) / 1000).toFixed(1)} s`);

    const [picks] = await db.read<{ hubs: string[]; bigAccount: string; staff: number; midAccount: string; influenced: string; ordinary: string[] }>(PICKS);
    const degrees = await db.read<{ degree: number }>('UNWIND $ids AS id MATCH (p:Entity {id: id}) RETURN COUNT { (p)--() } AS degree', { ids: [picks.hubs[5], picks.hubs[9]] });
    console.log(`picked: hub people of degree ${degrees.map((d) => d.degree).join(' and ')}; biggest account has ${picks.staff} people`);

    const { auth, headers } = await benchSignIn(db);
    const app = await startApp({ db, log: pino({ level: 'silent' }), production: true, auth }, 0);
    const [from, to] = [picks.hubs[5], picks.hubs[9]];
    const questions: Question[] = [
      // The floor under every figure below: one HTTP request and one indexed lookup on this machine.
      { name: 'baseline: node(id) lookup', query: /* GraphQL */ `query ($a: ID!) { node(id: $a) { id } }`, variables: { a: from } },
      { name: 'relationshipPaths hub→hub maxHops 4', query: /* GraphQL */ `query ($a: ID!, $b: ID!) { relationshipPaths(fromId: $a, toId: $b, maxHops: 4) { ...BenchPathFields } } ${PATH_FIELDS}`, variables: { a: from, b: to } },
      { name: 'relationshipPaths hub→hub maxHops 6', query: /* GraphQL */ `query ($a: ID!, $b: ID!) { relationshipPaths(fromId: $a, toId: $b, maxHops: 6) { ...BenchPathFields } } ${PATH_FIELDS}`, variables: { a: from, b: to } },
      { name: 'relationshipPaths hub→hub maxHops 6 first 50', query: /* GraphQL */ `query ($a: ID!, $b: ID!) { relationshipPaths(fromId: $a, toId: $b, maxHops: 6, first: 50) { ...BenchPathFields } } ${PATH_FIELDS}`, variables: { a: from, b: to } },
      { name: 'relationshipPaths ordinary→ordinary maxHops 6', query: /* GraphQL */ `query ($a: ID!, $b: ID!) { relationshipPaths(fromId: $a, toId: $b, maxHops: 6) { ...BenchPathFields } } ${PATH_FIELDS}`, variables: { a: picks.ordinary[0], b: picks.ordinary[1] } },
      { name: 'warmIntroductions to a hub (all users)', query: /* GraphQL */ `query ($t: ID!) { warmIntroductions(targetId: $t) { ...BenchPathFields } } ${PATH_FIELDS}`, variables: { t: to } },
      { name: 'warmIntroductions to an ordinary person, maxHops 6', query: /* GraphQL */ `query ($t: ID!) { warmIntroductions(targetId: $t, maxHops: 6) { ...BenchPathFields } } ${PATH_FIELDS}`, variables: { t: picks.ordinary[1] } },
      { name: 'accountNetwork biggest account depth 2', query: /* GraphQL */ `query ($a: ID!) { accountNetwork(accountId: $a, depth: 2) { nodes { node { id } depth } edges { type fromId toId } truncated } }`, variables: { a: picks.bigAccount } },
      { name: 'accountNetwork biggest account depth 3, 2000 nodes', query: /* GraphQL */ `query ($a: ID!) { accountNetwork(accountId: $a, depth: 3, nodeLimit: 2000) { nodes { node { id } depth } edges { type fromId toId } truncated } }`, variables: { a: picks.bigAccount } },
      { name: 'accountNetwork mid account depth 3', query: /* GraphQL */ `query ($a: ID!) { accountNetwork(accountId: $a, depth: 3) { nodes { node { id } depth } edges { type fromId toId } truncated } }`, variables: { a: picks.midAccount } },
      { name: 'influencers most influenced person', query: /* GraphQL */ `query ($t: ID!) { influencers(targetId: $t) { influencer { id } score paths { ...BenchPathFields } } } ${PATH_FIELDS}`, variables: { t: picks.influenced } },
      { name: 'influencers maxHops 4', query: /* GraphQL */ `query ($t: ID!) { influencers(targetId: $t, maxHops: 4) { influencer { id } score paths { ...BenchPathFields } } } ${PATH_FIELDS}`, variables: { t: picks.influenced } },
      { name: 'accountInfluencers biggest account', query: /* GraphQL */ `query ($a: ID!) { accountInfluencers(accountId: $a) { influencer { id } score paths { ...BenchPathFields } } } ${PATH_FIELDS}`, variables: { a: picks.bigAccount } },
      { name: 'accountInfluencers mid account', query: /* GraphQL */ `query ($a: ID!) { accountInfluencers(accountId: $a) { influencer { id } score paths { ...BenchPathFields } } } ${PATH_FIELDS}`, variables: { a: picks.midAccount } },
    ];

    console.log(`\n${'question'.padEnd(52)} ${'median ms'.padStart(10)} ${'p95 ms'.padStart(8)}  answer`);
    for (const question of questions) {
      const ask = async () => {
        const response = await fetch(app.url, { method: 'POST', headers, body: JSON.stringify(question) });
        const body = (await response.json()) as { data?: Record<string, unknown>; errors?: unknown[] };
        if (body.errors) throw new Error(`${question.name}: ${JSON.stringify(body.errors)}`);
        return Object.values(body.data!)[0];
      };
      let answer: unknown;
      for (let i = 0; i < 3; i++) answer = await ask();
      const times: number[] = [];
      for (let i = 0; i < runs; i++) {
        started = performance.now();
        await ask();
        times.push(performance.now() - started);
      }
      times.sort((a, b) => a - b);
      const median = times[Math.floor(times.length / 2)];
      const p95 = times[Math.min(times.length - 1, Math.ceil(times.length * 0.95) - 1)];
      console.log(`${question.name.padEnd(52)} ${median.toFixed(1).padStart(10)} ${p95.toFixed(1).padStart(8)}  ${describe(answer)}`);
    }
    await app.close();
  }
}

/**
 * A plain bulk load of the generated world (the generator's output is valid by construction):
 * importGraph's per-row checks and MERGE bookkeeping would make a 10^5-node world take minutes.
 * Labels and types still come from the graph model's allowlist.
 */
export async function loadWorld(db: Database, world: Required<ImportDocument>): Promise<void> {
  const batch = 10_000;
  const labels = new Set(world.nodes.map((n) => n.type));
  for (const label of labels) {
    if (!isNodeLabel(label)) throw new Error(`unknown label ${label}`);
    const rows = world.nodes.filter((n) => n.type === label).map((n) => ({ key: n.key, properties: n.properties }));
    for (let i = 0; i < rows.length; i += batch) {
      await db.write(`UNWIND $rows AS row CREATE (n:Entity:${label} {key: row.key, id: randomUUID()}) SET n += row.properties`, { rows: rows.slice(i, i + batch) });
    }
  }
  const types = new Set(world.relationships.map((r) => r.type));
  for (const type of types) {
    if (!isRelationshipType(type)) throw new Error(`unknown relationship type ${type}`);
    const rows = world.relationships.filter((r) => r.type === type).map((r) => ({ from: r.from, to: r.to, properties: r.properties ?? {} }));
    for (let i = 0; i < rows.length; i += batch) {
      await db.write(`UNWIND $rows AS row MATCH (a:Entity {key: row.from}) MATCH (b:Entity {key: row.to}) CREATE (a)-[r:${type}]->(b) SET r += row.properties`, { rows: rows.slice(i, i + batch) });
    }
  }
}

function describe(answer: unknown): string {
  if (answer && typeof answer === 'object' && 'id' in answer) return 'one node';
  if (Array.isArray(answer)) {
    const first = answer[0] as { strength?: number; hops?: number; score?: number } | undefined;
    if (first?.strength !== undefined) return `${answer.length} paths, best ${first.strength.toFixed(4)} in ${first.hops} hops`;
    if (first?.score !== undefined) return `${answer.length} influencers, top score ${first.score.toFixed(4)}`;
    return `${answer.length} results`;
  }
  const network = answer as { nodes: unknown[]; edges: unknown[]; truncated: boolean };
  return `${network.nodes.length} nodes, ${network.edges.length} edges${network.truncated ? ', truncated' : ''}`;
}

if (require.main === module) {
  standalone().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
