import type { Database } from '../neo4j/database';
import { param } from '../neo4j/values';
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
  /** Called after every committed batch. */
  onBatch?: (progress: ImportProgress) => void;
}

interface ReadBatch {
  parsed: ParsedBatch;
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
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  const iterator = asyncIterator(items);
  const progress: ImportProgress = { rows: 0, batches: 0, report: emptyReport() };
  const now = param.now();
  let next = readBatch(iterator, batchSize);
  try {
    for (;;) {
      const batch = await next;
      if (batch.size === 0) return progress.report;
      next = readBatch(iterator, batchSize);
      const before = progress.rows
        ? `The ${progress.rows} rows before it (${progress.batches} batch${progress.batches === 1 ? '' : 'es'}) were imported and stay`
        : 'Nothing was imported';
      const outcome = `${before}; nothing of this batch (${batch.firstPath} to ${batch.lastPath}) was written. Fix the rows and import again: rows already imported change nothing.`;
      const part = await db.writeTransaction((tx) => importBatch(tx, batch.parsed, now, outcome, { importedRows: progress.rows }));
      addReport(progress.report, part);
      progress.rows += batch.size;
      progress.batches += 1;
      options.onBatch?.(progress);
    }
  } finally {
    next.catch(() => undefined);
    await iterator.return?.();
  }
}

async function readBatch(iterator: AsyncIterator<ImportItem>, size: number): Promise<ReadBatch> {
  const items: ImportItem[] = [];
  while (items.length < size) {
    const { value, done } = await iterator.next();
    if (done) break;
    items.push(value);
  }
  return { parsed: parseBatch(items), size: items.length, firstPath: items[0]?.path, lastPath: items[items.length - 1]?.path };
}

function asyncIterator<T>(items: AsyncIterable<T> | Iterable<T>): AsyncIterator<T> {
  if (Symbol.asyncIterator in items) return items[Symbol.asyncIterator]();
  const sync = items[Symbol.iterator]();
  return {
    next: async () => sync.next(),
    return: async () => sync.return?.() ?? { done: true, value: undefined },
  };
}
