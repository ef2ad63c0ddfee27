import type { Logger } from '../logger';
import { startEmbeddedNeo4j, type EmbeddedNeo4j, type EmbeddedOptions } from './embedded';

/** An embedded Neo4j that is started again when it dies, on the same port and store. */
export interface SupervisedNeo4j {
  uri: string;
  /** Process id of the JVM running now (undefined between a death and the restart). */
  pid(): number | undefined;
  /** Stops supervising and stops the JVM; kills it after `killAfterMs`. */
  stop(killAfterMs?: number): Promise<void>;
}

/** Waits before the 1st, 2nd, … restart; the last one repeats. */
const BACKOFF_MS = [1_000, 2_000, 4_000, 8_000, 15_000, 30_000];
/** A JVM that ran this long before dying starts the back-off from the beginning again. */
const STABLE_AFTER_MS = 60_000;

/**
 * Starts the embedded Neo4j and watches it: when the JVM dies (a crash, the OOM killer, a kill),
 * it is logged and started again with back-off, on the same port so the driver reconnects by
 * itself, and on the same store, which Neo4j recovers from its transaction log.
 */
export async function superviseEmbeddedNeo4j(options: EmbeddedOptions, log: Logger): Promise<SupervisedNeo4j> {
  let current: EmbeddedNeo4j | undefined = await startEmbeddedNeo4j(options);
  const port = current.port;
  const uri = current.uri;
  let stopped = false;
  let failures = 0;
  let startedAt = Date.now();
  let retryTimer: NodeJS.Timeout | undefined;

  const watch = (neo4j: EmbeddedNeo4j) => {
    void neo4j.exited.then(({ code, signal }) => {
      if (stopped || current !== neo4j) return;
      current = undefined;
      if (Date.now() - startedAt >= STABLE_AFTER_MS) failures = 0;
      scheduleRestart(`the embedded Neo4j (pid ${neo4j.pid}) died (${signal ?? `exit code ${code}`})`);
    });
  };

  const scheduleRestart = (why: string) => {
    const delay = BACKOFF_MS[Math.min(failures, BACKOFF_MS.length - 1)];
    failures += 1;
    log.error({ port, restartInMs: delay, attempt: failures }, `${why}; restarting it in ${delay / 1000} s`);
    retryTimer = setTimeout(() => void restart(), delay);
  };

  const restart = async () => {
    if (stopped) return;
    try {
      const started = await startEmbeddedNeo4j({ ...options, port });
      if (stopped) {
        await started.stop();
        return;
      }
      current = started;
      startedAt = Date.now();
      log.info({ pid: started.pid, uri }, 'the embedded Neo4j is running again');
      watch(started);
    } catch (error) {
      scheduleRestart(`restarting the embedded Neo4j failed: ${(error as Error).message.split('\n')[0]}`);
    }
  };

  watch(current);
  return {
    uri,
    pid: () => current?.pid,
    stop: async (killAfterMs) => {
      stopped = true;
      clearTimeout(retryTimer);
      await current?.stop(killAfterMs);
    },
  };
}
