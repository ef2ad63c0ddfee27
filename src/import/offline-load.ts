import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { importOffline } from '../neo4j/offline-importer';
import { chunks } from './import-rows';
import { ARRAY_DELIMITER, OfflineFiles } from './offline-files';
import { OfflinePlan } from './offline-plan';
import { parseBatch, type ImportItem } from './parse-batch';
import { emptyReport, type ImportReport } from './write-batch';

export interface OfflineLoadOptions {
  /** The embedded store folder; it holds no database (see holdsNoDatabase). */
  dataDir: string;
  batchSize: number;
  /** createdAt / updatedAt where rows give none; the replay afterwards uses the same. */
  now: unknown;
  /** After every batch read: rows read so far. */
  onBatch: (rows: number) => void;
  /** The importer's own progress lines. */
  progress: (line: string) => void;
}

export interface OfflineLoad {
  /** What the offline importer created. */
  report: ImportReport;
  /** Rows the offline importer wrote. */
  offlineRows: number;
  /** Rows to replay through Bolt, in input order and in their batches (`laterBatches`). */
  laterFile: string;
  laterRows: number;
  /** Rows of the input planned (offline or later); when the plan stopped, the rest of the input from here goes through Bolt. */
  plannedRows: number;
  /** The plan stopped at a batch the Bolt import would reject. */
  stopped: boolean;
  /** The importer built the store (not when no row was for it: then nothing was built, and the whole input goes through Bolt). */
  built: boolean;
}

/**
 * The offline half of a first load into an empty embedded store: reads the input batch by
 * batch as the Bolt import does (parseBatch: the same checks of shape), splits each batch by
 * OfflinePlan, writes the surely new rows into CSV files and every other row, with its batch
 * number, into the "later" file, then lets Neo4j's offline importer build the store from the
 * files. Memory holds one batch, the plan's tables (≈ 40 MB at 10^6 nodes) and nothing else.
 */
export async function loadOffline(items: AsyncIterable<ImportItem>, options: OfflineLoadOptions): Promise<OfflineLoad> {
  const work = path.join(options.dataDir, '.offline-import-input');
  fs.rmSync(work, { recursive: true, force: true });
  const files = new OfflineFiles(work);
  const plan = new OfflinePlan(files.holds);
  const laterFile = path.join(options.dataDir, '.offline-import-later.ndjson');
  let later: number | undefined = fs.openSync(laterFile, 'w');
  const result: OfflineLoad = { report: emptyReport(), offlineRows: 0, laterFile, laterRows: 0, plannedRows: 0, stopped: false, built: false };
  try {
    let batchNumber = 0;
    for await (const batch of chunks(items, options.batchSize)) {
      const parsed = parseBatch(batch);
      const split = plan.plan(parsed);
      if (split.stop) {
        result.stopped = true;
        break;
      }
      files.write(split.nodes, split.relationships, options.now);
      const offline = new Set([...split.nodes, ...split.relationships].map((row) => row.path));
      const replayed = batch.filter((item) => !offline.has(item.path)).map((item) => JSON.stringify({ batch: batchNumber, item }));
      if (replayed.length > 0) fs.writeSync(later, `${replayed.join('\n')}\n`);
      result.report.nodesCreated += split.nodes.length;
      result.report.relationshipsCreated += split.relationships.length;
      result.offlineRows += offline.size;
      result.laterRows += replayed.length;
      result.plannedRows += batch.length;
      batchNumber += 1;
      options.onBatch(result.plannedRows);
    }
    fs.closeSync(later);
    later = undefined;
    const input = files.close();
    if (result.offlineRows === 0) return result;
    const expected = { nodes: result.report.nodesCreated, relationships: result.report.relationshipsCreated };
    await importOffline({ dataDir: options.dataDir, files: input, arrayDelimiter: ARRAY_DELIMITER, expected, progress: options.progress });
    result.built = true;
    return result;
  } catch (error) {
    if (later !== undefined) fs.closeSync(later);
    fs.rmSync(laterFile, { force: true });
    throw error;
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

/** The rows of the later file, batch by batch as they were planned. */
export async function* laterBatches(file: string): AsyncGenerator<ImportItem[]> {
  const lines = readline.createInterface({ input: fs.createReadStream(file), crlfDelay: Infinity });
  let current = -1;
  let batch: ImportItem[] = [];
  for await (const line of lines) {
    const { batch: number, item } = JSON.parse(line) as { batch: number; item: ImportItem };
    if (number !== current && batch.length > 0) {
      yield batch;
      batch = [];
    }
    current = number;
    batch.push(item);
  }
  if (batch.length > 0) yield batch;
}
