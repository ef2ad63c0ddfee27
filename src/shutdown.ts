import os from 'node:os';
import type { Logger } from './logger';

/** A shutdown always ends within this time: what is not done by then is cut off. */
export const SHUTDOWN_DEADLINE_MS = 14_000;
/**
 * A repeat of the signal this soon is the same request: a terminal's Ctrl-C reaches node both
 * from the terminal and forwarded by npm. A later one means "exit now".
 */
const SAME_SIGNAL_WINDOW_MS = 500;

export interface ShutdownBudget {
  remainingMs(): number;
  /** Runs one shutdown step within the remaining time; a step that fails or overruns is logged and left behind. */
  step(name: string, work: () => Promise<void>): Promise<void>;
}

/**
 * Owns SIGINT and SIGTERM: the first runs `stop` within SHUTDOWN_DEADLINE_MS and exits 0
 * (1 when a step failed or the deadline cut it off); a second one exits at once.
 */
export function onShutdownSignal(log: Logger, stop: (budget: ShutdownBudget) => Promise<void>): void {
  let startedAt: number | undefined;
  let clean = true;
  const budget: ShutdownBudget = {
    remainingMs: () => Math.max(0, (startedAt ?? Date.now()) + SHUTDOWN_DEADLINE_MS - Date.now()),
    step: async (name, work) => {
      const started = Date.now();
      let timer: NodeJS.Timeout | undefined;
      const overrun = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error('ran out of time')), budget.remainingMs());
      });
      try {
        await Promise.race([work(), overrun]);
        log.info({ step: name, ms: Date.now() - started }, `shutdown: ${name}: done`);
      } catch (error) {
        clean = false;
        log.error({ step: name, err: error }, `shutdown: ${name}: ${(error as Error).message}`);
      } finally {
        clearTimeout(timer);
      }
    },
  };

  const handle = (signal: NodeJS.Signals) => {
    if (startedAt !== undefined) {
      if (Date.now() - startedAt < SAME_SIGNAL_WINDOW_MS) return;
      log.warn({ signal }, 'second signal: exiting at once');
      process.exit(128 + (os.constants.signals[signal] ?? 0));
    }
    startedAt = Date.now();
    log.info({ signal }, `${signal}: shutting down within ${SHUTDOWN_DEADLINE_MS / 1000} s (send it again to exit at once)`);
    const watchdog = setTimeout(() => {
      log.error('shutdown did not finish in time; exiting anyway');
      process.exit(1);
    }, SHUTDOWN_DEADLINE_MS + 500);
    watchdog.unref();
    stop(budget).then(
      () => {
        log.info({ ms: Date.now() - startedAt!, clean }, 'xrm-graph stopped');
        process.exit(clean ? 0 : 1);
      },
      (error) => {
        log.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', handle);
  process.on('SIGTERM', handle);
}
