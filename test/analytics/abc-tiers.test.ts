import { assignTiers } from '../../src/analytics/abc-tiers';

const account = (id: string, revenue: number) => ({ id, name: id, revenue });

describe('assignTiers (the ABC rule)', () => {
  it('puts the account that reaches exactly 80 % into B and the one that reaches exactly 95 % into C', () => {
    // Shares 50, 30, 15, 5: before-shares 0, 50, 80, 95 %.
    const tiers = assignTiers([account('d', 5), account('b', 30), account('a', 50), account('c', 15)]);
    expect(tiers.map((t) => [t.id, t.rank, t.cumulativeShareBefore, t.tier])).toEqual([
      ['a', 1, 0, 'A'], ['b', 2, 0.5, 'A'], ['c', 3, 0.8, 'B'], ['d', 4, 0.95, 'C'],
    ]);
  });

  it('keeps the account that crosses 80 % in A', () => {
    // Before-shares 0, 60, 85, 96 %: the second account crosses 80 % and is still A.
    const tiers = assignTiers([account('a', 60), account('b', 25), account('c', 11), account('d', 4)]);
    expect(tiers.map((t) => t.tier)).toEqual(['A', 'A', 'B', 'C']);
  });

  it('is exact in cents where floating point would blur the boundary', () => {
    // 0.7 + 0.1 is 0.7999999999999999 in floating point; in cents it is exactly 80 of 100, so c is B.
    const tiers = assignTiers([account('a', 0.7), account('b', 0.1), account('c', 0.1), account('d', 0.1)]);
    expect(tiers.map((t) => [t.id, t.tier])).toEqual([['a', 'A'], ['b', 'A'], ['c', 'B'], ['d', 'B']]);
  });

  it('breaks revenue ties by name and makes everyone C when nobody has revenue', () => {
    // x and y tie; x comes first by name. Before-shares 0, 45, 90, 95 %.
    const tied = assignTiers([account('z', 5), account('w', 5), account('y', 45), account('x', 45)]);
    expect(tied.map((t) => [t.id, t.tier])).toEqual([['x', 'A'], ['y', 'A'], ['w', 'B'], ['z', 'C']]);
    expect(assignTiers([account('x', 0), account('y', 0)]).map((t) => t.tier)).toEqual(['C', 'C']);
    expect(assignTiers([account('x', 10), account('y', 0)]).map((t) => t.tier)).toEqual(['A', 'C']);
  });
});
