import type { Tx } from '../neo4j/database';
import { param } from '../neo4j/values';
import { assignTiers, type Tier } from './abc-tiers';
import { accountRevenue, today } from './account-revenue';

export interface TierReport {
  asOf: string;
  totalRevenue: number;
  counts: { tier: Tier; accounts: number; revenue: number }[];
}

const STORE_TIERS = `
UNWIND $tiers AS t
MATCH (a:Organization {id: t.id})
SET a.tier = t.tier, a.updatedAt = $now`;

const CLEAR_OTHER_TIERS = `
MATCH (a:Organization) WHERE a.tier IS NOT NULL AND NOT a.id IN $ids
REMOVE a.tier
SET a.updatedAt = $now`;

/** Computes the ABC tier of every account at `asOf` and stores it, in the mutation's transaction. */
export async function recomputeTiers(tx: Tx, asOf: string = today()): Promise<TierReport> {
  const tiered = assignTiers(await accountRevenue(tx, asOf));
  const now = param.now();
  await tx.run(STORE_TIERS, { tiers: tiered.map(({ id, tier }) => ({ id, tier })), now });
  await tx.run(CLEAR_OTHER_TIERS, { ids: tiered.map(({ id }) => id), now });
  const counts = (['A', 'B', 'C'] as const).map((tier) => {
    const inTier = tiered.filter((account) => account.tier === tier);
    return { tier, accounts: inTier.length, revenue: cents(inTier.reduce((sum, account) => sum + account.revenue, 0)) };
  });
  return { asOf, totalRevenue: cents(tiered.reduce((sum, account) => sum + account.revenue, 0)), counts };
}

function cents(value: number): number {
  return Math.round(value * 100) / 100;
}
