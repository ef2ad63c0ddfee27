/**
 * The explorer's build folder (explorer/dist) is one per checkout, shared by the jest workers.
 * A test that rebuilds it on purpose holds it alone; a test that serves it (or starts an API
 * that would build it when stale) holds it together with others. A readers–writer lock made of
 * files in the test run's folder (global-setup.ts): a writer first marks the lock as wanted and
 * then waits for the readers to leave; a reader first enters and then checks the mark, leaving
 * and waiting again when it finds one, so that one of the two always sees the other.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { WORKER_RUN_DIR } from './worker-neo4j';

const POLL_MS = 100;

function folders(): { writer: string; readers: string } | undefined {
  const runDir = process.env[WORKER_RUN_DIR];
  if (!runDir) return undefined; // not under jest's global setup: nothing to share with
  const readers = path.join(runDir, 'explorer-readers');
  fs.mkdirSync(readers, { recursive: true });
  return { writer: path.join(runDir, 'explorer-writer'), readers };
}

const pause = () => new Promise((resolve) => setTimeout(resolve, POLL_MS));

/** Holds the explorer's build together with other readers until the answered function is called. */
export async function shareExplorerBuild(): Promise<() => void> {
  const lock = folders();
  if (!lock) return () => undefined;
  const me = path.join(lock.readers, `${process.pid}-${randomBytes(4).toString('hex')}`);
  for (;;) {
    while (fs.existsSync(lock.writer)) await pause();
    fs.writeFileSync(me, '');
    if (!fs.existsSync(lock.writer)) return () => fs.rmSync(me, { force: true });
    fs.rmSync(me, { force: true });
  }
}

/** Runs `work` while no other test uses the explorer's build. */
export async function withExplorerBuildAlone<T>(work: () => Promise<T>): Promise<T> {
  const lock = folders();
  if (!lock) return work();
  for (;;) {
    try {
      fs.mkdirSync(lock.writer);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      await pause();
    }
  }
  try {
    while (fs.readdirSync(lock.readers).length > 0) await pause();
    return await work();
  } finally {
    fs.rmSync(lock.writer, { recursive: true, force: true });
  }
}
