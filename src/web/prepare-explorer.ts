import type { Logger } from '../logger';
import { ensureExplorerBuilt } from './explorer-build';

/**
 * `npm start`'s step before listening: build the explorer when missing or stale, and say so. A
 * failed build is reported but does not stop the API, which works without the explorer.
 */
export async function prepareExplorer(log: Logger): Promise<void> {
  try {
    await ensureExplorerBuilt((line) => log.info(line));
  } catch (error) {
    log.warn(`${(error as Error).message}\nThe API starts without the explorer.`);
  }
}
