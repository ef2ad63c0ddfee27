import { GraphQLError } from 'graphql';
import type { Database } from '../neo4j/database';
import { param } from '../neo4j/values';
import { FirstLoad, type SurelyNew } from './first-load';
import { parseBatch, type ImportItem, type ParsedBatch } from './parse-batch';
import { addReport, emptyReport, importBatch, type ImportReport } from './write-batch';

export const DEFAULT_BATCH_SIZE = 10_000;

export interface ImportProgress {
  /** Rows imported so far (all of them committed). */
  rows: number;
  batches: number;
  report: ImportReport;
}

export interface ImportRowsOptions {
  /** Rows per transaction (default 10,000). */
  batchSize?: number;
  /**
   * Transactions written at once (default 1): with 2, a batch is written beside the one before
   * it when the two are independent (see `independent`), so that Neo4j works on two cores.
   */
  writers?: number;
  /**
   * The store held no entities when the import began (the import command checks): nodes and
   * relationships that no earlier batch wrote are written without a look for old ones (see FirstLoad).
   */
  firstLoad?: boolean;
  /** Called after every committed batch, in the order of the input. */
  onBatch?: (progress: ImportProgress) => void;
  /** The time written as createdAt / updatedAt where rows give none (default: when the import starts). */
  now?: unknown;
}

interface ReadBatch {
  parsed: ParsedBatch;
  /** What a first load knows to be new in it. */
  surelyNew?: SurelyNew;
  size: number;
  firstPath?: string;
  lastPath?: string;
}

/**
 * Imports rows as they come (a file streamed by the import command, or a document in memory),
 * `batchSize` rows per transaction, so memory stays bounded by a batch whatever the input's
 * size. Each batch is checked against itself and the database and written all-or-nothing;
 * while one batch is written, the next is read and checked for shape.
 *
 * A bad batch stops the import with one BAD_USER_INPUT naming its problems: the batches
 * before it stay imported (`extensions.importedRows` says how many rows), nothing of it is
 * written. Nodes MERGE on key and relationships on (type, from, to), so running the same
 * input again after fixing it changes nothing that was already imported.
 */
export async function importRows(
  db: Database,
  items: AsyncIterable<ImportItem> | Iterable<ImportItem>,
  options: ImportRowsOptions = {},
): Promise<ImportReport> {
  return importBatches(db, chunks(items, options.batchSize ?? DEFAULT_BATCH_SIZE), options);
}

/** importRows on rows already cut into batches (a replay keeps the batches of its input); `batchSize` is not used. */
export async function importBatches(
  db: Database,
  batches: AsyncIterable<ImportItem[]>,
  options: ImportRowsOptions = {},
): Promise<ImportReport> {
  const writers = options.writers ?? 1;
  const iterator = batches[Symbol.asyncIterator]();
  const firstLoad = options.firstLoad ? new FirstLoad() : undefined;
  const progress: ImportProgress = { rows: 0, batches: 0, report: emptyReport() };
  const now = options.now ?? param.now();
  /** The batch still being written beside the newest one, if any. */
  let older: Written | undefined;
  const finish = async (written: Written) => {
    addReport(progress.report, await written.report);
    progress.rows += written.batch.size;
    progress.batches += 1;
    options.onBatch?.(progress);
  };
  let next = readBatch(iterator, firstLoad);
  try {
    for (;;) {
      const batch = await next;
      if (batch.size === 0) break;
      next = readBatch(iterator, firstLoad);
      if (older && !(writers > 1 && independent(older.batch.parsed, batch.parsed))) {
        await finishBeside(older, undefined, finish);
        older = undefined;
      }
      // The batch before, still being written, is counted as imported: if it fails, its own error is the one reported.
      const rows = progress.rows + (older?.batch.size ?? 0);
      const batches = progress.batches + (older ? 1 : 0);
      const before = rows ? `The ${rows} rows before it (${batches} batch${batches === 1 ? '' : 'es'}) were imported and stay` : 'Nothing was imported';
      const outcome = `${before}; nothing of this batch (${batch.firstPath} to ${batch.lastPath}) was written. Fix the rows and import again: rows already imported change nothing.`;
      const report = db.writeTransaction((tx) => importBatch(tx, batch.parsed, now, outcome, { importedRows: rows }, batch.surelyNew));
      report.catch(() => undefined); // awaited below or by the next turn; never an unhandled rejection
      const newest: Written = { batch, report };
      if (older) await finishBeside(older, newest, finish);
      older = newest;
    }
    if (older) await finish(older);
    return progress.report;
  } finally {
    next.catch(() => undefined);
    await iterator.return?.();
  }
}

interface Written {
  batch: ReadBatch;
  report: Promise<ImportReport>;
}

/**
 * Waits for the older of two batches written at once. When it fails, the newer one is waited for
 * too (its transaction must end before the caller disconnects), and the error says whether it
 * landed: the older batch's rows are then not imported, but the newer one's are.
 */
async function finishBeside(older: Written, newer: Written | undefined, finish: (written: Written) => Promise<void>): Promise<void> {
  try {
    await finish(older);
  } catch (error) {
    const landed = newer ? await newer.report.then(() => true, () => false) : false;
    if (!landed || !newer || !(error instanceof GraphQLError)) throw error;
    const note = ` The next batch (${newer.batch.firstPath} to ${newer.batch.lastPath}), written beside it, was imported.`;
    throw new GraphQLError(`${error.message}${note}`, { extensions: error.extensions });
  }
}

/**
 * Whether two consecutive batches may be written at once with the same outcome as one after the
 * other: both only nodes, naming no node in common (no race on a key or id); or both only
 * relationships, writing no relationship in common (no race between two "not there yet, create
 * it"). A batch that mixes both, or nodes after relationships, waits, because the relationships
 * must find the nodes committed. Two relationship batches that meet at a node may deadlock in
 * Neo4j, which ends one of them; the driver retries it.
 */
export function independent(a: ParsedBatch, b: ParsedBatch): boolean {
  const nodesOnly = (batch: ParsedBatch) => batch.relationships.length === 0 && batch.nodes.length > 0;
  const relationshipsOnly = (batch: ParsedBatch) => batch.nodes.length === 0 && batch.relationships.length > 0;
  if (nodesOnly(a) && nodesOnly(b)) return disjoint(a.nodeRows, b.nodeRows);
  if (relationshipsOnly(a) && relationshipsOnly(b)) return disjoint(a.relationshipRows, b.relationshipRows);
  return false;
}

function disjoint(a: ReadonlyMap<string, string>, b: ReadonlyMap<string, string>): boolean {
  for (const key of a.keys()) if (b.has(key)) return false;
  return true;
}

/** The next batch, checked for shape; batches are read one after the other, in the order of the input. */
async function readBatch(iterator: AsyncIterator<ImportItem[]>, firstLoad: FirstLoad | undefined): Promise<ReadBatch> {
  const { value, done } = await iterator.next();
  const items: ImportItem[] = done ? [] : value;
  const parsed = parseBatch(items);
  return { parsed, surelyNew: firstLoad?.surelyNew(parsed), size: items.length, firstPath: items[0]?.path, lastPath: items[items.length - 1]?.path };
}

/** Rows cut into batches of `size`, in order. */
export async function* chunks<T>(items: AsyncIterable<T> | Iterable<T>, size: number): AsyncGenerator<T[]> {
  let batch: T[] = [];
  for await (const item of items) {
    batch.push(item);
    if (batch.length === size) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}
