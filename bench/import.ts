/**
 * `npm run bench:import`: imports a generated 100,000-node world (BENCH_NODES to change it) with
 * the same importGraph as the mutation and the CLI, in batches, on an empty database; then
 * imports it again (idempotent). Uses NEO4J_URI when set (and empties that database, so it
 * insists on BENCH_WIPE=true); otherwise an embedded Neo4j on a fresh temporary store.
 */
import { importGraph } from '../src/import/import-graph';
import { generateWorld } from '../seeds/generator/generate-world';
import { peakRssMb, runStandalone, type BenchContext } from './standalone';
import { wipeDatabase } from './wipe-database';

const NODES = Number(process.env.BENCH_NODES ?? 100_000);
const BATCH_SIZE = Number(process.env.BENCH_BATCH_SIZE ?? 10_000);

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

runStandalone(run);
