import type { ImportDocument, ImportNode, ImportRelationship } from '../../src/import';
import { useTestServer } from '../support/test-server';

type Doc = Required<ImportDocument>;

/** Builds a graph document: orgs, products, and orders given as [orgKey, date, amount, productKeys?]. */
function world(spec: { orgs: [string, Record<string, unknown>?][]; products?: string[]; orders?: [string, string, number, string[]?][]; extra?: Doc }): Doc {
  const nodes = spec.orgs.map(([key, props]): ImportNode => ({ type: 'Organization', key, properties: { name: key, kinds: ['CUSTOMER'], ...props } }));
  const relationships: ImportRelationship[] = [];
  for (const sku of spec.products ?? []) nodes.push({ type: 'Product', key: sku, properties: { sku, name: sku } });
  (spec.orders ?? []).forEach(([org, date, amount, products], i) => {
    nodes.push({ type: 'Order', key: `o${i}`, properties: { date, amount } });
    relationships.push({ type: 'PLACED', from: org, to: `o${i}` });
    for (const product of products ?? []) relationships.push({ type: 'CONTAINS', from: `o${i}`, to: product, properties: { quantity: 1, amount: amount / (products?.length ?? 1) } });
  });
  return { nodes: [...nodes, ...(spec.extra?.nodes ?? [])], relationships: [...relationships, ...(spec.extra?.relationships ?? [])] };
}

describe('customer value and ABC tiers', () => {
  const { server, ids } = useTestServer({
    graph: world({
      orgs: [['alpha'], ['beta'], ['gamma'], ['delta'], ['epsilon'], ['supplier', { kinds: ['SUPPLIER'], tier: 'A' }]],
      orders: [
        ['alpha', '2026-01-10', 40], ['alpha', '2025-07-01', 10], ['alpha', '2025-06-30', 1000],
        ['beta', '2026-03-01', 30],
        ['gamma', '2026-06-30', 15],
        ['delta', '2026-02-01', 5], ['delta', '2026-07-01', 999],
      ],
    }),
  });

  it('stores A/B/C by the share before each account, exactly at the 80 % and 95 % boundaries', async () => {
    // 12 months up to 2026-06-30: alpha 50 (the order of 2025-06-30 is just outside), beta 30, gamma 15 (on asOf), delta 5 (07-01 is after asOf), epsilon 0.
    const { recomputeTiers } = await server.data(/* GraphQL */ `mutation { recomputeTiers(asOf: "2026-06-30") { asOf totalRevenue counts { tier accounts revenue } } }`);
    expect(recomputeTiers).toEqual({
      asOf: '2026-06-30',
      totalRevenue: 100,
      counts: [{ tier: 'A', accounts: 2, revenue: 80 }, { tier: 'B', accounts: 1, revenue: 15 }, { tier: 'C', accounts: 2, revenue: 5 }],
    });
    const rows = await server.db.read<{ name: string; tier: string | null }>('MATCH (o:Organization) RETURN o.name AS name, o.tier AS tier ORDER BY name');
    expect(Object.fromEntries(rows.map((r) => [r.name, r.tier]))).toEqual({
      alpha: 'A', beta: 'A', gamma: 'B', delta: 'C', epsilon: 'C', supplier: null,
    });
  });

  it('tells one account its revenue, rank, shares and tier', async () => {
    const query = /* GraphQL */ `query ($id: ID!) { customerValue(accountId: $id, asOf: "2026-06-30") {
      account { name } asOf revenueLast12Months ordersLast12Months lifetimeRevenue lastOrderDate rank share cumulativeShareBefore tier } }`;
    expect((await server.data(query, { id: ids.gamma })).customerValue).toEqual({
      account: { name: 'gamma' }, asOf: '2026-06-30', revenueLast12Months: 15, ordersLast12Months: 1, lifetimeRevenue: 15,
      lastOrderDate: '2026-06-30', rank: 3, share: 0.15, cumulativeShareBefore: 0.8, tier: 'B',
    });
    expect((await server.data(query, { id: ids.alpha })).customerValue).toMatchObject({ revenueLast12Months: 50, ordersLast12Months: 2, lifetimeRevenue: 1050, rank: 1, tier: 'A' });
    expect((await server.data(query, { id: ids.delta })).customerValue).toMatchObject({ lastOrderDate: '2026-02-01', lifetimeRevenue: 5, tier: 'C' });
    expect((await server.data(query, { id: ids.supplier })).customerValue).toMatchObject({ revenueLast12Months: 0, rank: null, tier: null });
    expect((await server.gql(query, { id: 'nope' })).errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });
});

describe('dormant customers', () => {
  const { server, ids } = useTestServer({
    graph: world({
      orgs: [['d1'], ['d2'], ['d3'], ['d4'], ['d5'], ['d6'], ['d7']],
      orders: [
        ['d1', '2026-01-01', 10], // exactly 180 days before asOf: still recent
        ['d2', '2025-12-31', 100], // 181 days
        ['d3', '2025-01-01', 10],
        ['d4', '2025-01-01', 500],
        ['d5', '2025-01-01', 10],
        ['d7', '2025-06-01', 50], ['d7', '2026-07-05', 70], // the later order is after asOf
      ],
      extra: {
        nodes: [
          { type: 'User', key: 'kim', properties: { name: 'Kim' } },
          { type: 'User', key: 'zed', properties: { name: 'Zed' } },
          { type: 'Person', key: 'p2', properties: { name: 'P2' } },
          { type: 'Person', key: 'p4', properties: { name: 'P4' } },
          { type: 'Person', key: 'p5', properties: { name: 'P5' } },
          { type: 'Interaction', key: 'i3', properties: { type: 'CALL', occurredAt: '2026-01-01T09:00:00Z' } },
          { type: 'Interaction', key: 'i4', properties: { type: 'VISIT', occurredAt: '2025-12-31T23:00:00Z' } },
          { type: 'Interaction', key: 'i5', properties: { type: 'EMAIL', occurredAt: '2026-03-01T09:00:00Z' } },
        ],
        relationships: [
          { type: 'MANAGES', from: 'kim', to: 'd2', properties: { as: 'ACCOUNT_OWNER' } },
          { type: 'MANAGES', from: 'zed', to: 'd4', properties: { as: 'PARTNER_MANAGER' } },
          { type: 'ABOUT', from: 'i3', to: 'd3' },
          { type: 'WORKS_AT', from: 'p2', to: 'd2' },
          { type: 'KNOWS', from: 'kim', to: 'p2', properties: { strength: 0.9 } },
          { type: 'WORKS_AT', from: 'p4', to: 'd4' },
          { type: 'PARTICIPATED_IN', from: 'p4', to: 'i4' },
          { type: 'WORKS_AT', from: 'p5', to: 'd5' },
          { type: 'PARTICIPATED_IN', from: 'p5', to: 'i5' },
        ],
      },
    }),
  });

  const QUERY = /* GraphQL */ `query ($days: Int, $first: Int, $after: String) { dormantCustomers(days: $days, asOf: "2026-06-30", first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { node { account { name } lastOrderDate lastInteractionAt daysInactive lifetimeRevenue owner { name } } } } }`;

  it('lists customers with no order or contact for more than N days, most valuable first', async () => {
    const { dormantCustomers } = await server.data(QUERY, {});
    expect(dormantCustomers.totalCount).toBe(3);
    expect(dormantCustomers.edges.map((e: any) => e.node)).toEqual([
      { account: { name: 'd4' }, lastOrderDate: '2025-01-01', lastInteractionAt: '2025-12-31T23:00:00.000Z', daysInactive: 181, lifetimeRevenue: 500, owner: null },
      { account: { name: 'd2' }, lastOrderDate: '2025-12-31', lastInteractionAt: null, daysInactive: 181, lifetimeRevenue: 100, owner: { name: 'Kim' } },
      { account: { name: 'd7' }, lastOrderDate: '2025-06-01', lastInteractionAt: null, daysInactive: 394, lifetimeRevenue: 50, owner: null },
    ]);
  });

  it('gives the best warm path from any of our users to someone working at each dormant account', async () => {
    const { dormantCustomers } = await server.data(/* GraphQL */ `{ dormantCustomers(asOf: "2026-06-30") { edges { node {
      account { name } bestWarmPath { strength hops nodes { ... on User { name } ... on Person { name } ... on Organization { name } } } } } } }`);
    expect(dormantCustomers.edges.map((e: any) => [e.node.account.name, e.node.bestWarmPath])).toEqual([
      // Zed manages d4, where P4 works: 0.5 × 0.5.
      ['d4', { strength: 0.25, hops: 2, nodes: [{ name: 'Zed' }, { name: 'd4' }, { name: 'P4' }] }],
      // Kim knows P2 directly (0.9), stronger than managing d2 (0.25).
      ['d2', { strength: 0.9, hops: 1, nodes: [{ name: 'Kim' }, { name: 'P2' }] }],
      ['d7', null],
    ]);
  });

  it('counts activity exactly N days ago as recent and pages through the list', async () => {
    const strict = await server.data(QUERY, { days: 181 });
    expect(strict.dormantCustomers.edges.map((e: any) => e.node.account.name)).toEqual(['d7']);
    const page1 = (await server.data(QUERY, { first: 2 })).dormantCustomers;
    expect(page1.pageInfo.hasNextPage).toBe(true);
    const page2 = (await server.data(QUERY, { first: 2, after: page1.pageInfo.endCursor })).dormantCustomers;
    expect(page2.edges.map((e: any) => e.node.account.name)).toEqual(['d7']);
    expect((await server.gql(QUERY, { days: 0 })).errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('cross- and up-sell', () => {
  const { server, ids } = useTestServer({
    graph: world({
      orgs: [['x'], ['y'], ['z'], ['v'], ['w']],
      products: ['S-1', 'S-2', 'S-3', 'S-4', 'S-5', 'S-6', 'S-7'],
      orders: [
        ['x', '2026-01-01', 2, ['S-1', 'S-2']],
        ['y', '2026-01-01', 3, ['S-1', 'S-3']], ['y', '2026-02-01', 1, ['S-4']],
        ['z', '2026-01-01', 2, ['S-2', 'S-3']],
        ['v', '2026-01-01', 2, ['S-1', 'S-4']],
        ['w', '2026-01-01', 1, ['S-5']],
      ],
      extra: {
        nodes: [],
        relationships: [
          { type: 'UPGRADE_OF', from: 'S-6', to: 'S-1' },
          { type: 'UPGRADE_OF', from: 'S-7', to: 'S-1' },
          { type: 'UPGRADE_OF', from: 'S-7', to: 'S-2' },
          { type: 'UPGRADE_OF', from: 'S-2', to: 'S-1' },
        ],
      },
    }),
  });

  it('ranks products of the peers by support, ties by SKU', async () => {
    // Peers of x: y, z, v (w shares nothing). S-3: y, z; S-4: y, v. S-5 only w.
    const { crossSellCandidates } = await server.data(/* GraphQL */ `query ($id: ID!) { crossSellCandidates(accountId: $id) { product { sku } support confidence } }`, { id: ids.x });
    expect(crossSellCandidates).toEqual([
      { product: { sku: 'S-3' }, support: 2, confidence: 2 / 3 },
      { product: { sku: 'S-4' }, support: 2, confidence: 2 / 3 },
    ]);
    const { crossSellCandidates: forW } = await server.data(/* GraphQL */ `query ($id: ID!) { crossSellCandidates(accountId: $id) { support } }`, { id: ids.w });
    expect(forW).toEqual([]);
  });

  it('offers upgrades of owned products that are not owned yet', async () => {
    const { upgradeCandidates } = await server.data(/* GraphQL */ `query ($id: ID!) { upgradeCandidates(accountId: $id) { product { sku } upgradeOf { sku } } }`, { id: ids.x });
    expect(upgradeCandidates).toEqual([
      { product: { sku: 'S-6' }, upgradeOf: [{ sku: 'S-1' }] },
      { product: { sku: 'S-7' }, upgradeOf: [{ sku: 'S-1' }, { sku: 'S-2' }] },
    ]);
    expect((await server.gql(/* GraphQL */ `{ upgradeCandidates(accountId: "nope") { upgradeOf { sku } } }`)).errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });
});
