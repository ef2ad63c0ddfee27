/**
 * Community detection on a generated world (BENCH_NODES, default 100,000): imports it, then times
 * recomputeCommunities twice (the second run replaces the first) by phase — reading the graph in
 * pages, Louvain, storing — and a few reads of the result. `npm run bench:communities`.
 */
import fs from 'node:fs';
import { recomputeCommunities, type RunProgress } from '../src/communities';
import { importGraph } from '../src/import/import-graph';
import { generateWorld } from '../seeds/generator/generate-world';
import { peakRssMb, runStandalone, type BenchContext } from './standalone';
import { wipeDatabase } from './wipe-database';

const NODES = Number(process.env.BENCH_NODES ?? 100_000);

const LARGEST = 'MATCH (c:Community) RETURN c.id AS id ORDER BY c.size DESC, c.id LIMIT 1';
const HUBS = `
MATCH (c:Entity {id: $id})<-[r:IN_COMMUNITY]-(m)
WITH m, r ORDER BY r.degree DESC, m.id LIMIT 5
RETURN m.id AS id`;
const PAGE = `
MATCH (c:Community) WITH c ORDER BY c.size DESC, c.id
WITH collect(c) AS communities RETURN size(communities) AS total, [c IN communities[0..20] | c.id] AS page`;

async function run(context: BenchContext): Promise<void> {
  const { db, report } = context;
  const world = generateWorld({ nodes: NODES, seed: 1 });
  await wipeDatabase(db);
  let started = Date.now();
  await importGraph(db, world, { batchSize: 10_000 });
  report('world', `${world.nodes.length} nodes, ${world.relationships.length} relationships (imported in ${((Date.now() - started) / 1000).toFixed(0)} s)`);

  for (const label of ['first run', 'second run (replaces the first)']) {
    const marks: Record<string, number> = {};
    started = Date.now();
    const onProgress = (progress: RunProgress) => {
      if (progress.step === 'partitioned') marks.louvain = progress.seconds;
      else marks[progress.step] = (Date.now() - started) / 1000;
    };
    const result = await db.writeTransaction((tx) => recomputeCommunities(tx, { minSize: 3, onProgress }));
    const total = (Date.now() - started) / 1000;
    report(`${label}: total`, total.toFixed(1), 's');
    report(`${label}: read graph / Louvain / store`, `${marks.read.toFixed(1)} / ${marks.louvain.toFixed(1)} / ${(total - marks.read - marks.louvain).toFixed(1)} s`);
    report(`${label}: result`, `${result.communities} communities, ${result.unassigned} unassigned, ${result.linkedPairs} linked pairs, modularity ${result.modularity.toFixed(4)}`);
  }

  const time = async (name: string, work: () => Promise<unknown>) => {
    const runs: number[] = [];
    for (let i = 0; i < 10; i++) {
      const t = Date.now();
      await work();
      runs.push(Date.now() - t);
    }
    runs.sort((a, b) => a - b);
    report(name, `${runs[5]} ms median (max ${runs[9]})`);
  };
  const [{ id }] = await db.read<{ id: string }>(LARGEST);
  await time('communities page of 20', () => db.read(PAGE));
  await time('hubs of the largest community', () => db.read(HUBS, { id }));

  report('peak RSS, node process', peakRssMb('self') ?? 'n/a', 'MB');
  if (context.neo4jPid) report('peak RSS, embedded Neo4j JVM', peakRssMb(context.neo4jPid) ?? 'n/a', 'MB');
  await wipeDatabase(db);
}

runStandalone(run);
