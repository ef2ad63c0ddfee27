/**
 * `npm run import -- <file> [--format ndjson|json] [--batch-size N] [--skip N] [--writers N] [--indexes-first] [--bolt]`:
 * streams an import file (an NDJSON file of rows, or a DESIGN §6 document) into NEO4J_URI or the
 * embedded Neo4j (like npm start), batch by batch with bounded memory, printing progress with rate
 * and ETA. Into a store without entities, the read-only indexes are built after the load
 * (bulk-load.ts) unless --indexes-first says otherwise. A first load into an embedded store that
 * holds no database goes through Neo4j's offline importer (offline-import.ts) unless --bolt,
 * --indexes-first or --skip says otherwise; every other import goes through Bolt (bolt-import.ts).
 * A rejected batch prints its problems as `path: message` and exits with 1; the batches before
 * it stay imported, and the message says how to go on.
 */
import fs from 'node:fs';
import { ConfigError, loadConfig, type Config } from '../config';
import { holdsNoDatabase } from '../neo4j/offline-importer';
import { parseCliArgs, type CliArgs } from './cli-args';
import { boltImport } from './bolt-import';
import { stopwatch } from './cli-output';
import { offlineImport } from './offline-import';

/** Which way the rows go, and why, for the first line of output. */
function chooseWay(config: Config, args: CliArgs): { offline: boolean; why: string } {
  const bolt = (why: string) => ({ offline: false, why: `every row through Bolt: ${why}` });
  if (config.neo4jUri) return bolt('NEO4J_URI is set (the offline importer only builds an embedded store)');
  if (args.bolt) return bolt('--bolt');
  if (args.indexesFirst) return bolt('--indexes-first');
  if (args.skip > 0) return bolt('--skip goes on with an import into the store');
  if (args.file === '-') return bolt('the offline importer reads its input twice, and standard input only once');
  if (!holdsNoDatabase(config.neo4jDataDir)) return bolt(`the store at ${config.neo4jDataDir} already holds a database`);
  return {
    offline: true,
    why: `a first load into an empty embedded store (${config.neo4jDataDir}): Neo4j's offline importer builds it from what is surely new, then the other rows are replayed through Bolt in input order`,
  };
}

async function main(): Promise<number> {
  const args = parseCliArgs(process.argv.slice(2));
  let size: number | undefined;
  try {
    size = args.file === '-' ? undefined : fs.statSync(args.file).size;
  } catch (error) {
    process.stderr.write(`cannot read ${args.file}: ${(error as Error).message}\n`);
    return 2;
  }
  const config = loadConfig();
  const way = chooseWay(config, args);
  console.log(`${way.offline ? 'offline import' : 'Bolt import'} — ${way.why}`);
  const clock = stopwatch();
  if (way.offline) {
    const code = await offlineImport(config, args, size, clock);
    if (code !== undefined) return code;
    console.log('nothing of the input was surely new: every row goes through Bolt');
  }
  return boltImport(config, args, size, clock);
}

main().then(
  (code) => process.exit(code),
  (error) => {
    process.stderr.write(`${error instanceof ConfigError ? error.message : `import failed: ${(error as Error).message}`}\n`);
    process.exit(error instanceof ConfigError ? 2 : 3);
  },
);
