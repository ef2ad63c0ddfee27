import type { ImportDocument } from '../../src/import';
import { useTestServer } from '../support/test-server';

const WORLD: ImportDocument = {
  nodes: [
    { type: 'Organization', key: 'org-a', properties: { name: 'Alpha Bau', kinds: ['CUSTOMER'] } },
    { type: 'Organization', key: 'org-b', properties: { name: 'Beta Haus', kinds: ['CUSTOMER'] } },
    { type: 'User', key: 'u-kim', properties: { name: 'Kim' } },
    { type: 'User', key: 'u-lea', properties: { name: 'Lea' } },
    { type: 'Person', key: 'p-anna', properties: { name: 'Anna' } },
    { type: 'Person', key: 'p-ben', properties: { name: 'Ben' } },
  ],
  relationships: [],
};

const OPPORTUNITY_FIELDS = /* GraphQL */ `fragment OpportunityFields on Opportunity { id name amount currency stage probability expectedCloseDate account { name } owner { name } }`;

describe('opportunities', () => {
  const { server, ids } = useTestServer({ graph: WORLD, freshEach: true });

  const create = (input: Record<string, unknown>) =>
    server.gql(/* GraphQL */ `mutation ($input: CreateOpportunityInput!) { createOpportunity(input: $input) { ...OpportunityFields } } ${OPPORTUNITY_FIELDS}`, { input });
  const countOpportunities = async () =>
    (await server.db.read<{ n: number }>('MATCH (o:Opportunity) RETURN count(o) AS n'))[0].n;

  it('creates an opportunity with its account and owner and finds it by id', async () => {
    const result = await create({
      name: 'Heat pumps 2027', amount: 120000, currency: 'EUR', stage: 'PROPOSAL', probability: 0.4,
      expectedCloseDate: '2027-03-31', accountId: ids['org-a'], ownerId: ids['u-kim'],
    });
    expect(result.errors).toBeUndefined();
    const created = result.data.createOpportunity;
    expect(created).toMatchObject({
      name: 'Heat pumps 2027', amount: 120000, currency: 'EUR', stage: 'PROPOSAL', probability: 0.4,
      expectedCloseDate: '2027-03-31', account: { name: 'Alpha Bau' }, owner: { name: 'Kim' },
    });
    const { opportunity } = await server.data(/* GraphQL */ `query ($id: ID!) { opportunity(id: $id) { ...OpportunityFields } } ${OPPORTUNITY_FIELDS}`, { id: created.id });
    expect(opportunity).toEqual(created);
    const { node } = await server.data(/* GraphQL */ `query ($id: ID!) { node(id: $id) { __typename ... on Opportunity { name } } }`, { id: created.id });
    expect(node).toEqual({ __typename: 'Opportunity', name: 'Heat pumps 2027' });
  });

  it('starts a new opportunity in QUALIFICATION and allows no owner', async () => {
    const { data } = await create({ name: 'Boilers', accountId: ids['org-b'] });
    expect(data.createOpportunity).toMatchObject({ stage: 'QUALIFICATION', owner: null, account: { name: 'Beta Haus' } });
  });

  it('refuses unknown or wrong-typed account and owner ids and bad values, writing nothing', async () => {
    const unknownAccount = await create({ name: 'X', accountId: 'no-such-id' });
    expect(unknownAccount.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const personAsAccount = await create({ name: 'X', accountId: ids['p-anna'] });
    expect(personAsAccount.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(personAsAccount.errors?.[0].message).toMatch(/accountId must be the id of a Organization/);
    const orgAsOwner = await create({ name: 'X', accountId: ids['org-a'], ownerId: ids['org-b'] });
    expect(orgAsOwner.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const badProbability = await create({ name: 'X', accountId: ids['org-a'], probability: 1.5 });
    expect(badProbability.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const negativeAmount = await create({ name: 'X', accountId: ids['org-a'], amount: -1 });
    expect(negativeAmount.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(await countOpportunities()).toBe(0);
  });

  it('updates fields, moves the deal to another account and hands it to another owner or none', async () => {
    const { data } = await create({ name: 'Deal', amount: 10, accountId: ids['org-a'], ownerId: ids['u-kim'] });
    const id = data.createOpportunity.id;
    const update = (input: Record<string, unknown>) =>
      server.gql(/* GraphQL */ `mutation ($id: ID!, $input: UpdateOpportunityInput!) { updateOpportunity(id: $id, input: $input) { ...OpportunityFields } } ${OPPORTUNITY_FIELDS}`, { id, input });

    const moved = await update({ probability: 0.7, amount: 20, accountId: ids['org-b'], ownerId: ids['u-lea'] });
    expect(moved.data.updateOpportunity).toMatchObject({ probability: 0.7, amount: 20, account: { name: 'Beta Haus' }, owner: { name: 'Lea' } });
    const [links] = await server.db.read<{ accounts: number; owners: number }>(
      'MATCH (o:Opportunity {id: $id}) RETURN COUNT { (o)-[:FOR_ACCOUNT]->() } AS accounts, COUNT { ()-[:OWNS]->(o) } AS owners', { id });
    expect(links).toEqual({ accounts: 1, owners: 1 });

    const unowned = await update({ ownerId: null, amount: null });
    expect(unowned.data.updateOpportunity).toMatchObject({ owner: null, amount: null, account: { name: 'Beta Haus' } });

    expect((await update({ name: null })).errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect((await update({ accountId: null })).errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const missingOwner = await update({ probability: 0.9, ownerId: 'no-such-user' });
    expect(missingOwner.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const { opportunity } = await server.data(/* GraphQL */ `query ($id: ID!) { opportunity(id: $id) { probability } }`, { id });
    expect(opportunity.probability).toBe(0.7);
    const unknown = await server.gql(/* GraphQL */ `mutation { updateOpportunity(id: "nope", input: {probability: 0.5}) { id } }`);
    expect(unknown.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  it('deletes an opportunity with its relationships and stage history', async () => {
    const { data } = await create({ name: 'Deal', accountId: ids['org-a'], ownerId: ids['u-kim'] });
    const id = data.createOpportunity.id;
    await server.data(/* GraphQL */ `mutation ($id: ID!) { changeOpportunityStage(opportunityId: $id, stage: PROPOSAL) { stage } }`, { id });
    expect(await server.data(/* GraphQL */ `mutation ($id: ID!) { deleteOpportunity(id: $id) }`, { id })).toEqual({ deleteOpportunity: id });
    expect(await countOpportunities()).toBe(0);
    const [{ changes }] = await server.db.read<{ changes: number }>('MATCH (c:OpportunityStageChange) RETURN count(c) AS changes');
    expect(changes).toBe(0);
    expect((await server.gql(/* GraphQL */ `mutation ($id: ID!) { deleteOpportunity(id: $id) }`, { id })).errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  it('lists opportunities by expected close date, filtered and paged', async () => {
    const made: Record<string, string> = {};
    for (const [name, stage, close, account, owner] of [
      ['Late', 'PROPOSAL', '2027-09-01', 'org-a', 'u-kim'],
      ['Early', 'QUALIFICATION', '2027-01-15', 'org-a', 'u-lea'],
      ['Undated', 'NEGOTIATION', null, 'org-b', 'u-kim'],
      ['Won', 'WON', '2026-12-01', 'org-b', 'u-kim'],
    ] as const) {
      const { data } = await create({ name, stage, expectedCloseDate: close, accountId: ids[account], ownerId: ids[owner] });
      made[name] = data.createOpportunity.id;
    }
    const names = (connection: any) => connection.edges.map((edge: any) => edge.node.name);
    const list = (filter: unknown, first = 20, after?: string) =>
      server.data(/* GraphQL */ `query ($filter: OpportunityFilter, $first: Int, $after: String) { opportunities(filter: $filter, first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { name } } } }`, { filter, first, after });

    expect(names((await list(null)).opportunities)).toEqual(['Won', 'Early', 'Late', 'Undated']);
    expect(names((await list({ stages: ['PROPOSAL', 'NEGOTIATION'] })).opportunities)).toEqual(['Late', 'Undated']);
    expect(names((await list({ accountId: ids['org-a'] })).opportunities)).toEqual(['Early', 'Late']);
    expect(names((await list({ ownerId: ids['u-kim'], closesFrom: '2027-01-01', closesTo: '2027-12-31' })).opportunities)).toEqual(['Late']);

    const first = (await list(null, 3)).opportunities;
    expect(first).toMatchObject({ totalCount: 4, pageInfo: { hasNextPage: true } });
    const second = (await list(null, 3, first.pageInfo.endCursor)).opportunities;
    expect(names(second)).toEqual(['Undated']);
    expect(second.pageInfo.hasNextPage).toBe(false);

    const { organization, user } = await server.data(/* GraphQL */ `query ($org: ID!, $user: ID!) {
      organization: node(id: $org) { ... on Organization { opportunities { totalCount edges { node { name } } } open: opportunities(stages: [PROPOSAL, QUALIFICATION]) { totalCount } } }
      user: node(id: $user) { ... on User { opportunities(first: 2) { totalCount edges { node { name } } } } }
    }`, { org: ids['org-a'], user: ids['u-kim'] });
    expect(names(organization.opportunities)).toEqual(['Early', 'Late']);
    expect(organization.open.totalCount).toBe(2);
    expect(user.opportunities.totalCount).toBe(3);
    expect(names(user.opportunities)).toEqual(['Won', 'Late']);
  });

  it('loads the opportunities, accounts and owners of many organizations in a constant number of queries', async () => {
    const graph: Required<ImportDocument> = { nodes: [], relationships: [] };
    for (let i = 0; i < 30; i += 1) {
      graph.nodes.push({ type: 'Organization', key: `org-${i}`, properties: { name: `Org ${i}` } });
      graph.nodes.push({ type: 'User', key: `u-${i}`, properties: { name: `User ${i}` } });
      for (let j = 0; j < 2; j += 1) {
        graph.nodes.push({ type: 'Opportunity', key: `opp-${i}-${j}`, properties: { name: `Deal ${i}.${j}` } });
        graph.relationships.push({ type: 'FOR_ACCOUNT', from: `opp-${i}-${j}`, to: `org-${i}` });
        graph.relationships.push({ type: 'OWNS', from: `u-${i}`, to: `opp-${i}-${j}` });
      }
    }
    await server.importGraph(graph);
    const before = server.db.roundTrips;
    const { nodes } = await server.data(/* GraphQL */ `{ nodes: opportunities(first: 100) { totalCount edges { node { account { name opportunities { edges { node { name owner { name opportunities { totalCount } } } } } } } } } }`);
    expect(nodes.totalCount).toBe(60);
    expect(nodes.edges[0].node.account.opportunities.edges).toHaveLength(2);
    // list + parties + opportunities by account + parties + opportunities by owner
    expect(server.db.roundTrips - before).toBeLessThanOrEqual(5);
  });
});
