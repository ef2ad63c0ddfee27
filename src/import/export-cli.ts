/**
 * `npm run export -- [--out backup.ndjson]`: writes the whole graph of NEO4J_URI (or the embedded
 * store, like npm start) as an NDJSON import file — every node, then every relationship — that
 * `npm run import` restores into an empty store as the same graph. Without --out it writes to
 * stdout; progress and what could not be exported go to stderr.
 */
import fs from 'node:fs';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { ConfigError, loadConfig } from '../config';
import { withNeo4j } from '../neo4j/connect';
import { exportLines, type ExportSkipped } from './export-graph';

const USAGE = 'usage: npm run export -- [--out backup.ndjson]';

function parseCliArgs(argv: string[]): { out?: string } {
  if (argv.length === 0) return {};
  if (argv.length === 2 && argv[0] === '--out') return { out: argv[1] };
  throw new Error(USAGE);
}

async function main(): Promise<number> {
  const { out } = parseCliArgs(process.argv.slice(2));
  const config = loadConfig();
  return withNeo4j(config, async (neo4j) => {
    const stream: Writable = out ? fs.createWriteStream(out) : process.stdout;
    const log = (line: string) => process.stderr.write(`${line}\n`);
    const skipped: ExportSkipped = { otherNodes: {}, unknownNodes: 0, unknownRelationships: 0 };
    const counts = { node: 0, relationship: 0 };
    const started = Date.now();
    log(`exporting ${neo4j.description}${out ? ` to ${out}` : ''}`);
    let buffer = '';
    let loggedAt = Date.now();
    for await (const line of exportLines(neo4j.db, skipped)) {
      counts['node' in line ? 'node' : 'relationship'] += 1;
      buffer += `${JSON.stringify(line)}\n`;
      if (buffer.length < 1 << 20) continue;
      if (!stream.write(buffer)) await once(stream, 'drain');
      buffer = '';
      if (Date.now() - loggedAt > 5_000) {
        loggedAt = Date.now();
        log(`  ${counts.node} nodes, ${counts.relationship} relationships…`);
      }
    }
    if (!stream.write(buffer)) await once(stream, 'drain');
    if (out) {
      stream.end();
      await once(stream, 'finish');
    }
    log(`exported ${counts.node} nodes and ${counts.relationship} relationships in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    for (const [label, count] of Object.entries(skipped.otherNodes)) log(`  not exported: ${count} ${label} node(s), not part of the graph model`);
    if (skipped.unknownNodes) log(`  not exported: ${skipped.unknownNodes} node(s) whose labels are not one of the graph model's`);
    if (skipped.unknownRelationships) log(`  not exported: ${skipped.unknownRelationships} relationship(s) of a type or to a node outside the graph model`);
    return 0;
  });
}

main().then(
  (code) => process.exit(code),
  (error) => {
    process.stderr.write(`${error instanceof ConfigError ? error.message : `export failed: ${(error as Error).message}`}\n`);
    process.exit(error instanceof ConfigError ? 2 : 3);
  },
);
