/**
 * `npm run generate -- --nodes 100000 [--seed 1] [--assets] [--out file.json] [--format json|ndjson]`: writes a
 * synthetic world (seeds/generator/generate-world.ts) as an import document, or as NDJSON (one
 * `{"node": …}` / `{"relationship": …}` per line, what `npm run import` streams fastest), row by
 * row so that 10^6 nodes and more fit in little memory. Without --out it writes to stdout; the
 * format follows the --out extension (.ndjson, .jsonl) unless --format says otherwise. --assets
 * adds an installed base (products and assets beyond the --nodes count).
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { worldRows, worldShape, type WorldRow } from './generate-world';
import { withInstalledBase } from './installed-base';

type Format = 'json' | 'ndjson';

function parseArgs(argv: string[]): { nodes: number; seed: number; assets: boolean; out?: string; format: Format } {
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
  const format = args.format ?? (/\.(ndjson|jsonl)$/i.test(args.out ?? '') ? 'ndjson' : 'json');
  if (!Number.isInteger(nodes) || nodes < 10) throw new Error(`--nodes must be a whole number ≥ 10, got ${args.nodes}`);
  if (!Number.isInteger(seed)) throw new Error(`--seed must be a whole number, got ${args.seed}`);
  if (format !== 'json' && format !== 'ndjson') throw new Error(`--format must be json or ndjson, got ${format}`);
  return { nodes, seed, assets, out: args.out, format };
}

/** Text pieces of the document format: `{"nodes":[` rows `],"relationships":[` rows `]}`. */
function* jsonPieces(rows: Iterable<WorldRow>): Generator<string> {
  let section: WorldRow['section'] = 'nodes';
  let first = true;
  yield '{"nodes":[\n';
  for (const item of rows) {
    if (item.section !== section) {
      yield '\n],"relationships":[\n';
      section = item.section;
      first = true;
    }
    yield (first ? '' : ',\n') + JSON.stringify(item.row);
    first = false;
  }
  if (section === 'nodes') yield '\n],"relationships":[';
  yield '\n]}\n';
}

/** One line per row: `{"node": …}` or `{"relationship": …}`. */
function* ndjsonPieces(rows: Iterable<WorldRow>): Generator<string> {
  for (const item of rows) yield `${JSON.stringify(item.section === 'nodes' ? { node: item.row } : { relationship: item.row })}\n`;
}

async function main(): Promise<void> {
  const { nodes, seed, assets, out, format } = parseArgs(process.argv.slice(2));
  const stream: Writable = out ? createWriteStream(out) : process.stdout;
  const log = (line: string) => process.stderr.write(`${line}\n`);
  log(`generating ${nodes} nodes (seed ${seed}, ${format}): ${JSON.stringify(worldShape(nodes))}`);
  const counts = { nodes: 0, relationships: 0 };
  function* counted(): Generator<WorldRow> {
    const rows = assets ? withInstalledBase(worldRows({ nodes, seed }), seed) : worldRows({ nodes, seed });
    for (const item of rows) {
      counts[item.section] += 1;
      if ((counts.nodes + counts.relationships) % 500_000 === 0) log(`  ${counts.nodes} nodes, ${counts.relationships} relationships…`);
      yield item;
    }
  }
  let buffer = '';
  for (const piece of (format === 'ndjson' ? ndjsonPieces : jsonPieces)(counted())) {
    buffer += piece;
    if (buffer.length > 1 << 20) {
      if (!stream.write(buffer)) await once(stream, 'drain');
      buffer = '';
    }
  }
  if (!stream.write(buffer)) await once(stream, 'drain');
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
