import { badUserInput, notFound } from '../graphql/errors';
import type { Reader } from '../neo4j/database';
import { param } from '../neo4j/values';
import { ENTITY_ROW, type EntityRow } from '../nodes/entity-row';
import { VISIBLE } from '../nodes/visibility';
import { OPEN_CASE_STATUSES } from './open-statuses';

export interface SameProblemRow {
  account: EntityRow;
  caseCount: number;
  openCaseCount: number;
  quantityOrdered: number;
  lastOrderDate: string;
}

const CASE_PRODUCT = `
MATCH (c:Case {id: $caseId}) WHERE ${VISIBLE('c')}
RETURN COUNT { MATCH (c)-[:CONCERNS]->(p:Product) WHERE ${VISIBLE('p')} } AS products`;

// The case's own account: the raising organization, or where the raising person works. Every
// node on the way is visible: hidden orders, cases and people count for nothing.
const SAME_PROBLEM = `
MATCH (c:Case {id: $caseId})-[:CONCERNS]->(p:Product)
WHERE ${VISIBLE('c')} AND ${VISIBLE('p')}
WITH c, p,
     COLLECT { MATCH (c)-[:RAISED_BY]->(x:Organization) WHERE ${VISIBLE('x')} RETURN x.id } +
     COLLECT { MATCH (c)-[:RAISED_BY]->(r:Person)-[:WORKS_AT]->(x:Organization) WHERE ${VISIBLE('r')} AND ${VISIBLE('x')} RETURN x.id } AS own
MATCH (a:Organization)-[:PLACED]->(o:Order)-[line:CONTAINS]->(p)
WHERE NOT a.id IN own AND ${VISIBLE('a')} AND ${VISIBLE('o')}
WITH c, p, a, sum(line.quantity) AS quantityOrdered, max(o.date) AS lastOrderDate
CALL (c, p, a) {
  OPTIONAL MATCH (k:Case)-[:CONCERNS]->(p)
  WHERE k <> c AND ${VISIBLE('k')}
    AND (EXISTS { (k)-[:RAISED_BY]->(a) }
         OR EXISTS { MATCH (k)-[:RAISED_BY]->(r:Person)-[:WORKS_AT]->(a) WHERE ${VISIBLE('r')} })
    AND coalesce(k.openedAt, k.createdAt) <= $asOf
    AND (k.status IN $openStatuses OR coalesce(k.openedAt, k.createdAt) >= $since)
  RETURN count(DISTINCT k) AS caseCount,
         count(DISTINCT CASE WHEN k.status IN $openStatuses THEN k END) AS openCaseCount
}
RETURN ${ENTITY_ROW('a')} AS account, caseCount, openCaseCount, quantityOrdered, lastOrderDate
ORDER BY caseCount DESC, a.name, a.id
LIMIT $first`;

/** Other owners of the case's product, ranked by their open or recent cases on it (the up-sell list). */
export async function accountsWithSameProblem(
  db: Reader,
  caseId: string,
  recentDays: number,
  asOf: string | null | undefined,
  first: number,
): Promise<SameProblemRow[]> {
  if (!Number.isInteger(recentDays) || recentDays < 0) throw badUserInput(`recentDays must be 0 or more, got ${recentDays}.`);
  const [check] = await db.read<{ products: number }>(CASE_PRODUCT, { caseId });
  if (!check) throw notFound('Case', caseId);
  if (check.products === 0) {
    throw badUserInput(`Case ${caseId} concerns no product; link it to one (CONCERNS) to find others with the same problem.`);
  }
  const at = asOf ?? new Date().toISOString();
  return db.read<SameProblemRow>(SAME_PROBLEM, {
    caseId,
    openStatuses: OPEN_CASE_STATUSES,
    asOf: param.dateTime(at),
    since: param.dateTime(new Date(Date.parse(at) - recentDays * 86_400_000).toISOString()),
    first: param.integer(first),
  });
}
