import type { Reader } from '../neo4j/database';
import { param } from '../neo4j/values';
import { ENTITY_ROW, type EntityRow } from '../nodes/entity-row';
import { VISIBLE } from '../nodes/visibility';
import { IS_OPEN, STAGE_OF } from '../opportunities';

/** What a referrer brought (GraphQL ReferralValue). */
export interface ReferralValueRow {
  referred: EntityRow[];
  opportunities: number;
  openPipeline: number;
  wonAmount: number;
}

export interface ReferrerRow {
  node: EntityRow;
  value: ReferralValueRow;
}

/**
 * The value of referrer `x` (DESIGN §11). Each referral reaches the referred organization, or the
 * organizations a referred person WORKS_AT (employments that had not ended before the referral);
 * it counts their opportunities created (createdAt) after the referral's `at` (its createdAt when
 * it has none). An opportunity reached by several referrals counts once.
 */
const VALUE_OF_X = `
CALL (x) {
  OPTIONAL MATCH (x)-[r:REFERRED]->(y:Entity) WHERE ${VISIBLE('y')}
  WITH r, y ORDER BY coalesce(r.at, r.createdAt), y.id
  RETURN collect(${ENTITY_ROW('y')}) AS referred
}
CALL (x) {
  OPTIONAL MATCH (x)-[r:REFERRED]->(y:Entity) WHERE ${VISIBLE('y')}
  OPTIONAL MATCH (y)-[w:WORKS_AT]->(employer:Organization)
  WHERE (w.until IS NULL OR w.until >= date(coalesce(r.at, r.createdAt))) AND ${VISIBLE('employer')}
  WITH r, CASE WHEN y:Organization THEN y ELSE employer END AS account
  WHERE account IS NOT NULL
  MATCH (o:Opportunity)-[:FOR_ACCOUNT]->(account)
  WHERE o.createdAt > coalesce(r.at, r.createdAt) AND ${VISIBLE('o')}
  WITH DISTINCT o
  RETURN count(o) AS opportunities,
         sum(CASE WHEN ${IS_OPEN('o')} THEN coalesce(o.amount, 0) * coalesce(o.probability, 0) ELSE 0 END) AS openPipeline,
         sum(CASE WHEN ${STAGE_OF('o')} = 'WON' THEN coalesce(o.amount, 0) ELSE 0 END) AS wonAmount
}`;

const REFERRAL_VALUE = `
MATCH (x:Entity {id: $id}) WHERE ${VISIBLE('x')}
${VALUE_OF_X}
RETURN referred, opportunities, 0.0 + openPipeline AS openPipeline, 0.0 + wonAmount AS wonAmount`;

/** What `fromId` brought through its referrals; all zero when it referred nobody. */
export async function referralValue(db: Reader, fromId: string): Promise<ReferralValueRow> {
  const [row] = await db.read<ReferralValueRow>(REFERRAL_VALUE, { id: fromId });
  return row ?? { referred: [], opportunities: 0, openPipeline: 0, wonAmount: 0 };
}

const TOP_REFERRERS = `
MATCH (x:Entity)
WHERE ${VISIBLE('x')} AND EXISTS { MATCH (x)-[:REFERRED]->(y) WHERE ${VISIBLE('y')} }
${VALUE_OF_X}
WITH x, referred, opportunities, 0.0 + openPipeline AS openPipeline, 0.0 + wonAmount AS wonAmount
ORDER BY wonAmount DESC, openPipeline DESC, x.id
LIMIT $first
RETURN ${ENTITY_ROW('x')} AS node, {referred: referred, opportunities: opportunities, openPipeline: openPipeline, wonAmount: wonAmount} AS value`;

/** Everyone who referred someone, by won amount, then open pipeline, then id; at most `first`. */
export function topReferrers(db: Reader, first: number): Promise<ReferrerRow[]> {
  return db.read<ReferrerRow>(TOP_REFERRERS, { first: param.integer(first) });
}
