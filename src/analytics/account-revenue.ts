import type { Tx } from '../neo4j/database';
import { param } from '../neo4j/values';
import { VISIBLE } from '../nodes/visibility';
import type { AccountRevenue } from './abc-tiers';

export interface AccountRevenueRow extends AccountRevenue {
  orders: number;
  lifetimeRevenue: number;
  lastOrderDate: string | null;
}

const ACCOUNT_REVENUE = `
MATCH (a:Organization)
WHERE ${VISIBLE('a')}
  AND ('CUSTOMER' IN coalesce(a.kinds, []) OR EXISTS { MATCH (a)-[:PLACED]->(o:Order) WHERE ${VISIBLE('o')} })
CALL (a) {
  OPTIONAL MATCH (a)-[:PLACED]->(o:Order) WHERE o.date <= $asOf AND ${VISIBLE('o')}
  RETURN sum(CASE WHEN o.date > $asOf - duration('P12M') THEN o.amount ELSE 0 END) AS revenue,
         count(CASE WHEN o.date > $asOf - duration('P12M') THEN o END) AS orders,
         sum(o.amount) AS lifetimeRevenue, max(o.date) AS lastOrderDate
}
RETURN a.id AS id, a.name AS name, revenue, orders, lifetimeRevenue, lastOrderDate`;

/**
 * Every visible account with its revenue from visible orders in the 12 months up to `asOf` (after
 * asOf − 12 months, up to and including asOf): the ABC ranks of a scoped viewer are over what it sees.
 */
export function accountRevenue(tx: Tx, asOf: string): Promise<AccountRevenueRow[]> {
  return tx.run<AccountRevenueRow>(ACCOUNT_REVENUE, { asOf: param.date(asOf) });
}

/** Today in UTC as YYYY-MM-DD. */
export function today(): string {
  return new Date().toISOString().slice(0, 10);
}
