import { badUserInput } from '../graphql/errors';
import type { Reader } from '../neo4j/database';
import { param } from '../neo4j/values';
import { PAGE_OF, type PageRows, type PageWindow } from '../graphql/pagination';
import { ENTITY_ROW, type EntityRow } from '../nodes/entity-row';
import { VISIBLE } from '../nodes/visibility';

export interface DormantCustomerRow {
  account: EntityRow;
  lastOrderDate: string;
  lastInteractionAt: string | null;
  daysInactive: number;
  lifetimeRevenue: number;
  owner: EntityRow | null;
}

// A contact is an Interaction ABOUT the account or one a person working there took part in.
// Only visible accounts, orders, people and contacts count.
const DORMANT_CUSTOMERS = `
MATCH (a:Organization)-[:PLACED]->(o:Order)
WHERE o.date <= $asOf AND ${VISIBLE('a')} AND ${VISIBLE('o')}
WITH a, max(o.date) AS lastOrderDate, sum(o.amount) AS lifetimeRevenue
WITH a, lastOrderDate, lifetimeRevenue, COLLECT {
  MATCH (i:Interaction)-[:ABOUT]->(a) WHERE date(i.occurredAt) <= $asOf AND ${VISIBLE('i')} RETURN i.occurredAt AS at
  UNION
  MATCH (p:Person)-[:WORKS_AT]->(a) WHERE ${VISIBLE('p')}
  MATCH (p)-[:PARTICIPATED_IN]->(i:Interaction) WHERE date(i.occurredAt) <= $asOf AND ${VISIBLE('i')} RETURN i.occurredAt AS at
} AS contacts
WITH a, lastOrderDate, lifetimeRevenue, reduce(latest = null, at IN contacts | CASE WHEN latest IS NULL OR at > latest THEN at ELSE latest END) AS lastInteractionAt
WITH a, lastOrderDate, lifetimeRevenue, lastInteractionAt,
     CASE WHEN lastInteractionAt IS NOT NULL AND date(lastInteractionAt) > lastOrderDate THEN date(lastInteractionAt) ELSE lastOrderDate END AS lastActivity
WITH a, lastOrderDate, lifetimeRevenue, lastInteractionAt, duration.inDays(lastActivity, $asOf).days AS daysInactive
WHERE daysInactive > $days
ORDER BY lifetimeRevenue DESC, a.name, a.id
WITH collect({
  account: ${ENTITY_ROW('a')},
  lastOrderDate: lastOrderDate,
  lastInteractionAt: lastInteractionAt,
  daysInactive: daysInactive,
  lifetimeRevenue: lifetimeRevenue,
  owner: COLLECT { MATCH (u:User)-[m:MANAGES]->(a) WHERE m.as = 'ACCOUNT_OWNER' AND ${VISIBLE('u')} RETURN ${ENTITY_ROW('u')} ORDER BY u.name, u.id }[0]
}) AS rows
RETURN ${PAGE_OF('rows')}`;

/** The reactivation list at `asOf` (see the SDL for the exact rule). */
export async function dormantCustomers(
  db: Reader,
  args: { days: number; asOf: string } & PageWindow,
): Promise<PageRows<DormantCustomerRow>> {
  if (!Number.isInteger(args.days) || args.days < 1) throw badUserInput(`days must be a whole number of at least 1, got ${args.days}.`);
  const [row] = await db.read<PageRows<DormantCustomerRow>>(DORMANT_CUSTOMERS, {
    asOf: param.date(args.asOf),
    days: param.integer(args.days),
    offset: param.integer(args.offset),
    first: param.integer(args.first),
  });
  return row;
}
