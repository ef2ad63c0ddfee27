import type { Reader } from '../neo4j/database';
import type { PathRow } from './path-row';
import { EVERY_USER } from './sources';
import { strongestPaths, type PathSearchOptions } from './strongest-paths';

/**
 * Warm-introduction paths to `targetId` from the given users, or from every User when none are
 * given: one ranked list across all of them (DESIGN §4). The target itself never starts a path;
 * "every User" means every visible one.
 */
export function warmIntroductions(
  db: Reader,
  query: { targetId: string; fromUserIds?: string[] | null; maxHops: number; first: number },
  options: PathSearchOptions = {},
): Promise<PathRow[]> {
  return strongestPaths(db, { fromIds: query.fromUserIds ?? EVERY_USER, toId: query.targetId, maxHops: query.maxHops, first: query.first }, options);
}
