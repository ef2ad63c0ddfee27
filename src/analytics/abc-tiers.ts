export type Tier = 'A' | 'B' | 'C';

export interface AccountRevenue {
  id: string;
  name: string;
  revenue: number;
}

export interface TieredAccount extends AccountRevenue {
  rank: number;
  share: number;
  cumulativeShareBefore: number;
  tier: Tier;
}

/**
 * The classic ABC rule. Accounts are ranked by revenue (ties by name, then id); S is the share of
 * the accounts ranked before one: A when S < 80 %, B when S < 95 %, else C. Sums run in whole
 * cents so a boundary at exactly 80 % is not blurred by floating point.
 */
export function assignTiers(accounts: readonly AccountRevenue[]): TieredAccount[] {
  const ranked = [...accounts].sort(
    (x, y) => y.revenue - x.revenue || compare(x.name, y.name) || compare(x.id, y.id),
  );
  const cents = ranked.map((account) => Math.round(account.revenue * 100));
  const total = cents.reduce((sum, value) => sum + value, 0);
  let before = 0;
  return ranked.map((account, i) => {
    const tier: Tier = total <= 0 ? 'C' : before * 20 < total * 16 ? 'A' : before * 20 < total * 19 ? 'B' : 'C';
    const row = {
      ...account,
      rank: i + 1,
      share: total > 0 ? cents[i] / total : 0,
      cumulativeShareBefore: total > 0 ? before / total : 0,
      tier,
    };
    before += cents[i];
    return row;
  });
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
