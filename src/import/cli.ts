/**
 * `npm run import -- <file> [--format ndjson|json] [--batch-size N] [--skip N] [--writers N] [--indexes-first]`:
 * streams an import file (an NDJSON file of rows, or a DESIGN §6 document) into NEO4J_URI or the
 * embedded Neo4j (like npm start), batch by batch with bounded memory, printing progress with rate
 * and ETA. Into a store without entities, the read-only indexes are built after the load
 * (bulk-load.ts) unless --indexes-first says otherwise.
 * A rejected batch prints its problems as `path: message` and exits with 1; the batches before
 * it stay imported, and the message says how to go on.
 */
import fs from 'node:fs';
import type { Readable } from 'node:stream';
import { GraphQLError } from 'graphql';
import { ConfigError, loadConfig } from '../config';
import type { InputProblem } from '../graphql/errors';
import { withNeo4j } from '../neo4j/connect';
import type { Database } from '../neo4j/database';
import { buildDeferredIndexes, prepareStore } from './bulk-load';
import { DEFAULT_BATCH_SIZE, importRows, type ImportProgress } from './import-rows';
import type { ImportItem } from './parse-batch';
import { documentItems } from './read-json-document';
import { ndjsonItems } from './read-ndjson';
import type { ImportReport } from './write-batch';

const USAGE = 'usage: npm run import -- <file.ndjson|file.json|-> [--format ndjson|json] [--batch-size N] [--skip N] [--writers 1|2] [--indexes-first]';
const PROGRESS_EVERY_MS = 2_000;
/** Two transactions at once: Neo4j writes one on one core, and the machine has two. */
const DEFAULT_WRITERS = 2;
/**
 * Store bytes per byte of import file, a little above what the generated worlds give (a 595 MB
 * NDJSON file of 10^6 nodes makes a 1.4 GB store with its indexes): the embedded Neo4j is sized
 * for the store the import makes. With the page cache of the empty store it starts on (64 MB),
 * every index seek of a big import went to the disk cache, and the import slowed as it grew.
 */
const STORE_BYTES_PER_FILE_BYTE = 2.5;

interface CliArgs {
  file: string;
  format: 'ndjson' | 'json';
  batchSize: number;
  skip: number;
  /** Transactions written at once (independent batches only, see importRows). */
  writers: number;
  /** Create every index before the load, also into an empty store (the way a non-empty store is always loaded). */
  indexesFirst: boolean;
}

function parseCliArgs(argv: string[]): CliArgs {
  let file: string | undefined;
  let format: string | undefined;
  let batchSize = DEFAULT_BATCH_SIZE;
  let skip = 0;
  let indexesFirst = false;
  let writers = DEFAULT_WRITERS;
  const count = (name: string, raw: string | undefined, min: number) => {
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min) throw new Error(`${name} must be a whole number ≥ ${min}. ${USAGE}`);
    return value;
  };
  for (let i = 0; i < argv.length; i += 1) {
    if (argv[i] === '--batch-size') batchSize = count('--batch-size', argv[(i += 1)], 1);
    else if (argv[i] === '--skip') skip = count('--skip', argv[(i += 1)], 0);
    else if (argv[i] === '--format') format = argv[(i += 1)];
    else if (argv[i] === '--indexes-first') indexesFirst = true;
    else if (argv[i] === '--writers') writers = count('--writers', argv[(i += 1)], 1);
    else if (argv[i].startsWith('--')) throw new Error(`unknown option ${argv[i]}. ${USAGE}`);
    else if (file === undefined) file = argv[i];
    else throw new Error(`only one file, got "${file}" and "${argv[i]}". ${USAGE}`);
  }
  if (!file) throw new Error(USAGE);
  format ??= file === '-' || /\.(ndjson|jsonl)$/i.test(file) ? 'ndjson' : /\.json$/i.test(file) ? 'json' : undefined;
  if (format !== 'ndjson' && format !== 'json') throw new Error(`say --format ndjson or --format json for "${file}". ${USAGE}`);
  return { file, format, batchSize, skip, writers, indexesFirst };
}

/** Leaves out the first `count` rows unread by the database (to go on after a rejected batch). */
async function* skipped(items: AsyncIterable<ImportItem>, count: number): AsyncGenerator<ImportItem> {
  let seen = 0;
  for await (const item of items) if ((seen += 1) > count) yield item;
}

const number = (value: number) => Math.round(value).toLocaleString('en');
const duration = (seconds: number) =>
  seconds < 60 ? `${Math.round(seconds)} s` : `${Math.floor(seconds / 60)} min ${String(Math.round(seconds % 60)).padStart(2, '0')} s`;
const formatReport = (r: ImportReport) =>
  `nodes: ${r.nodesCreated} created, ${r.nodesUpdated} updated; relationships: ${r.relationshipsCreated} created, ${r.relationshipsUpdated} updated`;

/** One progress line: rows, rows per second, and (for a file) how far through it and the time left. */
function progressLine(progress: ImportProgress, seconds: number, input: Readable & { bytesRead?: number }, size: number | undefined): string {
  const rate = progress.rows / Math.max(seconds, 0.001);
  let line = `  ${number(progress.rows)} rows in ${duration(seconds)} · ${number(rate)} rows/s`;
  const fraction = size && input.bytesRead !== undefined ? Math.min(input.bytesRead / size, 1) : undefined;
  if (fraction) line += ` · ${Math.floor(fraction * 100)}% of the file · ETA ${duration((seconds * (1 - fraction)) / fraction)}`;
  return line;
}

async function main(): Promise<number> {
  const args = parseCliArgs(process.argv.slice(2));
  let size: number | undefined;
  let input: Readable & { bytesRead?: number };
  try {
    size = args.file === '-' ? undefined : fs.statSync(args.file).size;
    input = args.file === '-' ? process.stdin : fs.createReadStream(args.file, { highWaterMark: 1 << 20 });
  } catch (error) {
    process.stderr.write(`cannot read ${args.file}: ${(error as Error).message}\n`);
    return 2;
  }
  const config = loadConfig();
  const growth = { storeGrowthBytes: size === undefined ? undefined : size * STORE_BYTES_PER_FILE_BYTE };
  return withNeo4j(config, async (neo4j) => {
    const started = Date.now();
    const seconds = () => (Date.now() - started) / 1000;
    let last: ImportProgress = { rows: 0, batches: 0, report: { nodesCreated: 0, nodesUpdated: 0, relationshipsCreated: 0, relationshipsUpdated: 0 } };
    let printedAt = 0;
    let deferred: string[] = [];
    const load = async (): Promise<number> => {
      try {
        const store = await prepareStore(neo4j.db, !args.indexesFirst);
        deferred = store.deferred;
        console.log(`importing ${args.file} (${args.format}) into ${neo4j.description} in batches of ${args.batchSize}, ${args.writers} at once when independent${args.skip ? `, skipping the first ${args.skip} rows` : ''}`);
        if (deferred.length > 0) console.log(`the store holds no entities: ${deferred.length} read-only indexes are built after the load (${deferred.join(', ')})`);
        const rows = args.format === 'ndjson' ? ndjsonItems(input) : documentItems(input);
        const report = await importRows(neo4j.db.forImport(), args.skip ? skipped(rows, args.skip) : rows, {
          batchSize: args.batchSize,
          writers: args.writers,
          firstLoad: store.empty,
          onBatch: (progress) => {
            last = progress;
            if (Date.now() - printedAt < PROGRESS_EVERY_MS) return;
            printedAt = Date.now();
            console.log(progressLine(progress, seconds(), input, size));
          },
        });
        const rate = last.rows / Math.max(seconds(), 0.001);
        console.log(`imported ${number(last.rows)} rows in ${duration(seconds())} (${number(rate)} rows/s) — ${formatReport(report)}`);
        return 0;
      } catch (error) {
        const done = args.skip + last.rows;
        const goOn = `Fix the file and run the same command again (rows already imported change nothing), or go on from here with --skip ${done}.`;
        if (error instanceof GraphQLError && error.extensions?.code === 'BAD_USER_INPUT') {
          process.stderr.write(`${error.message}\n`);
          for (const problem of (error.extensions.problems as InputProblem[] | undefined) ?? []) {
            process.stderr.write(`  ${problem.path}: ${problem.message}\n`);
          }
          const count = Number(error.extensions.problemCount ?? 0);
          const shown = ((error.extensions.problems as unknown[] | undefined) ?? []).length;
          if (count > shown) process.stderr.write(`  … and ${count - shown} more\n`);
          process.stderr.write(`${goOn}\n`);
          return 1;
        }
        process.stderr.write(`import stopped after ${number(last.rows)} imported rows: ${(error as Error).message}\n${goOn}\n`);
        return 3;
      } finally {
        input.destroy();
      }
    };
    const code = await load();
    // Also after a rejected batch: the rows before it stay, and the store is whole again.
    if (deferred.length > 0 && !(await buildIndexes(neo4j.db, deferred, seconds))) return code || 3;
    return code;
  }, growth);
}

/** Builds the indexes the load left out, with a progress line every few seconds; says what to do when that fails. */
async function buildIndexes(db: Database, names: string[], seconds: () => number): Promise<boolean> {
  const started = seconds();
  console.log(`building ${names.length} indexes`);
  let printedAt = Date.now();
  try {
    await buildDeferredIndexes(db, names, (pending) => {
      if (Date.now() - printedAt < PROGRESS_EVERY_MS) return;
      printedAt = Date.now();
      console.log(`  after ${duration(seconds() - started)}: ${pending}`);
    });
    console.log(`indexes online after ${duration(seconds() - started)}; done in ${duration(seconds())}`);
    return true;
  } catch (error) {
    process.stderr.write(`the indexes ${names.join(', ')} were not built: ${(error as Error).message}\nThe next start of the server (npm start) or the next import builds them.\n`);
    return false;
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    process.stderr.write(`${error instanceof ConfigError ? error.message : `import failed: ${(error as Error).message}`}\n`);
    process.exit(error instanceof ConfigError ? 2 : 3);
  },
);
