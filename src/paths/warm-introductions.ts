import type { Reader } from '../neo4j/database';
import { VISIBLE } from '../nodes/visibility';
import type { PathRow } from './path-row';
import { strongestPaths } from './strongest-paths';

const ALL_USER_IDS = `MATCH (u:User) WHERE ${VISIBLE('u')} RETURN u.id AS id`;

/**
 * Warm-introduction paths to `targetId` from the given users, or from every User when none are
 * given: one ranked list across all of them (DESIGN §4). The target itself never starts a path;
 * "every User" means every visible one.
 */
export async function warmIntroductions(
  db: Reader,
  query: { targetId: string; fromUserIds?: string[] | null; maxHops: number; first: number },
): Promise<PathRow[]> {
  const fromIds = query.fromUserIds ?? (await db.read<{ id: string }>(ALL_USER_IDS)).map((row) => row.id);
  return strongestPaths(db, { fromIds, toId: query.targetId, maxHops: query.maxHops, first: query.first });
}
