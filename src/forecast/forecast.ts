import type { Reader } from '../neo4j/database';
import { param } from '../neo4j/values';
import { ENTITY_ROW, type EntityRow } from '../nodes/entity-row';
import { VISIBLE } from '../nodes/visibility';
import { IS_OPEN, STAGE_OF } from '../opportunities';
import { parseQuarter, type Quarter } from './quarter';

/** One line of a forecast (GraphQL ForecastRow); `user` is null on the total. */
export interface ForecastRowData {
  user: EntityRow | null;
  target: number;
  won: number;
  weighted: number;
  bestCase: number;
  projected: number;
  gap: number;
  attainment: number | null;
}

export interface ForecastData extends Quarter {
  rows: ForecastRowData[];
  total: ForecastRowData;
}

// A WON deal closes on its closedAt day (UTC, whatever offset it was stored with); one imported
// without closedAt, on its expected close date.
const CLOSE_DAY = (o: string) =>
  `CASE WHEN ${o}.closedAt IS NULL THEN ${o}.expectedCloseDate ELSE date(datetime({epochMillis: ${o}.closedAt.epochMillis})) END`;
const WON_IN_QUARTER = (o: string) => `${STAGE_OF(o)} = 'WON' AND date($from) <= ${CLOSE_DAY(o)} < date($until)`;
const OPEN_IN_QUARTER = (o: string) => `${IS_OPEN(o)} AND date($from) <= ${o}.expectedCloseDate < date($until)`;

const FORECAST = `
MATCH (u:User)
WHERE ${VISIBLE('u')} AND (($userIds IS NULL AND (
        EXISTS { MATCH (u)-[:HAS_TARGET]->(t:SalesTarget {period: $period}) WHERE ${VISIBLE('t')} }
        OR EXISTS { MATCH (u)-[:OWNS]->(o:Opportunity) WHERE ${VISIBLE('o')} AND (${WON_IN_QUARTER('o')} OR ${OPEN_IN_QUARTER('o')}) }))
   OR u.id IN $userIds)
CALL (u) {
  OPTIONAL MATCH (u)-[:HAS_TARGET]->(t:SalesTarget {period: $period}) WHERE ${VISIBLE('t')}
  RETURN max(t.amount) AS target
}
CALL (u) {
  OPTIONAL MATCH (u)-[:OWNS]->(o:Opportunity) WHERE ${VISIBLE('o')}
  RETURN sum(CASE WHEN ${WON_IN_QUARTER('o')} THEN coalesce(o.amount, 0) ELSE 0 END) AS won,
         sum(CASE WHEN ${OPEN_IN_QUARTER('o')} THEN coalesce(o.amount, 0) * coalesce(o.probability, 0) ELSE 0 END) AS weighted,
         sum(CASE WHEN ${OPEN_IN_QUARTER('o')} THEN coalesce(o.amount, 0) ELSE 0 END) AS open
}
RETURN ${ENTITY_ROW('u')} AS user, target, 0.0 + won AS won, 0.0 + weighted AS weighted, 0.0 + open AS open
ORDER BY u.name, u.id`;

/**
 * The forecast of a quarter (DESIGN §11): per user (the given ones, or every user with a target
 * for the period or an owned opportunity won or expected to close in it) and in total.
 */
export async function forecast(db: Reader, period: string, userIds?: readonly string[] | null): Promise<ForecastData> {
  const quarter = parseQuarter(period);
  const rows = await db.read<{ user: EntityRow; target: number | null; won: number; weighted: number; open: number }>(FORECAST, {
    period,
    from: param.date(quarter.from),
    until: param.date(quarter.until),
    userIds: userIds ?? null,
  });
  const lines = rows.map(({ user, target, won, weighted, open }) => forecastRow(user, target, won, weighted, open));
  const sum = (pick: (row: ForecastRowData) => number) => lines.reduce((total, row) => total + pick(row), 0);
  const anyTarget = rows.some((row) => row.target !== null);
  const total = forecastRow(null, anyTarget ? sum((r) => r.target) : null, sum((r) => r.won), sum((r) => r.weighted), sum((r) => r.bestCase - r.won));
  return { ...quarter, rows: lines, total };
}

function forecastRow(user: EntityRow | null, target: number | null, won: number, weighted: number, open: number): ForecastRowData {
  const projected = won + weighted;
  return {
    user,
    target: target ?? 0,
    won,
    weighted,
    bestCase: won + open,
    projected,
    gap: (target ?? 0) - projected,
    attainment: target ? won / target : null,
  };
}
