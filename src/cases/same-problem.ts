import { badUserInput, notFound } from '../graphql/errors';
import type { Reader } from '../neo4j/database';
import { param } from '../neo4j/values';
import { ENTITY_ROW, type EntityRow } from '../nodes/entity-row';
import { OPEN_CASE_STATUSES } from './open-statuses';

export interface SameProblemRow {
  account: EntityRow;
  caseCount: number;
  openCaseCount: number;
  quantityOrdered: number;
  lastOrderDate: string;
}

const CASE_PRODUCT = `
MATCH (c:Case {id: $caseId})
RETURN COUNT { (c)-[:CONCERNS]->(:Product) } AS products`;

// The case's own account: the raising organization, or where the raising person works.
const SAME_PROBLEM = `
MATCH (c:Case {id: $caseId})-[:CONCERNS]->(p:Product)
WITH c, p,
     COLLECT { MATCH (c)-[:RAISED_BY]->(x:Organization) RETURN x.id } +
     COLLECT { MATCH (c)-[:RAISED_BY]->(:Person)-[:WORKS_AT]->(x:Organization) RETURN x.id } AS own
MATCH (a:Organization)-[:PLACED]->(o:Order)-[line:CONTAINS]->(p)
WHERE NOT a.id IN own
WITH c, p, a, sum(line.quantity) AS quantityOrdered, max(o.date) AS lastOrderDate
CALL (c, p, a) {
  OPTIONAL MATCH (k:Case)-[:CONCERNS]->(p)
  WHERE k <> c
    AND (EXISTS { (k)-[:RAISED_BY]->(a) } OR EXISTS { (k)-[:RAISED_BY]->(:Person)-[:WORKS_AT]->(a) })
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
