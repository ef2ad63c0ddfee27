/** What `npm run import` prints while it works and when it stops. */
import type { Readable } from 'node:stream';
import { GraphQLError } from 'graphql';
import type { InputProblem } from '../graphql/errors';
import type { Database } from '../neo4j/database';
import { buildDeferredIndexes } from './bulk-load';
import type { ImportProgress } from './import-rows';
import type { ImportReport } from './write-batch';

const PROGRESS_EVERY_MS = 2_000;

export const number = (value: number) => Math.round(value).toLocaleString('en');
export const duration = (seconds: number) =>
  seconds < 60 ? `${Math.round(seconds)} s` : `${Math.floor(seconds / 60)} min ${String(Math.round(seconds % 60)).padStart(2, '0')} s`;
export const formatReport = (r: ImportReport) =>
  `nodes: ${r.nodesCreated} created, ${r.nodesUpdated} updated; relationships: ${r.relationshipsCreated} created, ${r.relationshipsUpdated} updated`;

/** One progress line: rows, rows per second, and (for a file) how far through it and the time left. */
function progressLine(progress: ImportProgress, seconds: number, input: Readable & { bytesRead?: number }, size: number | undefined): string {
  const rate = progress.rows / Math.max(seconds, 0.001);
  let line = `  ${number(progress.rows)} rows in ${duration(seconds)} · ${number(rate)} rows/s`;
  const fraction = size && input.bytesRead !== undefined ? Math.min(input.bytesRead / size, 1) : undefined;
  if (fraction) line += ` · ${Math.floor(fraction * 100)}% of the file · ETA ${duration((seconds * (1 - fraction)) / fraction)}`;
  return line;
}

export interface Stopwatch {
  seconds(): number;
}

export function stopwatch(): Stopwatch {
  const started = Date.now();
  return { seconds: () => (Date.now() - started) / 1000 };
}

/** Prints progress every few seconds. */
export function progressPrinter(clock: Stopwatch, input: Readable & { bytesRead?: number }, size: number | undefined, rowsBefore = 0) {
  let printedAt = 0;
  return (progress: ImportProgress) => {
    if (Date.now() - printedAt < PROGRESS_EVERY_MS) return;
    printedAt = Date.now();
    console.log(progressLine({ ...progress, rows: rowsBefore + progress.rows }, clock.seconds(), input, size));
  };
}

/** Prints why an import stopped and how to go on; answers the exit code. */
export function reportFailure(error: unknown, importedRows: number, goOn: string): number {
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

/** Builds the indexes the load left out, with a progress line every few seconds; says what to do when that fails. */
export async function buildIndexes(db: Database, names: string[], seconds: () => number): Promise<boolean> {
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
