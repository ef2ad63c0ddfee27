import fs from 'node:fs';
import type { Config } from '../config';
import { withNeo4j } from '../neo4j/connect';
import { param } from '../neo4j/values';
import { prepareOfflineBuiltStore } from './bulk-load';
import { itemsOf, openInput, skipped, type CliArgs } from './cli-args';
import { buildIndexes, duration, formatReport, number, progressPrinter, reportFailure, type Stopwatch } from './cli-output';
import { importBatches, importRows, type ImportProgress } from './import-rows';
import { laterBatches, loadOffline, type OfflineLoad } from './offline-load';
import { addReport, emptyReport } from './write-batch';

/**
 * A first load into an empty embedded store: the offline importer builds the store from the
 * surely new rows (offline-load.ts), then Neo4j starts, the constraints are built, the other rows
 * are replayed through Bolt in input order (and, when a batch stopped the plan, the rest of the
 * input is imported from that batch on), and the read-only indexes are built last. Answers
 * undefined when nothing was for the offline importer (then nothing was built).
 */
export async function offlineImport(config: Config, args: CliArgs, size: number | undefined, clock: Stopwatch): Promise<number | undefined> {
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
