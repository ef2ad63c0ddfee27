import { badUserInput } from '../graphql/errors';
import type { Reader } from '../neo4j/database';
import { param } from '../neo4j/values';
import { PAGE_OF, type PageRows, type PageWindow } from '../graphql/pagination';
import { ENTITY_ROW, type EntityRow } from '../nodes/entity-row';
import { VISIBLE } from '../nodes/visibility';
import { OPEN_CASE_STATUSES } from './open-statuses';

export interface OpenCaseRow {
  case: EntityRow;
  ageDays: number;
}

export interface OpenCasesArgs extends PageWindow {
  severity?: readonly string[] | null;
  olderThanDays?: number | null;
  asOf?: string | null;
}

const OPEN_CASES = `
MATCH (c:Case)
WHERE c.status IN $openStatuses AND ${VISIBLE('c')}
  AND ($severities IS NULL OR c.severity IN $severities)
WITH c, coalesce(c.openedAt, c.createdAt) AS openedAt
WHERE openedAt <= $asOf AND ($cutoff IS NULL OR openedAt < $cutoff)
WITH c, openedAt, duration.inSeconds(openedAt, $asOf).seconds / 86400 AS ageDays,
     CASE c.severity WHEN 'CRITICAL' THEN 0 WHEN 'HIGH' THEN 1 WHEN 'MEDIUM' THEN 2 WHEN 'LOW' THEN 3 ELSE 4 END AS rank
ORDER BY rank, openedAt, c.id
WITH collect({case: ${ENTITY_ROW('c')}, ageDays: ageDays}) AS rows
RETURN ${PAGE_OF('rows')}`;

/** Open cases (OPEN, IN_PROGRESS) with their age at `asOf`, most severe then oldest first. */
export async function openCases(db: Reader, args: OpenCasesArgs): Promise<PageRows<OpenCaseRow>> {
  if (args.olderThanDays !== null && args.olderThanDays !== undefined && args.olderThanDays < 0) {
    throw badUserInput(`olderThanDays must be 0 or more, got ${args.olderThanDays}.`);
  }
  const asOf = args.asOf ?? new Date().toISOString();
  const cutoff = args.olderThanDays === null || args.olderThanDays === undefined
    ? null
    : param.dateTime(new Date(Date.parse(asOf) - args.olderThanDays * 86_400_000).toISOString());
  const [row] = await db.read<PageRows<OpenCaseRow>>(OPEN_CASES, {
    openStatuses: OPEN_CASE_STATUSES,
    severities: args.severity?.length ? args.severity : null,
    asOf: param.dateTime(asOf),
    cutoff,
    offset: param.integer(args.offset),
    first: param.integer(args.first),
  });
  return row;
}
