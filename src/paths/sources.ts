import type { Reader } from '../neo4j/database';
import { VISIBLE } from '../nodes/visibility';

/** Paths from our whole team: every User the request may see (DESIGN §4, §9). */
export const EVERY_USER = 'every visible user';

/** Where paths start: the given nodes, or every visible User (looked up where the search runs). */
export type PathSources = readonly string[] | typeof EVERY_USER;

/** Cypher: the ids of every visible User. */
export const EVERY_USER_ID = `COLLECT { MATCH (u:User) WHERE ${VISIBLE('u')} RETURN u.id }`;

const EVERY_USER_IDS = `RETURN ${EVERY_USER_ID} AS ids`;

/** The ids `sources` stands for, each once (read from the database only for EVERY_USER). */
export async function sourceIds(db: Reader, sources: PathSources): Promise<string[]> {
  if (sources !== EVERY_USER) return [...new Set(sources)];
  const [{ ids }] = await db.read<{ ids: string[] }>(EVERY_USER_IDS);
  return ids;
}
