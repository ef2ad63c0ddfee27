import type { Config } from '../config';
import { withNeo4j } from '../neo4j/connect';
import { prepareStore } from './bulk-load';
import { itemsOf, openInput, skipped, type CliArgs } from './cli-args';
import { buildIndexes, duration, formatReport, number, progressPrinter, reportFailure, type Stopwatch } from './cli-output';
import { importRows, type ImportProgress } from './import-rows';
import { emptyReport } from './write-batch';

/**
 * Store bytes per byte of import file, a little above what the generated worlds give (a 595 MB
 * NDJSON file of 10^6 nodes makes a 1.4 GB store with its indexes): the embedded Neo4j is sized
 * for the store the import makes. With the page cache of the empty store it starts on (64 MB),
 * every index seek of a big import went to the disk cache, and the import slowed as it grew.
 */
const STORE_BYTES_PER_FILE_BYTE = 2.5;

/** The import through Bolt, batch by batch (the way of every import but an offline first load). */
export async function boltImport(config: Config, args: CliArgs, size: number | undefined, clock: Stopwatch): Promise<number> {
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
