/** What `npm run import` is asked on its command line, and the rows of the input it names. */
import fs from 'node:fs';
import type { Readable } from 'node:stream';
import { DEFAULT_BATCH_SIZE } from './import-rows';
import type { ImportItem } from './parse-batch';
import { documentItems } from './read-json-document';
import { ndjsonItems } from './read-ndjson';

const USAGE = 'usage: npm run import -- <file.ndjson|file.json|-> [--format ndjson|json] [--batch-size N] [--skip N] [--writers 1|2] [--indexes-first] [--bolt]';
/** Two transactions at once: Neo4j writes one on one core, and the machine has two. */
const DEFAULT_WRITERS = 2;

export interface CliArgs {
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

export function parseCliArgs(argv: string[]): CliArgs {
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
export async function* skipped(items: AsyncIterable<ImportItem>, count: number): AsyncGenerator<ImportItem> {
  let seen = 0;
  for await (const item of items) if ((seen += 1) > count) yield item;
}

/** Opens the input afresh (the offline path reads a file twice when a batch stops its plan). */
export function openInput(file: string): Readable & { bytesRead?: number } {
  return file === '-' ? process.stdin : fs.createReadStream(file, { highWaterMark: 1 << 20 });
}

export const itemsOf = (args: CliArgs, input: Readable) => (args.format === 'ndjson' ? ndjsonItems(input) : documentItems(input));
