import { useTestServer } from '../support/test-server';

const CHANGE = /* GraphQL */ `mutation ($id: ID!, $stage: LifecycleStage!, $reason: String, $at: DateTime) {
  changeLifecycleStage(accountId: $id, stage: $stage, reason: $reason, at: $at) { lifecycleStage }
}`;

describe('lifecycle stages', () => {
  const { server, ids } = useTestServer({
    graph: {
      nodes: [
        { type: 'Organization', key: 'acme', properties: { name: 'Acme', lifecycleStage: 'LEAD' } },
        { type: 'Organization', key: 'fresh', properties: { name: 'Fresh' } },
        { type: 'Product', key: 'thing', properties: { sku: 'T', name: 'Thing' } },
      ],
      relationships: [],
    },
  });

  const history = async (id: string) =>
    (await server.data(/* GraphQL */ `query ($id: ID!) { node(id: $id) { ... on Organization { lifecycleStage lifecycleHistory { from to at reason } } } }`, { id })).node;

  it('walks lead to key account, to dormant and back, keeping every change in order', async () => {
    const steps: [string, string, string][] = [
      ['PROSPECT', 'Qualified at trade fair', '2026-01-01T10:00:00Z'],
      ['CUSTOMER', 'First order', '2026-02-01T10:00:00Z'],
      ['KEY_ACCOUNT', 'Top 10 by revenue', '2026-03-01T10:00:00Z'],
      ['DORMANT', 'No order for 180 days', '2026-04-01T10:00:00Z'],
      ['CUSTOMER', 'Reactivated', '2026-05-01T10:00:00Z'],
      ['CHURNED', 'Went to a competitor', '2026-06-01T10:00:00Z'],
      ['PROSPECT', 'Win-back campaign', '2026-07-01T10:00:00Z'],
    ];
    for (const [stage, reason, at] of steps) {
      expect((await server.data(CHANGE, { id: ids.acme, stage, reason, at })).changeLifecycleStage).toEqual({ lifecycleStage: stage });
    }
    const org = await history(ids.acme);
    expect(org.lifecycleStage).toBe('PROSPECT');
    expect(org.lifecycleHistory).toEqual(
      steps.map(([to, reason, at], i) => ({ from: i === 0 ? 'LEAD' : steps[i - 1][0], to, reason, at: at.replace('Z', '.000Z') })),
    );
  });

  it('refuses transitions outside the table, naming the allowed targets, and records nothing', async () => {
    const before = await history(ids.acme);
    const skip = await server.gql(CHANGE, { id: ids.acme, stage: 'KEY_ACCOUNT' });
    expect(skip.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(skip.errors?.[0].message).toBe('An organization in stage PROSPECT cannot move to KEY_ACCOUNT; allowed: LEAD, CUSTOMER, CHURNED.');
    const same = await server.gql(CHANGE, { id: ids.acme, stage: 'PROSPECT' });
    expect(same.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect((await server.gql(CHANGE, { id: ids.thing, stage: 'LEAD' })).errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect((await server.gql(CHANGE, { id: ids.acme, stage: 'CUSTOMER', reason: 'x'.repeat(501) })).errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(await history(ids.acme)).toEqual(before);
  });

  it('lets an organization without a stage take any stage, recorded from null', async () => {
    await server.data(CHANGE, { id: ids.fresh, stage: 'CUSTOMER', at: '2026-01-05T00:00:00Z' });
    expect(await history(ids.fresh)).toEqual({
      lifecycleStage: 'CUSTOMER',
      lifecycleHistory: [{ from: null, to: 'CUSTOMER', at: '2026-01-05T00:00:00.000Z', reason: null }],
    });
  });

  it('publishes the transition table', async () => {
    const { lifecycleTransitions } = await server.data(/* GraphQL */ `{ lifecycleTransitions { from to } }`);
    expect(lifecycleTransitions).toContainEqual({ from: 'CHURNED', to: ['PROSPECT'] });
    expect(lifecycleTransitions).toContainEqual({ from: 'DORMANT', to: ['CUSTOMER', 'KEY_ACCOUNT', 'CHURNED'] });
    expect(lifecycleTransitions).toHaveLength(6);
  });

  it('deletes the lifecycle history with the organization', async () => {
    const { createOrganization } = await server.data('mutation { createOrganization(input: { name: "Short-lived", lifecycleStage: LEAD }) { id } }');
    await server.data(CHANGE, { id: createOrganization.id, stage: 'PROSPECT', reason: 'Qualified' });
    const changes = 'MATCH (c:LifecycleChange) RETURN count(c) AS count';
    const [{ count: before }] = await server.db.read<{ count: number }>(changes);
    expect(await server.data('mutation ($id: ID!) { deleteOrganization(id: $id) }', { id: createOrganization.id })).toEqual({ deleteOrganization: createOrganization.id });
    const [{ count: after }] = await server.db.read<{ count: number }>(changes);
    expect(after).toBe(before - 1);
  });
});
