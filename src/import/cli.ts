/**
 * `npm run import -- <file> [--format ndjson|json] [--batch-size N] [--skip N] [--writers N] [--indexes-first] [--bolt]`:
 * streams an import file (an NDJSON file of rows, or a DESIGN §6 document) into NEO4J_URI or the
 * embedded Neo4j (like npm start), batch by batch with bounded memory, printing progress with rate
 * and ETA. Into a store without entities, the read-only indexes are built after the load
 * (bulk-load.ts) unless --indexes-first says otherwise. A first load into an embedded store that
 * holds no database goes through Neo4j's offline importer (offline-load.ts) unless --bolt,
 * --indexes-first or --skip says otherwise.
 * A rejected batch prints its problems as `path: message` and exits with 1; the batches before
 * it stay imported, and the message says how to go on.
 */
import fs from 'node:fs';
import type { Readable } from 'node:stream';
import { GraphQLError } from 'graphql';
import { ConfigError, loadConfig, type Config } from '../config';
import type { InputProblem } from '../graphql/errors';
import { withNeo4j } from '../neo4j/connect';
import type { Database } from '../neo4j/database';
import { holdsNoDatabase } from '../neo4j/offline-importer';
import { param } from '../neo4j/values';
import { buildDeferredIndexes, prepareOfflineBuiltStore, prepareStore } from './bulk-load';
import { DEFAULT_BATCH_SIZE, importBatches, importRows, type ImportProgress } from './import-rows';
import { laterBatches, loadOffline, type OfflineLoad } from './offline-load';
import type { ImportItem } from './parse-batch';
import { documentItems } from './read-json-document';
import { ndjsonItems } from './read-ndjson';
import { addReport, emptyReport, type ImportReport } from './write-batch';

const USAGE = 'usage: npm run import -- <file.ndjson|file.json|-> [--format ndjson|json] [--batch-size N] [--skip N] [--writers 1|2] [--indexes-first] [--bolt]';
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
  /** Create every index before the load, also into an empty store (the way a non-empty store is always loaded); writes through Bolt. */
  indexesFirst: boolean;
  /** Every row through Bolt, also into an empty embedded store (no offline importer). */
  bolt: boolean;
}

function parseCliArgs(argv: string[]): CliArgs {
  let file: string | undefined;
  let format: string | undefined;
  let batchSize = DEFAULT_BATCH_SIZE;
  let skip = 0;
  let indexesFirst = false;
  let writers = DEFAULT_WRITERS;
  let bolt = false;
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
    else if (argv[i] === '--bolt') bolt = true;
    else if (argv[i] === '--writers') writers = count('--writers', argv[(i += 1)], 1);
    else if (argv[i].startsWith('--')) throw new Error(`unknown option ${argv[i]}. ${USAGE}`);
    else if (file === undefined) file = argv[i];
    else throw new Error(`only one file, got "${file}" and "${argv[i]}". ${USAGE}`);
  }
  if (!file) throw new Error(USAGE);
  format ??= file === '-' || /\.(ndjson|jsonl)$/i.test(file) ? 'ndjson' : /\.json$/i.test(file) ? 'json' : undefined;
  if (format !== 'ndjson' && format !== 'json') throw new Error(`say --format ndjson or --format json for "${file}". ${USAGE}`);
  return { file, format, batchSize, skip, writers, indexesFirst, bolt };
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

/** Opens the input afresh (the offline path reads a file twice when a batch stops its plan). */
function openInput(file: string): Readable & { bytesRead?: number } {
  return file === '-' ? process.stdin : fs.createReadStream(file, { highWaterMark: 1 << 20 });
}

const itemsOf = (args: CliArgs, input: Readable) => (args.format === 'ndjson' ? ndjsonItems(input) : documentItems(input));

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

interface Stopwatch {
  seconds(): number;
}

function stopwatch(): Stopwatch {
  const started = Date.now();
  return { seconds: () => (Date.now() - started) / 1000 };
}

/** Prints progress every few seconds. */
function progressPrinter(clock: Stopwatch, input: Readable & { bytesRead?: number }, size: number | undefined, rowsBefore = 0) {
  let printedAt = 0;
  return (progress: ImportProgress) => {
    if (Date.now() - printedAt < PROGRESS_EVERY_MS) return;
    printedAt = Date.now();
    console.log(progressLine({ ...progress, rows: rowsBefore + progress.rows }, clock.seconds(), input, size));
  };
}

/** Prints why an import stopped and how to go on; answers the exit code. */
function reportFailure(error: unknown, importedRows: number, goOn: string): number {
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
  process.stderr.write(`import stopped after ${number(importedRows)} imported rows: ${(error as Error).message}\n${goOn}\n`);
  return 3;
}

/** The import through Bolt, batch by batch (the way of every import but an offline first load). */
async function boltImport(config: Config, args: CliArgs, size: number | undefined, clock: Stopwatch): Promise<number> {
  const input = openInput(args.file);
  const growth = { storeGrowthBytes: size === undefined ? undefined : size * STORE_BYTES_PER_FILE_BYTE };
  return withNeo4j(config, async (neo4j) => {
    let last: ImportProgress = { rows: 0, batches: 0, report: emptyReport() };
    let deferred: string[] = [];
    const print = progressPrinter(clock, input, size);
    const load = async (): Promise<number> => {
      try {
        const store = await prepareStore(neo4j.db, !args.indexesFirst);
        deferred = store.deferred;
        console.log(`importing ${args.file} (${args.format}) into ${neo4j.description} in batches of ${args.batchSize}, ${args.writers} at once when independent${args.skip ? `, skipping the first ${args.skip} rows` : ''}`);
        if (deferred.length > 0) console.log(`the store holds no entities: ${deferred.length} read-only indexes are built after the load (${deferred.join(', ')})`);
        const rows = itemsOf(args, input);
        const report = await importRows(neo4j.db.forImport(), args.skip ? skipped(rows, args.skip) : rows, {
          batchSize: args.batchSize,
          writers: args.writers,
          firstLoad: store.empty,
          onBatch: (progress) => {
            last = progress;
            print(progress);
          },
        });
        const rate = last.rows / Math.max(clock.seconds(), 0.001);
        console.log(`imported ${number(last.rows)} rows in ${duration(clock.seconds())} (${number(rate)} rows/s) — ${formatReport(report)}`);
        return 0;
      } catch (error) {
        const done = args.skip + last.rows;
        return reportFailure(error, last.rows, `Fix the file and run the same command again (rows already imported change nothing), or go on from here with --skip ${done}.`);
      } finally {
        input.destroy();
      }
    };
    const code = await load();
    // Also after a rejected batch: the rows before it stay, and the store is whole again.
    if (deferred.length > 0 && !(await buildIndexes(neo4j.db, deferred, clock.seconds))) return code || 3;
    return code;
  }, growth);
}

/**
 * A first load into an empty embedded store: the offline importer builds the store from the
 * surely new rows (offline-load.ts), then Neo4j starts, the constraints are built, the other rows
 * are replayed through Bolt in input order (and, when a batch stopped the plan, the rest of the
 * input is imported from that batch on), and the read-only indexes are built last. Answers
 * undefined when nothing was for the offline importer (then nothing was built).
 */
async function offlineImport(config: Config, args: CliArgs, size: number | undefined, clock: Stopwatch): Promise<number | undefined> {
  const now = param.now();
  const input = openInput(args.file);
  const print = progressPrinter(clock, input, size);
  console.log(`reading ${args.file} (${args.format}) in batches of ${args.batchSize} into files for Neo4j's offline importer`);
  let offline: OfflineLoad;
  try {
    offline = await loadOffline(itemsOf(args, input), {
      dataDir: config.neo4jDataDir,
      batchSize: args.batchSize,
      now,
      onBatch: (rows) => print({ rows, batches: 0, report: emptyReport() }),
      progress: (line) => console.log(line),
    });
  } catch (error) {
    process.stderr.write(`the offline import failed, and the store at ${config.neo4jDataDir} was left without a database: ${(error as Error).message}\nRun the same command again, or import through Bolt with --bolt.\n`);
    return 3;
  } finally {
    input.destroy();
  }
  if (!offline.built) return undefined;
  console.log(
    `the offline importer built ${formatReport(offline.report)} from ${number(offline.offlineRows)} rows in ${duration(clock.seconds())}; ` +
      `${number(offline.laterRows)} rows are replayed through Bolt${offline.stopped ? `, then the input from row ${number(offline.plannedRows + 1)} on (a batch there needs the checks against the store)` : ''}`,
  );
  try {
    return await withNeo4j(config, async (neo4j) => {
      const store = await prepareOfflineBuiltStore(neo4j.db);
      const total = { ...offline.report };
      let stage = 'replay';
      let rest: ImportProgress = { rows: 0, batches: 0, report: emptyReport() };
      const load = async (): Promise<number> => {
        try {
          const options = { writers: args.writers, now, batchSize: args.batchSize };
          const replayed = await importBatches(neo4j.db.forImport(), laterBatches(offline.laterFile), {
            ...options,
            onBatch: (progress) => print({ ...progress, rows: offline.offlineRows + progress.rows }),
          });
          addReport(total, replayed);
          if (offline.stopped) {
            stage = 'rest';
            const restInput = openInput(args.file);
            try {
              addReport(total, await importRows(neo4j.db.forImport(), skipped(itemsOf(args, restInput), offline.plannedRows), {
                ...options,
                onBatch: (progress) => {
                  rest = progress;
                  print({ ...progress, rows: offline.plannedRows + progress.rows });
                },
              }));
            } finally {
              restInput.destroy();
            }
          }
          const rows = offline.plannedRows + rest.rows;
          console.log(`imported ${number(rows)} rows in ${duration(clock.seconds())} (${number(rows / Math.max(clock.seconds(), 0.001))} rows/s) — ${formatReport(total)}`);
          return 0;
        } catch (error) {
          const done = offline.plannedRows + rest.rows;
          const goOn = stage === 'rest'
            ? `Fix the file and run the same command again (rows already imported change nothing), or go on from here with --skip ${done}.`
            : 'The offline part of the load is in the store. Run the same command again (rows already imported change nothing).';
          return reportFailure(error, done, goOn);
        }
      };
      const code = await load();
      if (store.deferred.length > 0 && !(await buildIndexes(neo4j.db, store.deferred, clock.seconds))) return code || 3;
      return code;
    });
  } finally {
    fs.rmSync(offline.laterFile, { force: true });
  }
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
