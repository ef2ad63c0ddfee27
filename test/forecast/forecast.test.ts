import type { ImportDocument, ImportNode, ImportRelationship } from '../../src/import';
import { useTestServer } from '../support/test-server';

const user = (key: string): ImportNode => ({ type: 'User', key, properties: { name: key } });
const opp = (key: string, properties: Record<string, unknown>): ImportNode => ({ type: 'Opportunity', key, properties: { name: key, ...properties } });
const owns = (from: string, to: string): ImportRelationship => ({ type: 'OWNS', from, to });

/*
 * 2026-Q4 = 2026-10-01 up to 2027-01-01 (UTC). By hand:
 *   kim (target 200 000 via setSalesTarget): won k1 50 000 (closed 2026-10-15) + k6 5 000 (WON
 *     without closedAt, expected 2026-11-15) = 55 000; k2 closed 2026-09-30T23:00Z is Q3; open k3
 *     100 000 × 0.4 expected 2026-12-31 → weighted 40 000, best case 55 000 + 100 000; k4 expected
 *     2027-01-01 is Q1; k5 LOST does nothing. projected 95 000, gap 105 000, attainment 0.275.
 *   max (no target): m1 10 000 × 0.1 expected 2026-10-01 → weighted 1 000, best 10 000, gap −1 000.
 *   nora (target 50 000, imported): nothing else → gap 50 000, attainment 0.
 *   lea: a target and a deal in 2027-Q1 only; otto: nothing. Neither is in 2026-Q4 by default.
 */
const WORLD: ImportDocument = {
  nodes: [
    ...['kim', 'max', 'nora', 'lea', 'otto'].map(user),
    { type: 'Organization', key: 'acme', properties: { name: 'Acme' } },
    { type: 'SalesTarget', key: 't-nora-2026-q4', properties: { period: '2026-Q4', amount: 50000 } },
    opp('k1', { amount: 50000, stage: 'WON', probability: 1, closedAt: '2026-10-15T10:00:00Z', expectedCloseDate: '2026-09-01' }),
    opp('k2', { amount: 30000, stage: 'WON', probability: 1, closedAt: '2026-09-30T23:00:00Z', expectedCloseDate: '2026-10-20' }),
    opp('k3', { amount: 100000, stage: 'PROPOSAL', probability: 0.4, expectedCloseDate: '2026-12-31' }),
    opp('k4', { amount: 20000, stage: 'NEGOTIATION', probability: 0.5, expectedCloseDate: '2027-01-01' }),
    opp('k5', { amount: 10000, stage: 'LOST', probability: 0, closedAt: '2026-11-01T10:00:00Z', expectedCloseDate: '2026-11-01' }),
    opp('k6', { amount: 5000, stage: 'WON', probability: 1, expectedCloseDate: '2026-11-15' }),
    opp('m1', { amount: 10000, stage: 'QUALIFICATION', probability: 0.1, expectedCloseDate: '2026-10-01' }),
    opp('l1', { amount: 80000, stage: 'PROPOSAL', probability: 0.5, expectedCloseDate: '2027-02-01' }),
  ],
  relationships: [
    ...['k1', 'k2', 'k3', 'k4', 'k5', 'k6'].map((o) => owns('kim', o)), owns('max', 'm1'), owns('lea', 'l1'),
    { type: 'HAS_TARGET', from: 'nora', to: 't-nora-2026-q4' },
  ],
};

const FORECAST = /* GraphQL */ `query ($period: String!, $users: [ID!]) { forecast(period: $period, userIds: $users) {
  period from until
  rows { user { name } target won weighted bestCase projected gap attainment }
  total { user { name } target won weighted bestCase projected gap attainment }
} }`;
const SET_TARGET = /* GraphQL */ `mutation ($user: ID!, $period: String!, $amount: Float!) { setSalesTarget(userId: $user, period: $period, amount: $amount) }`;

describe('forecast', () => {
  const { server, ids } = useTestServer({ graph: WORLD });
  beforeAll(async () => {
    await server.data(SET_TARGET, { user: ids.kim, period: '2026-Q4', amount: 150000 });
    await server.data(SET_TARGET, { user: ids.kim, period: '2026-Q4', amount: 200000 });
    await server.data(SET_TARGET, { user: ids.lea, period: '2027-Q1', amount: 90000 });
  });

  it('answers a row per user with a target or deals in the quarter, and the total, as worked out by hand', async () => {
    const { forecast } = await server.data(FORECAST, { period: '2026-Q4' });
    expect(forecast).toMatchObject({ period: '2026-Q4', from: '2026-10-01', until: '2027-01-01' });
    expect(forecast.rows).toEqual([
      { user: { name: 'kim' }, target: 200000, won: 55000, weighted: 40000, bestCase: 155000, projected: 95000, gap: 105000, attainment: 0.275 },
      { user: { name: 'max' }, target: 0, won: 0, weighted: 1000, bestCase: 10000, projected: 1000, gap: -1000, attainment: null },
      { user: { name: 'nora' }, target: 50000, won: 0, weighted: 0, bestCase: 0, projected: 0, gap: 50000, attainment: 0 },
    ]);
    expect(forecast.total).toEqual({ user: null, target: 250000, won: 55000, weighted: 41000, bestCase: 165000, projected: 96000, gap: 154000, attainment: 0.22 });
  });

  it('shows the users asked for, a user without target or deals as zeros', async () => {
    const { forecast } = await server.data(FORECAST, { period: '2026-Q4', users: [ids.otto, ids.max] });
    expect(forecast.rows.map((r: { user: { name: string } }) => r.user.name)).toEqual(['max', 'otto']);
    expect(forecast.rows[1]).toEqual({ user: { name: 'otto' }, target: 0, won: 0, weighted: 0, bestCase: 0, projected: 0, gap: 0, attainment: null });
    expect(forecast.total).toMatchObject({ target: 0, weighted: 1000, attainment: null });
  });

  it('counts each quarter on its own', async () => {
    const { forecast } = await server.data(FORECAST, { period: '2027-Q1' });
    expect(forecast.rows).toEqual([
      { user: { name: 'kim' }, target: 0, won: 0, weighted: 10000, bestCase: 20000, projected: 10000, gap: -10000, attainment: null },
      { user: { name: 'lea' }, target: 90000, won: 0, weighted: 40000, bestCase: 80000, projected: 40000, gap: 50000, attainment: 0 },
    ]);
    expect((await server.data(FORECAST, { period: '2026-Q3' })).forecast.rows).toEqual([
      { user: { name: 'kim' }, target: 0, won: 30000, weighted: 0, bestCase: 30000, projected: 30000, gap: -30000, attainment: null },
    ]);
  });

  it('keeps one target per user and period', async () => {
    const targets = /* GraphQL */ `query ($id: ID!) { node(id: $id) { ... on User { salesTargets { period amount user { name } } } } }`;
    expect((await server.data(targets, { id: ids.kim })).node.salesTargets).toEqual([{ period: '2026-Q4', amount: 200000, user: { name: 'kim' } }]);
  });

  it('refuses malformed periods, negative amounts and unknown users', async () => {
    const code = async (query: string, variables: Record<string, unknown>) => (await server.gql(query, variables)).errors?.[0]?.extensions?.code;
    for (const period of ['2026-Q5', '2026Q4', '26-Q1', '2026-q1', '']) {
      expect(await code(SET_TARGET, { user: ids.kim, period, amount: 1 })).toBe('BAD_USER_INPUT');
      expect(await code(FORECAST, { period })).toBe('BAD_USER_INPUT');
    }
    expect(await code(SET_TARGET, { user: ids.kim, period: '2026-Q1', amount: -1 })).toBe('BAD_USER_INPUT');
    expect(await code(SET_TARGET, { user: 'no-such-id', period: '2026-Q1', amount: 1 })).toBe('NOT_FOUND');
    expect(await code(SET_TARGET, { user: ids.acme, period: '2026-Q1', amount: 1 })).toBe('NOT_FOUND');
    expect(await code(FORECAST, { period: '2026-Q4', users: [] })).toBe('BAD_USER_INPUT');
    expect(await code(FORECAST, { period: '2026-Q4', users: [ids.acme] })).toBe('NOT_FOUND');
  });
});
