import type { ImportDocument, ImportNode, ImportRelationship } from '../../src/import';
import { useTestServer } from '../support/test-server';

const opp = (key: string, stage: string, amount: number, probability: number, expectedCloseDate: string): ImportNode => ({
  type: 'Opportunity', key, properties: { name: key, stage, amount, probability, expectedCloseDate },
});

const WORLD: ImportDocument = {
  nodes: [
    { type: 'User', key: 'u1', properties: { name: 'U1' } },
    { type: 'User', key: 'u2', properties: { name: 'U2' } },
    { type: 'Organization', key: 'acme', properties: { name: 'Acme', kinds: ['CUSTOMER'], tier: 'A' } },
    { type: 'Organization', key: 'beta', properties: { name: 'Beta', kinds: ['CUSTOMER'], tier: 'B' } },
    { type: 'Organization', key: 'dist', properties: { name: 'Dist', kinds: ['DISTRIBUTOR'] } },
    opp('o1', 'PROPOSAL', 1000, 0.5, '2026-07-15'),
    opp('o2', 'NEGOTIATION', 2000, 0.8, '2026-08-10'),
    opp('o3', 'QUALIFICATION', 500, 0.1, '2026-07-01'),
    opp('o4', 'WON', 3000, 1, '2026-06-01'),
    opp('o5', 'LOST', 800, 0, '2026-06-15'),
  ],
  relationships: [
    { type: 'SERVES', from: 'dist', to: 'acme', properties: { as: 'DISTRIBUTOR' } },
    ...[['o1', 'acme', 'u1'], ['o2', 'acme', 'u2'], ['o3', 'beta', 'u1'], ['o4', 'beta', 'u1'], ['o5', 'acme', 'u2']].flatMap(([o, a, u]): ImportRelationship[] => [
      { type: 'FOR_ACCOUNT', from: o, to: a },
      { type: 'OWNS', from: u, to: o },
    ]),
  ],
};

const PIPELINE = /* GraphQL */ `query ($filter: PipelineFilter) { pipeline(filter: $filter) {
  stages { stage count amount weightedAmount } openCount openAmount weightedAmount won lost winRate } }`;

describe('pipeline', () => {
  const { server, ids } = useTestServer({ graph: WORLD });

  const totals = async (filter?: Record<string, unknown>) => {
    const { pipeline } = await server.data(PIPELINE, { filter });
    return [pipeline.openCount, pipeline.openAmount, pipeline.weightedAmount, pipeline.won, pipeline.lost, pipeline.winRate];
  };

  it('sums count, amount and weighted amount per stage', async () => {
    const { pipeline } = await server.data(PIPELINE, {});
    expect(pipeline.stages).toEqual([
      { stage: 'QUALIFICATION', count: 1, amount: 500, weightedAmount: 50 },
      { stage: 'PROPOSAL', count: 1, amount: 1000, weightedAmount: 500 },
      { stage: 'NEGOTIATION', count: 1, amount: 2000, weightedAmount: 1600 },
      { stage: 'WON', count: 1, amount: 3000, weightedAmount: 3000 },
      { stage: 'LOST', count: 1, amount: 800, weightedAmount: 0 },
    ]);
    expect(await totals()).toEqual([3, 3500, 2150, 1, 1, 0.5]);
  });

  it('filters by owner, account, partner, tier and expected close period', async () => {
    expect(await totals({ ownerIds: [ids.u1] })).toEqual([2, 1500, 550, 1, 0, 1]);
    expect(await totals({ accountIds: [ids.beta] })).toEqual([1, 500, 50, 1, 0, 1]);
    expect(await totals({ partnerIds: [ids.dist] })).toEqual([2, 3000, 2100, 0, 1, 0]);
    expect(await totals({ tiers: ['B'] })).toEqual([1, 500, 50, 1, 0, 1]);
    expect(await totals({ closesFrom: '2026-07-01', closesTo: '2026-07-31' })).toEqual([2, 1500, 550, 0, 0, null]);
    expect(await totals({ ownerIds: [ids.u2], tiers: ['B'] })).toEqual([0, 0, 0, 0, 0, null]);
    expect((await server.gql(PIPELINE, { filter: { closesFrom: '2026-08-01', closesTo: '2026-07-01' } })).errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('records every stage change with its time, and won or lost with a reason', async () => {
    const change = /* GraphQL */ `mutation ($id: ID!, $stage: OpportunityStage!, $reason: String, $at: DateTime) {
      changeOpportunityStage(opportunityId: $id, stage: $stage, reason: $reason, at: $at) { stage } }`;
    await server.data(change, { id: ids.o3, stage: 'PROPOSAL', at: '2026-06-02T10:00:00Z' });
    await server.data(change, { id: ids.o3, stage: 'NEGOTIATION', reason: 'Budget confirmed', at: '2026-06-10T10:00:00Z' });
    const noReason = await server.gql(change, { id: ids.o3, stage: 'WON', at: '2026-06-20T10:00:00Z' });
    expect(noReason.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect((await server.gql(change, { id: ids.o3, stage: 'NEGOTIATION' })).errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect((await server.gql(change, { id: ids.acme, stage: 'PROPOSAL' })).errors?.[0].extensions?.code).toBe('NOT_FOUND');
    await server.data(change, { id: ids.o3, stage: 'WON', reason: 'Best efficiency', at: '2026-06-20T10:00:00Z' });
    const { opportunity } = await server.data(/* GraphQL */ `query ($id: ID!) { opportunity(id: $id) {
      stage probability closedAt closeReason stageHistory { from to at reason } } }`, { id: ids.o3 });
    expect(opportunity).toEqual({
      stage: 'WON', probability: 1, closedAt: '2026-06-20T10:00:00.000Z', closeReason: 'Best efficiency',
      stageHistory: [
        { from: 'QUALIFICATION', to: 'PROPOSAL', at: '2026-06-02T10:00:00.000Z', reason: null },
        { from: 'PROPOSAL', to: 'NEGOTIATION', at: '2026-06-10T10:00:00.000Z', reason: 'Budget confirmed' },
        { from: 'NEGOTIATION', to: 'WON', at: '2026-06-20T10:00:00.000Z', reason: 'Best efficiency' },
      ],
    });
    // Now 2 won, 1 lost.
    expect((await server.data(PIPELINE, {})).pipeline.winRate).toBeCloseTo(2 / 3, 10);
  });
});
