import type { ImportNode, ImportRelationship } from '../../src/import';
import type { ImportDocument } from '../../src/import';
import { SIGN_IN_ROUND_TRIPS, useTestServer } from '../support/test-server';

/*
 * Kim owns "Acme boilers". Hand-computed strongest paths (hop weights of DESIGN §4):
 *   Anna: Kim –KNOWS .9– Anna = 0.9 (from Kim and from any user)
 *   Ben:  from Kim: Kim –.9– Anna <–REPORTS_TO .8– Ben = 0.72; from any user: Lea –KNOWS .8– Ben = 0.8
 *   Cora: Kim has no path; from any user: Max –KNOWS .25– Cora = 0.25 (< 0.3, not covered)
 *   Dave: nobody on our team reaches him
 * Lea owns "Acme pumps": Eve via Lea .3 (exactly the threshold), Finn via Lea .29,
 *   Hana via Max –KNOWS .6– Gus –INFLUENCES .5→ Hana = 0.3.
 */
const WORLD: ImportDocument = {
  nodes: [
    { type: 'Organization', key: 'org-acme', properties: { name: 'Acme' } },
    { type: 'User', key: 'u-kim', properties: { name: 'Kim' } },
    { type: 'User', key: 'u-lea', properties: { name: 'Lea' } },
    { type: 'User', key: 'u-max', properties: { name: 'Max' } },
    ...['anna', 'ben', 'cora', 'dave', 'eve', 'finn', 'gus', 'hana'].map((name): ImportNode => ({
      type: 'Person', key: `p-${name}`, properties: { name: name[0].toUpperCase() + name.slice(1) },
    })),
    { type: 'Opportunity', key: 'opp-boilers', properties: { name: 'Acme boilers' } },
    { type: 'Opportunity', key: 'opp-unowned', properties: { name: 'Acme service' } },
    { type: 'Opportunity', key: 'opp-empty', properties: { name: 'Acme solar' } },
    { type: 'Opportunity', key: 'opp-pumps', properties: { name: 'Acme pumps' } },
  ],
  relationships: [
    { type: 'KNOWS', from: 'u-kim', to: 'p-anna', properties: { strength: 0.9 } },
    { type: 'MANAGES', from: 'u-kim', to: 'org-acme', properties: { as: 'ACCOUNT_OWNER' } },
    { type: 'WORKS_AT', from: 'p-anna', to: 'org-acme' },
    { type: 'WORKS_AT', from: 'p-ben', to: 'org-acme' },
    { type: 'REPORTS_TO', from: 'p-ben', to: 'p-anna' },
    { type: 'KNOWS', from: 'p-ben', to: 'u-lea', properties: { strength: 0.8 } },
    { type: 'KNOWS', from: 'u-max', to: 'p-cora', properties: { strength: 0.25 } },
    { type: 'KNOWS', from: 'u-max', to: 'p-gus', properties: { strength: 0.6 } },
    { type: 'INFLUENCES', from: 'p-gus', to: 'p-hana', properties: { weight: 0.5 } },
    { type: 'KNOWS', from: 'u-lea', to: 'p-eve', properties: { strength: 0.3 } },
    { type: 'KNOWS', from: 'u-lea', to: 'p-finn', properties: { strength: 0.29 } },
    ...['opp-boilers', 'opp-unowned', 'opp-empty', 'opp-pumps'].map((opp): ImportRelationship => ({ type: 'FOR_ACCOUNT', from: opp, to: 'org-acme' })),
    { type: 'OWNS', from: 'u-kim', to: 'opp-boilers' },
    { type: 'OWNS', from: 'u-lea', to: 'opp-pumps' },
    { type: 'BUYING_ROLE', from: 'p-anna', to: 'opp-boilers', properties: { roles: ['DECISION_MAKER'], stance: 'SUPPORTER' } },
    { type: 'BUYING_ROLE', from: 'p-ben', to: 'opp-boilers', properties: { roles: ['ECONOMIC_BUYER', 'INFLUENCER'], stance: 'NEUTRAL' } },
    { type: 'BUYING_ROLE', from: 'p-cora', to: 'opp-boilers', properties: { roles: ['USER'] } },
    { type: 'BUYING_ROLE', from: 'p-dave', to: 'opp-boilers', properties: { roles: ['TECHNICAL_EVALUATOR'], stance: 'OPPONENT' } },
    { type: 'BUYING_ROLE', from: 'p-anna', to: 'opp-unowned', properties: { roles: ['CHAMPION', 'DECISION_MAKER'], stance: 'SUPPORTER' } },
    { type: 'BUYING_ROLE', from: 'p-ben', to: 'opp-unowned', properties: { roles: ['ECONOMIC_BUYER'], stance: 'SKEPTIC' } },
    { type: 'BUYING_ROLE', from: 'p-eve', to: 'opp-pumps', properties: { roles: ['CHAMPION'], stance: 'SUPPORTER' } },
    { type: 'BUYING_ROLE', from: 'p-finn', to: 'opp-pumps', properties: { roles: ['DECISION_MAKER'], stance: 'NEUTRAL' } },
    { type: 'BUYING_ROLE', from: 'p-hana', to: 'opp-pumps', properties: { roles: ['ECONOMIC_BUYER'], stance: 'UNKNOWN' } },
  ],
};

const BUYING_CENTER = /* GraphQL */ `query ($id: ID!) { buyingCenter(opportunityId: $id) {
  opportunity { name }
  members { person { name } roles stance bestPath { strength hops nodes { id } steps { type fromId toId weight } } }
  missingRoles
  coverage
} }`;

describe('buyingCenter', () => {
  const { server, ids } = useTestServer({ graph: WORLD });

  const center = async (key: string) => (await server.data(BUYING_CENTER, { id: ids[key] })).buyingCenter;
  const strengths = (c: any) => Object.fromEntries(c.members.map((m: any) => [m.person.name, m.bestPath?.strength ?? null]));

  it('lists members with roles and stance, the owner’s best path first, missing key roles and coverage', async () => {
    const boilers = await center('opp-boilers');
    expect(boilers.opportunity.name).toBe('Acme boilers');
    expect(boilers.members.map((m: any) => [m.person.name, m.roles, m.stance])).toEqual([
      ['Anna', ['DECISION_MAKER'], 'SUPPORTER'],
      ['Ben', ['ECONOMIC_BUYER', 'INFLUENCER'], 'NEUTRAL'],
      ['Cora', ['USER'], 'UNKNOWN'],
      ['Dave', ['TECHNICAL_EVALUATOR'], 'OPPONENT'],
    ]);
    expect(strengths(boilers)).toEqual({ Anna: 0.9, Ben: expect.closeTo(0.72, 10), Cora: 0.25, Dave: null });
    expect(boilers.missingRoles).toEqual(['CHAMPION']);
    // Anna (0.9) and Ben (0.8 from Lea) are covered; Cora (0.25) and Dave (none) are not.
    expect(boilers.coverage).toBe(0.5);
  });

  it('explains the owner’s path with its nodes and stored-direction steps', async () => {
    const ben = (await center('opp-boilers')).members.find((m: any) => m.person.name === 'Ben');
    expect(ben.bestPath).toEqual({
      strength: expect.closeTo(0.72, 10),
      hops: 2,
      nodes: [{ id: ids['u-kim'] }, { id: ids['p-anna'] }, { id: ids['p-ben'] }],
      steps: [
        { type: 'KNOWS', fromId: ids['u-kim'], toId: ids['p-anna'], weight: 0.9 },
        { type: 'REPORTS_TO', fromId: ids['p-ben'], toId: ids['p-anna'], weight: 0.8 },
      ],
    });
    const cora = (await center('opp-boilers')).members.find((m: any) => m.person.name === 'Cora');
    expect(cora.bestPath.nodes).toEqual([{ id: ids['u-max'] }, { id: ids['p-cora'] }]);
  });

  it('takes paths from any user when the opportunity has no owner', async () => {
    const unowned = await center('opp-unowned');
    expect(strengths(unowned)).toEqual({ Anna: 0.9, Ben: 0.8 });
    expect(unowned.members[1].bestPath.nodes).toEqual([{ id: ids['u-lea'] }, { id: ids['p-ben'] }]);
    expect(unowned.missingRoles).toEqual([]);
    expect(unowned.coverage).toBe(1);
  });

  it('counts a path of exactly 0.3 as covered, 0.29 not', async () => {
    const pumps = await center('opp-pumps');
    expect(strengths(pumps)).toEqual({ Eve: 0.3, Finn: 0.29, Hana: expect.closeTo(0.3, 10) });
    expect(pumps.coverage).toBeCloseTo(2 / 3, 10);
    expect(pumps.missingRoles).toEqual([]);
  });

  it('gives an empty buying center all key roles missing and coverage 0', async () => {
    expect(await center('opp-empty')).toEqual({ opportunity: { name: 'Acme solar' }, members: [], missingRoles: ['DECISION_MAKER', 'ECONOMIC_BUYER', 'CHAMPION'], coverage: 0 });
  });

  it('is also reachable from the opportunity', async () => {
    const { opportunity } = await server.data(/* GraphQL */ `query ($id: ID!) { opportunity(id: $id) { buyingCenter { missingRoles coverage } } }`, { id: ids['opp-boilers'] });
    expect(opportunity.buyingCenter).toEqual({ missingRoles: ['CHAMPION'], coverage: 0.5 });
  });

  it('loads the members and missing roles of many buying centers in one query, and searches paths only when asked', async () => {
    const before = server.db.roundTrips;
    const { opportunities } = await server.data(/* GraphQL */ `{ opportunities(first: 50) { edges { node { buyingCenter { missingRoles members { person { name } roles stance } } } } } }`);
    expect(opportunities.edges).toHaveLength(4);
    // signing in, the list, then one batch of buying centers
    expect(server.db.roundTrips - before).toBe(SIGN_IN_ROUND_TRIPS + 2);
  });

  it('reads the members, then the paths together with the nodes on them: two transactions, two statements', async () => {
    const signIn = { transactions: server.db.transactions, statements: server.db.roundTrips };
    await server.data('{ __typename }');
    const signInOnly = { transactions: server.db.transactions - signIn.transactions, statements: server.db.roundTrips - signIn.statements };
    const before = { transactions: server.db.transactions, statements: server.db.roundTrips };
    const { buyingCenter } = await server.data(
      /* GraphQL */ `query ($id: ID!) { buyingCenter(opportunityId: $id) { members { person { name } bestPath { nodes { ... on Person { name } ... on User { name } } } } } }`,
      { id: ids['opp-boilers'] },
    );
    const pathNames = Object.fromEntries(buyingCenter.members.map((m: any) => [m.person.name, m.bestPath?.nodes.map((n: any) => n.name) ?? null]));
    expect(pathNames).toEqual({ Anna: ['Kim', 'Anna'], Ben: ['Kim', 'Anna', 'Ben'], Cora: ['Max', 'Cora'], Dave: null });
    expect(server.db.transactions - before.transactions - signInOnly.transactions).toBe(2);
    expect(server.db.roundTrips - before.statements - signInOnly.statements).toBe(2);
  });

  it('shows from the person which buying centers they sit in', async () => {
    const { node } = await server.data(/* GraphQL */ `query ($id: ID!) { node(id: $id) { ... on Person { buyingRoles { opportunity { name } roles stance } } } }`, { id: ids['p-anna'] });
    const byName = (a: any, b: any) => a.opportunity.name.localeCompare(b.opportunity.name);
    expect([...node.buyingRoles].sort(byName)).toEqual([
      { opportunity: { name: 'Acme boilers' }, roles: ['DECISION_MAKER'], stance: 'SUPPORTER' },
      { opportunity: { name: 'Acme service' }, roles: ['CHAMPION', 'DECISION_MAKER'], stance: 'SUPPORTER' },
    ]);
    const { node: dave } = await server.data(/* GraphQL */ `query ($id: ID!) { node(id: $id) { ... on Person { buyingRoles { roles } } } }`, { id: ids['p-hana'] });
    expect(dave.buyingRoles).toEqual([{ roles: ['ECONOMIC_BUYER'] }]);
  });

  it('answers NOT_FOUND for an unknown id or one that is no opportunity', async () => {
    for (const id of ['no-such-opportunity', ids['org-acme']]) {
      const result = await server.gql(BUYING_CENTER, { id });
      expect(result.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    }
  });
});

describe('setBuyingRole and removeBuyingRole', () => {
  const { server, ids } = useTestServer({ graph: WORLD, freshEach: true });

  const SET = /* GraphQL */ `mutation ($opp: ID!, $person: ID!, $roles: [BuyingRole!]!, $stance: Stance) {
    setBuyingRole(opportunityId: $opp, personId: $person, roles: $roles, stance: $stance) { person { name } roles stance bestPath { strength } }
  }`;
  const set = (opp: string, person: string, roles: string[], stance?: string) =>
    server.gql(SET, { opp: ids[opp] ?? opp, person: ids[person] ?? person, roles, stance });
  const remove = (opp: string, person: string) =>
    server.gql(/* GraphQL */ `mutation ($opp: ID!, $person: ID!) { removeBuyingRole(opportunityId: $opp, personId: $person) }`, { opp: ids[opp] ?? opp, person: ids[person] ?? person });
  const missing = async (opp: string) => (await server.data(BUYING_CENTER, { id: ids[opp] })).buyingCenter.missingRoles;

  it('adds a member, fills the missing role, and updates the same relationship on a second call', async () => {
    const added = await set('opp-boilers', 'p-hana', ['CHAMPION']);
    expect(added.data.setBuyingRole).toEqual({ person: { name: 'Hana' }, roles: ['CHAMPION'], stance: 'UNKNOWN', bestPath: { strength: expect.closeTo(0.3, 10) } });
    expect(await missing('opp-boilers')).toEqual([]);
    await set('opp-boilers', 'p-hana', ['CHAMPION', 'INFLUENCER'], 'SUPPORTER');
    const changed = await set('opp-boilers', 'p-hana', ['INFLUENCER']);
    expect(changed.data.setBuyingRole).toMatchObject({ roles: ['INFLUENCER'], stance: 'SUPPORTER' });
    const [{ count }] = await server.db.read<{ count: number }>(
      'MATCH (:Person {id: $p})-[r:BUYING_ROLE]->(:Opportunity {id: $o}) RETURN count(r) AS count', { p: ids['p-hana'], o: ids['opp-boilers'] });
    expect(count).toBe(1);
    expect(await missing('opp-boilers')).toEqual(['CHAMPION']);
  });

  it('removes a member and says whether there was one', async () => {
    expect((await remove('opp-boilers', 'p-anna')).data.removeBuyingRole).toBe(true);
    expect((await remove('opp-boilers', 'p-anna')).data.removeBuyingRole).toBe(false);
    expect(await missing('opp-boilers')).toEqual(['DECISION_MAKER', 'CHAMPION']);
  });

  it('refuses no roles, unknown ids and ids of the wrong type', async () => {
    expect((await set('opp-boilers', 'p-hana', [])).errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect((await set('no-such-opp', 'p-hana', ['USER'])).errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect((await set('opp-boilers', 'no-such-person', ['USER'])).errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect((await set('opp-boilers', 'u-kim', ['USER'])).errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect((await set('opp-boilers', 'p-hana', ['BOSS'])).errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect((await remove('opp-boilers', 'no-such-person')).errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const [{ count }] = await server.db.read<{ count: number }>('MATCH (:Person {id: $p})-[r:BUYING_ROLE]->() RETURN count(r) AS count', { p: ids['p-hana'] });
    expect(count).toBe(1);
  });
});
