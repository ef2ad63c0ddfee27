import DataLoader from 'dataloader';
import type { Reader } from '../neo4j/database';
import { VISIBLE } from '../nodes/visibility';
import { EVERY_USER, bestPathsToTargets, comparePaths, type PathRow } from '../paths';

/** How far the reactivation list looks for a warm path (as the buying center does, DESIGN §4). */
const MAX_HOPS = 4;

const PEOPLE = `
UNWIND $ids AS id
OPTIONAL MATCH (p:Person)-[w:WORKS_AT]->(:Organization {id: id})
WHERE (w.until IS NULL OR w.until >= date()) AND ${VISIBLE('p')}
RETURN id, collect(DISTINCT p.id) AS peopleIds`;

/**
 * Per account, the strongest path (≤ 4 hops, stakeholder relationships) from any of our (visible)
 * users to anyone (visible) who currently works there, or null. One lookup query per batch, then one shared path
 * search for every person of the batch's accounts.
 */
export function createWarmPathLoaders(db: Reader) {
  return {
    bestWarmPathByAccountId: new DataLoader<string, PathRow | null>(async (ids) => {
      const rows = await db.read<{ id: string; peopleIds: string[] }>(PEOPLE, { ids });
      const targets = [...new Set(rows.flatMap((row) => row.peopleIds))];
      const best = targets.length
        ? await bestPathsToTargets(db, { fromIds: EVERY_USER, targetIds: targets, maxHops: MAX_HOPS })
        : new Map<string, PathRow | null>();
      const byAccount = new Map(rows.map((row) => {
        const paths = row.peopleIds.map((p) => best.get(p)).filter((path): path is PathRow => !!path);
        return [row.id, paths.sort(comparePaths)[0] ?? null];
      }));
      return ids.map((id) => byAccount.get(id) ?? null);
    }),
  };
}
