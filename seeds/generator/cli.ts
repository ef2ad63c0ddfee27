/**
 * `npm run generate -- --nodes 100000 [--seed 1] [--assets] [--out file.json]`: writes a synthetic world
 * (seeds/generator/generate-world.ts) as an import document, streamed row by row so that 10^6
 * nodes and more fit in little memory. Without --out it writes to stdout. --assets adds an
 * installed base (products and assets beyond the --nodes count).
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { worldRows, worldShape } from './generate-world';
import { withInstalledBase } from './installed-base';

function parseArgs(argv: string[]): { nodes: number; seed: number; assets: boolean; out?: string } {
  const args: Record<string, string> = {};
  let assets = false;
  for (let i = 0; i < argv.length; i += 1) {
    const name = argv[i];
    if (name === '--assets') {
      assets = true;
      continue;
    }
    if (!name.startsWith('--') || argv[i + 1] === undefined) throw new Error(`unexpected argument ${JSON.stringify(name)}`);
    args[name.slice(2)] = argv[(i += 1)];
  }
  const nodes = Number(args.nodes ?? 1000);
  const seed = Number(args.seed ?? 1);
  if (!Number.isInteger(nodes) || nodes < 10) throw new Error(`--nodes must be a whole number ≥ 10, got ${args.nodes}`);
  if (!Number.isInteger(seed)) throw new Error(`--seed must be a whole number, got ${args.seed}`);
  return { nodes, seed, assets, out: args.out };
}

async function main(): Promise<void> {
  const { nodes, seed, assets, out } = parseArgs(process.argv.slice(2));
  const stream: Writable = out ? createWriteStream(out) : process.stdout;
  const log = (line: string) => process.stderr.write(`${line}\n`);
  log(`generating ${nodes} nodes (seed ${seed}): ${JSON.stringify(worldShape(nodes))}`);
  let buffer = '{"nodes":[\n';
  let section: 'nodes' | 'relationships' = 'nodes';
  let first = true;
  const counts = { nodes: 0, relationships: 0 };
  const flush = async () => {
    if (!stream.write(buffer)) await once(stream, 'drain');
    buffer = '';
  };
  const rows = assets ? withInstalledBase(worldRows({ nodes, seed }), seed) : worldRows({ nodes, seed });
  for (const item of rows) {
    if (item.section !== section) {
      buffer += '\n],"relationships":[\n';
      section = item.section;
      first = true;
    }
    buffer += (first ? '' : ',\n') + JSON.stringify(item.row);
    first = false;
    counts[item.section] += 1;
    if (buffer.length > 1 << 20) await flush();
    if ((counts.nodes + counts.relationships) % 500_000 === 0) log(`  ${counts.nodes} nodes, ${counts.relationships} relationships…`);
  }
  if (section === 'nodes') buffer += '\n],"relationships":[';
  buffer += '\n]}\n';
  await flush();
  if (out) {
    stream.end();
    await once(stream, 'finish');
  }
  log(`done: ${counts.nodes} nodes, ${counts.relationships} relationships${out ? ` → ${out}` : ''}`);
}

main().catch((error) => {
  process.stderr.write(`generate failed: ${(error as Error).message}\n`);
  process.exit(1);
});
