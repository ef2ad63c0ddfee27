import type { Reader } from '../neo4j/database';
import { VISIBLE } from '../nodes/visibility';
import { influenceScores, type InfluenceOptions, type InfluenceRow } from './influence-scores';

const ACCOUNT_TARGETS = `
MATCH (a:Organization {id: $accountId}) WHERE ${VISIBLE('a')}
CALL (a) { MATCH (p:Person)-[:WORKS_AT]->(a) WHERE ${VISIBLE('p')} RETURN collect(DISTINCT p.id) AS staff }
CALL (a) {
  MATCH (m:Person)-[:BUYING_ROLE]->(o:Opportunity)-[:FOR_ACCOUNT]->(a) WHERE ${VISIBLE('m')} AND ${VISIBLE('o')}
  RETURN collect(DISTINCT m.id) AS members
}
RETURN staff, members`;

/**
 * Influence on an account (DESIGN §4): the targets are the account, its people (WORKS_AT) and the
 * buying-center members of its opportunities (visible people, through visible deals); the account
 * and its people are not listed.
 */
export async function accountInfluencers(db: Reader, accountId: string, options: InfluenceOptions): Promise<InfluenceRow[]> {
  const [row] = await db.read<{ staff: string[]; members: string[] }>(ACCOUNT_TARGETS, { accountId });
  const staff = row?.staff ?? [];
  const members = row?.members ?? [];
  return influenceScores(db, [accountId, ...staff, ...members], options, [accountId, ...staff]);
}
