import type { Reader } from '../neo4j/database';
import { USABLE, VISIBLE } from '../nodes/visibility';
import { typeAlternation, type StakeholderType } from './hop-weight';

/**
 * Is there any path of at most `maxHops` hops from one of `fromIds` to `toId`? Neo4j's SHORTEST
 * is a bidirectional breadth-first search and answers in milliseconds, while the strength
 * search can only prove "no path" by exhausting every partial path, which takes seconds in a
 * dense component. Only visible nodes that are no restricted person (USABLE) may be on the way
 * (checked inside the search, so such a node cuts the path rather than failing a path already
 * chosen), so a restricted end is never reachable. Types come from the allowlist and maxHops is
 * a checked integer.
 */
const anyPathWithin = (types: readonly StakeholderType[], maxHops: number) => `
MATCH (t:Entity {id: $toId}) WHERE ${VISIBLE('t')} AND ${USABLE('t')}
MATCH p = ANY SHORTEST (s:Entity WHERE s.id IN $fromIds AND ${VISIBLE('s')} AND ${USABLE('s')})
  (()-[:${typeAlternation(types)}]-(step:Entity WHERE ${VISIBLE('step')} AND ${USABLE('step')})){1,${maxHops}}(t)
RETURN 1 AS found
LIMIT 1`;

export async function isReachable(
  db: Reader,
  fromIds: string[],
  toId: string,
  maxHops: number,
  types: readonly StakeholderType[],
): Promise<boolean> {
  if (!Number.isInteger(maxHops) || maxHops < 1) throw new Error(`maxHops must be a positive integer, got ${maxHops}`);
  const rows = await db.read(anyPathWithin(types, maxHops), { fromIds, toId });
  return rows.length > 0;
}
