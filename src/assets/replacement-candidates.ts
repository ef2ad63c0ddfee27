import { badUserInput } from '../graphql/errors';
import type { PageWindow, PageRows } from '../graphql/pagination';
import type { Reader } from '../neo4j/database';
import { param } from '../neo4j/values';
import { ENTITY_ROW, type EntityRow } from '../nodes/entity-row';
import { VISIBLE } from '../nodes/visibility';

/** One asset due for replacement (GraphQL ReplacementCandidate). */
export interface ReplacementCandidateRow {
  asset: EntityRow;
  operator: EntityRow;
  product: EntityRow;
  upgrades: EntityRow[];
  maintainers: EntityRow[];
  recentCases: number;
}

export const MAX_YEARS = 100;

// An asset exactly `years` old is not older than that: installedAt must lie before the cutoff.
// Several operators or products (an import may give them): the one with the smallest id.
const REPLACEMENT_CANDIDATES = `
WITH date($asOf) - duration({years: $years}) AS cutoff
MATCH (a:Asset)
WHERE coalesce(a.status, 'ACTIVE') = 'ACTIVE' AND a.installedAt < cutoff AND ${VISIBLE('a')}
CALL (a) {
  MATCH (o:Organization)-[:OPERATES]->(a) WHERE ${VISIBLE('o')}
  RETURN o AS operator ORDER BY o.id LIMIT 1
}
CALL (a) {
  MATCH (a)-[:OF_PRODUCT]->(p:Product) WHERE ${VISIBLE('p')}
  RETURN p AS product ORDER BY p.id LIMIT 1
}
WITH a, operator, product ORDER BY a.installedAt, a.key, a.id
WITH collect({asset: a, operator: operator, product: product}) AS candidates
WITH size(candidates) AS total, candidates[$offset..$offset + $first] AS window
CALL (window) {
  UNWIND window AS candidate
  WITH candidate.asset AS a, candidate.operator AS operator, candidate.product AS product
  RETURN collect({
    asset: ${ENTITY_ROW('a')},
    operator: ${ENTITY_ROW('operator')},
    product: ${ENTITY_ROW('product')},
    upgrades: COLLECT {
      MATCH (u:Product)-[:UPGRADE_OF]->(product) WHERE ${VISIBLE('u')}
      WITH DISTINCT u ORDER BY u.sku, u.id
      RETURN ${ENTITY_ROW('u')}
    },
    maintainers: COLLECT {
      MATCH (m:Organization)-[:MAINTAINS]->(a) WHERE ${VISIBLE('m')}
      WITH DISTINCT m ORDER BY m.name, m.id
      RETURN ${ENTITY_ROW('m')}
    },
    recentCases: COUNT {
      MATCH (c:Case)-[:CONCERNS]->(a)
      WITH c, datetime({epochMillis: coalesce(c.openedAt, c.createdAt).epochMillis}) AS opened
      WHERE date($asOf) - duration({months: 24}) <= date(opened) <= date($asOf) AND ${VISIBLE('c')}
    }
  }) AS page
}
RETURN total, page`;

export interface ReplacementQuery extends PageWindow {
  olderThanYears: number;
  /** The day the age is judged at ('YYYY-MM-DD'); today (UTC) when not given. */
  asOf?: string | null;
}

/**
 * ACTIVE assets installed more than `olderThanYears` years before asOf, oldest first (then by
 * key, then id), each with its operator, product, the products that are UPGRADE_OF it, the
 * partners who MAINTAIN it and how many cases about it were opened in the 24 months up to asOf.
 * An asset without operator or product is nobody's to replace and is left out.
 */
export async function replacementCandidates(db: Reader, query: ReplacementQuery): Promise<PageRows<ReplacementCandidateRow>> {
  const { olderThanYears } = query;
  if (!Number.isInteger(olderThanYears) || olderThanYears < 0 || olderThanYears > MAX_YEARS) {
    throw badUserInput(`"olderThanYears" must be a whole number from 0 to ${MAX_YEARS}, got ${olderThanYears}.`);
  }
  const [row] = await db.read<PageRows<ReplacementCandidateRow>>(REPLACEMENT_CANDIDATES, {
    years: param.integer(olderThanYears),
    asOf: param.date(query.asOf ?? new Date().toISOString().slice(0, 10)),
    offset: param.integer(query.offset),
    first: param.integer(query.first),
  });
  return row;
}
