import { badUserInput } from '../graphql/errors';
import type { Reader } from '../neo4j/database';
import { param } from '../neo4j/values';
import { VISIBLE } from '../nodes/visibility';

export interface ResolutionTime {
  cases: number;
  averageHours: number | null;
  averageDays: number | null;
}

const RESOLUTION_SECONDS = `
MATCH (c:Case)
WHERE $from <= c.resolvedAt < $to AND ${VISIBLE('c')}
WITH c, coalesce(c.openedAt, c.createdAt) AS openedAt
RETURN count(c) AS cases, avg(toFloat(duration.inSeconds(openedAt, c.resolvedAt).seconds)) AS averageSeconds`;

/** Mean open-to-resolved time of the cases resolved in [from, to). */
export async function averageTimeToResolve(db: Reader, from: string, to: string): Promise<ResolutionTime> {
  if (Date.parse(from) >= Date.parse(to)) throw badUserInput(`"from" (${from}) must be before "to" (${to}).`);
  const [row] = await db.read<{ cases: number; averageSeconds: number | null }>(RESOLUTION_SECONDS, {
    from: param.dateTime(from),
    to: param.dateTime(to),
  });
  const hours = row.averageSeconds === null ? null : row.averageSeconds / 3600;
  return { cases: row.cases, averageHours: hours, averageDays: hours === null ? null : hours / 24 };
}
