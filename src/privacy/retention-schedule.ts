import type { Database } from '../neo4j/database';
import type { Logger } from '../logger';
import { purgeInteractions } from './purge-interactions';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The daily retention run inside the server: purges interactions older than `olderThanDays` now
 * and then once a day. A failed run is logged and tried again the next day; runs never overlap.
 * Returns a function that stops the schedule and waits for a run in progress.
 */
export function scheduleRetention(db: Database, log: Logger, olderThanDays: number): () => Promise<void> {
  let running: Promise<void> | null = null;
  const run = () => {
    if (running) return;
    running = purgeInteractions(db, {
      olderThanDays,
      onProgress: (deleted, total) => log.info({ deleted, total }, 'retention: purging interactions'),
    })
      .then(({ cutoff, deleted }) => log.info({ cutoff, deleted, olderThanDays }, 'retention: interactions purged'))
      .catch((error: unknown) => log.error({ err: error }, 'retention: purge failed; next try in a day'))
      .finally(() => {
        running = null;
      });
  };
  run();
  const timer = setInterval(run, DAY_MS);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}
