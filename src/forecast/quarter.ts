import { badUserInput } from '../graphql/errors';

/** A calendar quarter in UTC: the days from `from` up to, not including, `until` ('YYYY-MM-DD'). */
export interface Quarter {
  period: string;
  from: string;
  until: string;
}

const PERIOD = /^(\d{4})-Q([1-4])$/;

/** Parses 'YYYY-Qn' (n = 1…4); anything else is BAD_USER_INPUT. */
export function parseQuarter(period: string): Quarter {
  const match = PERIOD.exec(period);
  if (!match) throw badUserInput(`"period" must be a quarter like 2026-Q4 (year, "-Q", 1 to 4), got ${JSON.stringify(period)}.`);
  const year = Number(match[1]);
  const quarter = Number(match[2]);
  const day = (y: number, month: number) => `${String(y).padStart(4, '0')}-${String(month).padStart(2, '0')}-01`;
  return {
    period,
    from: day(year, 3 * (quarter - 1) + 1),
    until: quarter === 4 ? day(year + 1, 1) : day(year, 3 * quarter + 1),
  };
}
