import type { ImportDocument } from '../../src/import';
import { useTestServer } from '../support/test-server';

/** Bau Schmidt's org chart, who knows whom (stored in both directions) and who influences whom. */
const WORLD: ImportDocument = {
  nodes: [
    { type: 'Organization', key: 'schmidt', properties: { name: 'Bau Schmidt', kinds: ['CUSTOMER'] } },
    { type: 'Organization', key: 'old', properties: { name: 'Alte Firma' } },
    { type: 'Organization', key: 'ib', properties: { name: 'IB Nord', kinds: ['PLANNER'] } },
    { type: 'Person', key: 'karl', properties: { name: 'Karl Schmidt', title: 'Geschäftsführer', seniority: 'OWNER', kinds: ['CONTACT'] } },
    { type: 'Person', key: 'anna', properties: { name: 'Anna Weber', email: 'anna.weber@schmidt.example', title: 'Leiterin Einkauf', seniority: 'HEAD' } },
    { type: 'Person', key: 'lars', properties: { name: 'Lars Möller', title: 'Einkäufer', city: 'Lübeck' } },
    { type: 'Person', key: 'henrik', properties: { name: 'Henrik Thomsen', title: 'Planer', kinds: ['PLANNER', 'INFLUENCER'] } },
    { type: 'User', key: 'kim', properties: { name: 'Kim Berg', roles: ['KEY_ACCOUNT_MANAGER'] } },
    { type: 'User', key: 'sabine', properties: { name: 'Sabine Roth' } },
  ],
  relationships: [
    { type: 'WORKS_AT', from: 'karl', to: 'schmidt', properties: { title: 'Geschäftsführer' } },
    { type: 'WORKS_AT', from: 'anna', to: 'schmidt', properties: { title: 'Leiterin Einkauf', since: '2019-02-01' } },
    { type: 'WORKS_AT', from: 'anna', to: 'old', properties: { title: 'Einkäuferin', since: '2012-01-01', until: '2019-01-31' } },
    { type: 'WORKS_AT', from: 'lars', to: 'schmidt', properties: { title: 'Einkäufer' } },
    { type: 'WORKS_AT', from: 'henrik', to: 'ib' },
    { type: 'REPORTS_TO', from: 'anna', to: 'karl' },
    { type: 'REPORTS_TO', from: 'lars', to: 'anna' },
    { type: 'KNOWS', from: 'kim', to: 'anna', properties: { strength: 0.8, since: '2019-03-01', source: 'trade fair' } },
    { type: 'KNOWS', from: 'anna', to: 'henrik', properties: { strength: 0.4 } },
    { type: 'KNOWS', from: 'lars', to: 'anna' },
    { type: 'KNOWS', from: 'sabine', to: 'kim', properties: { strength: 0.9 } },
    { type: 'INFLUENCES', from: 'henrik', to: 'anna', properties: { weight: 0.6, topic: 'heat pumps' } },
    { type: 'INFLUENCES', from: 'anna', to: 'karl', properties: { weight: 0.7 } },
    { type: 'INFLUENCES', from: 'ib', to: 'anna' },
    { type: 'MANAGES', from: 'kim', to: 'schmidt', properties: { as: 'ACCOUNT_OWNER' } },
  ],
};

describe('people', () => {
  const { server, ids } = useTestServer({ graph: WORLD });

  it('walks a person: employers (current first), manager, reports, knows both ways, influence both ways', async () => {
    const { person } = await server.data(
      `query ($id: ID!) { person(id: $id) {
         name kinds
         employers { node { name } title since until }
         manager { name }
         reports { name }
         knows { node { ... on Person { name } ... on User { name } } strength declaredStrength interactionCount lastInteractionAt since source }
         influences { node { ... on Person { name } } weight topic }
         influencedBy { node { ... on Person { name } ... on Organization { name } } weight topic }
       } }`,
      { id: ids.anna },
    );
    expect(person).toEqual({
      name: 'Anna Weber',
      kinds: [],
      employers: [
        { node: { name: 'Bau Schmidt' }, title: 'Leiterin Einkauf', since: '2019-02-01', until: null },
        { node: { name: 'Alte Firma' }, title: 'Einkäuferin', since: '2012-01-01', until: '2019-01-31' },
      ],
      manager: { name: 'Karl Schmidt' },
      reports: [{ name: 'Lars Möller' }],
      knows: [
        // Strongest first; a KNOWS without strength counts as 0.5 (DESIGN §4).
        { node: { name: 'Kim Berg' }, strength: 0.8, declaredStrength: 0.8, interactionCount: 0, lastInteractionAt: null, since: '2019-03-01', source: 'trade fair' },
        { node: { name: 'Lars Möller' }, strength: 0.5, declaredStrength: null, interactionCount: 0, lastInteractionAt: null, since: null, source: null },
        { node: { name: 'Henrik Thomsen' }, strength: 0.4, declaredStrength: 0.4, interactionCount: 0, lastInteractionAt: null, since: null, source: null },
      ],
      influences: [{ node: { name: 'Karl Schmidt' }, weight: 0.7, topic: null }],
      influencedBy: [
        { node: { name: 'Henrik Thomsen' }, weight: 0.6, topic: 'heat pumps' },
        { node: { name: 'IB Nord' }, weight: 0.5, topic: null },
      ],
    });
  });

  it('limits nested lists with first', async () => {
    const { person } = await server.data(/* GraphQL */ `query ($id: ID!) { person(id: $id) { knows(first: 1) { strength } } }`, { id: ids.anna });
    expect(person.knows).toEqual([{ strength: 0.8 }]);
  });

  it.each([
    [{ nameContains: 'WEB' }, ['Anna Weber']],
    [{ kinds: ['PLANNER'] }, ['Henrik Thomsen']],
    [{ titleContains: 'einkäu' }, ['Lars Möller']],
    [{ email: 'ANNA.WEBER@schmidt.example' }, ['Anna Weber']],
    [{ seniority: 'OWNER' }, ['Karl Schmidt']],
    [{ city: 'lübeck' }, ['Lars Möller']],
  ])('filters people by %j', async (filter, expected) => {
    const { people } = await server.data(/* GraphQL */ `query ($f: PersonFilter) { people(filter: $f) { totalCount edges { node { name } } } }`, { f: filter });
    expect(people.edges.map((e: any) => e.node.name)).toEqual(expected);
    expect(people.totalCount).toBe(expected.length);
  });

  it('filters people by the organization they work at and orders them', async () => {
    const { people } = await server.data(
      'query ($org: ID!) { people(filter: { worksAt: $org }, orderBy: [NAME_DESC]) { totalCount edges { node { name } } } }',
      { org: ids.schmidt },
    );
    expect(people.edges.map((e: any) => e.node.name)).toEqual(['Lars Möller', 'Karl Schmidt', 'Anna Weber']);
  });

  it('creates, updates and deletes people, refusing a bad e-mail', async () => {
    const { createPerson } = await server.data(/* GraphQL */ `mutation { createPerson(input: { name: "Eva Neu", email: "Eva@Neu.example", kinds: [CONSULTANT] }) { id email kinds } }`);
    expect(createPerson).toMatchObject({ email: 'eva@neu.example', kinds: ['CONSULTANT'] });
    const bad = await server.gql(/* GraphQL */ `mutation ($id: ID!) { updatePerson(id: $id, input: { email: "not an e-mail" }) { id } }`, { id: createPerson.id });
    expect(bad.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const { updatePerson } = await server.data(/* GraphQL */ `mutation ($id: ID!) { updatePerson(id: $id, input: { title: "Energieberaterin" }) { title email } }`, { id: createPerson.id });
    expect(updatePerson).toEqual({ title: 'Energieberaterin', email: 'eva@neu.example' });
    expect((await server.data(/* GraphQL */ `mutation ($id: ID!) { deletePerson(id: $id) }`, { id: createPerson.id })).deletePerson).toBe(createPerson.id);
    expect((await server.gql(/* GraphQL */ `mutation ($id: ID!) { deletePerson(id: $id) }`, { id: createPerson.id })).errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });
});
