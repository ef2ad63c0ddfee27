import pino from 'pino';
import type { LogLevel } from './config';

export type Logger = pino.Logger;

/**
 * Structured JSON logs on stdout; one logger per process. Written synchronously: the process
 * exits right after its last lines (shutdown), and an asynchronous write still in flight would
 * be lost or overtaken by the exit flush.
 */
export function createLogger(level: LogLevel): Logger {
  return pino({ level, base: { service: 'xrm-graph' } }, pino.destination({ dest: 1, sync: true }));
}
