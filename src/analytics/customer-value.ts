import { notFound } from '../graphql/errors';
import type { Reader } from '../neo4j/database';
import { ENTITY_ROW, type EntityRow } from '../nodes/entity-row';
import { VISIBLE } from '../nodes/visibility';
import { assignTiers, type Tier } from './abc-tiers';
import { accountRevenue, today } from './account-revenue';

export interface CustomerValueRow {
  account: EntityRow;
  asOf: string;
  revenueLast12Months: number;
  ordersLast12Months: number;
  lifetimeRevenue: number;
  lastOrderDate: string | null;
  rank: number | null;
  share: number;
  cumulativeShareBefore: number;
  tier: Tier | null;
}

const ORGANIZATION = `MATCH (a:Organization {id: $id}) WHERE ${VISIBLE('a')} RETURN ${ENTITY_ROW('a')} AS account`;

/**
 * One account's value at `asOf`. Rank and tier need every account's revenue, so this reads all
 * of them (one query) and applies the same rule as recomputeTiers.
 */
export function customerValue(db: Reader, accountId: string, asOf: string = today()): Promise<CustomerValueRow> {
  return db.readTransaction(async (tx) => {
    const [org] = await tx.run<{ account: EntityRow }>(ORGANIZATION, { id: accountId });
    if (!org) throw notFound('Organization', accountId);
    const rows = await accountRevenue(tx, asOf);
    const tiered = assignTiers(rows).find((row) => row.id === accountId);
    const own = rows.find((row) => row.id === accountId);
    return {
      account: org.account,
      asOf,
      revenueLast12Months: own?.revenue ?? 0,
      ordersLast12Months: own?.orders ?? 0,
      lifetimeRevenue: own?.lifetimeRevenue ?? 0,
      lastOrderDate: own?.lastOrderDate ?? null,
      rank: tiered?.rank ?? null,
      share: tiered?.share ?? 0,
      cumulativeShareBefore: tiered?.cumulativeShareBefore ?? 0,
      tier: tiered?.tier ?? null,
    };
  });
}
