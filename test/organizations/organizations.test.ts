import type { ImportDocument } from '../../src/import';
import { useTestServer } from '../support/test-server';

/** A small market: two distributors, three customers (one claimed by both), people and users. */
const WORLD: ImportDocument = {
  nodes: [
    { type: 'Organization', key: 'nord', properties: { name: 'Nordgroß', kinds: ['DISTRIBUTOR'], city: 'Hamburg', country: 'DE', employees: 800 } },
    { type: 'Organization', key: 'sued', properties: { name: 'Südhandel', kinds: ['DISTRIBUTOR'], city: 'München', country: 'DE', employees: 1300 } },
    { type: 'Organization', key: 'schmidt', properties: { name: 'Bau Schmidt', kinds: ['CUSTOMER'], lifecycleStage: 'KEY_ACCOUNT', tier: 'A', city: 'Lübeck', industry: 'Installer (SHK)', employees: 240 } },
    { type: 'Organization', key: 'schmidt-kiel', properties: { name: 'Bau Schmidt Kiel', kinds: ['CUSTOMER'], tier: 'B', city: 'Kiel', employees: 45 } },
    { type: 'Organization', key: 'alpha', properties: { name: 'alpha Wohnbau', kinds: ['PROSPECT'], lifecycleStage: 'PROSPECT', city: 'lübeck' } },
    { type: 'Person', key: 'anna', properties: { name: 'Anna Weber', email: 'Anna@Schmidt.example', title: 'Leiterin Einkauf' } },
    { type: 'Person', key: 'jan', properties: { name: 'Jan Petersen', title: 'Technischer Leiter' } },
    { type: 'User', key: 'kim', properties: { name: 'Kim Berg', roles: ['KEY_ACCOUNT_MANAGER'] } },
    { type: 'User', key: 'jonas', properties: { name: 'Jonas Keller', roles: ['PARTNER_MANAGER'] } },
  ],
  relationships: [
    { type: 'WORKS_AT', from: 'anna', to: 'schmidt', properties: { title: 'Head of Procurement', since: '2019-02-01' } },
    { type: 'WORKS_AT', from: 'jan', to: 'schmidt', properties: { title: 'CTO', department: 'Technik' } },
    { type: 'SERVES', from: 'nord', to: 'schmidt', properties: { as: 'DISTRIBUTOR', territory: 'Schleswig-Holstein', since: '2014-03-01' } },
    { type: 'SERVES', from: 'sued', to: 'schmidt', properties: { as: 'DISTRIBUTOR', territory: 'Bayern' } },
    { type: 'SERVES', from: 'nord', to: 'schmidt-kiel', properties: { as: 'DISTRIBUTOR' } },
    { type: 'SUBSIDIARY_OF', from: 'schmidt-kiel', to: 'schmidt' },
    { type: 'MANAGES', from: 'kim', to: 'schmidt', properties: { as: 'ACCOUNT_OWNER' } },
    { type: 'MANAGES', from: 'jonas', to: 'nord', properties: { as: 'PARTNER_MANAGER' } },
  ],
};

const names = (connection: { edges: { node: { name: string } }[] }) => connection.edges.map((edge) => edge.node.name);

describe('organizations', () => {
  const { server, ids } = useTestServer({ graph: WORLD });

  it('shows an account with its people, partners, parent, subsidiaries and managers', async () => {
    const { organization } = await server.data(
      /* GraphQL */ `query ($id: ID!) { organization(id: $id) {
         name kinds lifecycleStage tier
         people { node { name } title department since until }
         partners { node { name } as territory since }
         customers { node { name } }
         parent { name }
         subsidiaries { name }
         managers { node { name } as }
       } }`,
      { id: ids.schmidt },
    );
    expect(organization).toEqual({
      name: 'Bau Schmidt', kinds: ['CUSTOMER'], lifecycleStage: 'KEY_ACCOUNT', tier: 'A',
      people: [
        { node: { name: 'Anna Weber' }, title: 'Head of Procurement', department: null, since: '2019-02-01', until: null },
        { node: { name: 'Jan Petersen' }, title: 'CTO', department: 'Technik', since: null, until: null },
      ],
      partners: [
        { node: { name: 'Nordgroß' }, as: 'DISTRIBUTOR', territory: 'Schleswig-Holstein', since: '2014-03-01' },
        { node: { name: 'Südhandel' }, as: 'DISTRIBUTOR', territory: 'Bayern', since: null },
      ],
      customers: [],
      parent: null,
      subsidiaries: [{ name: 'Bau Schmidt Kiel' }],
      managers: [{ node: { name: 'Kim Berg' }, as: 'ACCOUNT_OWNER' }],
    });
  });

  it('shows whom a distributor serves, and the parent of a subsidiary', async () => {
    const { nord, kiel } = await server.data(
      /* GraphQL */ `query ($nord: ID!, $kiel: ID!) {
         nord: organization(id: $nord) { customers { node { name } as } managers { node { name } as } }
         kiel: organization(id: $kiel) { parent { name } }
       }`,
      { nord: ids.nord, kiel: ids['schmidt-kiel'] },
    );
    expect(nord.customers).toEqual([{ node: { name: 'Bau Schmidt' }, as: 'DISTRIBUTOR' }, { node: { name: 'Bau Schmidt Kiel' }, as: 'DISTRIBUTOR' }]);
    expect(nord.managers).toEqual([{ node: { name: 'Jonas Keller' }, as: 'PARTNER_MANAGER' }]);
    expect(kiel.parent).toEqual({ name: 'Bau Schmidt' });
  });

  it('answers null for an unknown id or an id of another type', async () => {
    const data = await server.data(/* GraphQL */ `query ($a: ID!, $b: ID!) { a: organization(id: $a) { id } b: organization(id: $b) { id } }`, { a: 'nope', b: ids.anna });
    expect(data).toEqual({ a: null, b: null });
  });

  it.each([
    [{ kinds: ['DISTRIBUTOR'] }, ['Nordgroß', 'Südhandel']],
    [{ kinds: ['PROSPECT', 'DISTRIBUTOR'] }, ['alpha Wohnbau', 'Nordgroß', 'Südhandel']],
    [{ lifecycleStage: 'KEY_ACCOUNT' }, ['Bau Schmidt']],
    [{ tier: 'B' }, ['Bau Schmidt Kiel']],
    [{ city: 'LÜBECK' }, ['alpha Wohnbau', 'Bau Schmidt']],
    [{ country: 'de' }, ['Nordgroß', 'Südhandel']],
    [{ industry: 'installer (shk)' }, ['Bau Schmidt']],
    [{ nameContains: 'SCHMIDT' }, ['Bau Schmidt', 'Bau Schmidt Kiel']],
    [{ nameContains: 'schmidt', tier: 'A' }, ['Bau Schmidt']],
  ])('filters by %j', async (filter, expected) => {
    const { organizations } = await server.data(
      /* GraphQL */ `query ($filter: OrganizationFilter) { organizations(filter: $filter) { totalCount edges { node { name } } } }`,
      { filter },
    );
    expect(names(organizations)).toEqual(expected);
    expect(organizations.totalCount).toBe(expected.length);
  });

  it('filters by the person employed, the managing user and the serving partner', async () => {
    const query = /* GraphQL */ `query ($filter: OrganizationFilter) { organizations(filter: $filter) { edges { node { name } } } }`;
    expect(names((await server.data(query, { filter: { employs: ids.anna } })).organizations)).toEqual(['Bau Schmidt']);
    expect(names((await server.data(query, { filter: { manager: ids.jonas } })).organizations)).toEqual(['Nordgroß']);
    expect(names((await server.data(query, { filter: { servedBy: ids.nord } })).organizations)).toEqual(['Bau Schmidt', 'Bau Schmidt Kiel']);
  });

  it('orders by the requested keys', async () => {
    const query = /* GraphQL */ `query ($orderBy: [OrganizationOrder!]) { organizations(orderBy: $orderBy) { edges { node { name } } } }`;
    expect(names((await server.data(query, { orderBy: ['EMPLOYEES_DESC'] })).organizations)).toEqual(
      ['Südhandel', 'Nordgroß', 'Bau Schmidt', 'Bau Schmidt Kiel', 'alpha Wohnbau'],
    );
    expect(names((await server.data(query, { orderBy: ['NAME_DESC'] })).organizations)).toEqual(
      ['Südhandel', 'Nordgroß', 'Bau Schmidt Kiel', 'Bau Schmidt', 'alpha Wohnbau'],
    );
  });

  it('pages through all organizations with stable cursors, each exactly once', async () => {
    const query = /* GraphQL */ `query ($after: String) { organizations(first: 2, after: $after, orderBy: [CITY_ASC]) {
      totalCount pageInfo { hasNextPage endCursor } edges { node { name } } } }`;
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 5; page += 1) {
      const { organizations }: any = await server.data(query, { after });
      expect(organizations.totalCount).toBe(5);
      seen.push(...names(organizations));
      if (!organizations.pageInfo.hasNextPage) break;
      after = organizations.pageInfo.endCursor;
    }
    expect(seen).toHaveLength(5);
    expect(new Set(seen).size).toBe(5);
  });

  it('pages the same without totalCount, telling the last page by one row more', async () => {
    const byName = ['alpha Wohnbau', 'Bau Schmidt', 'Bau Schmidt Kiel', 'Nordgroß', 'Südhandel'];
    const query = /* GraphQL */ `query ($first: Int!, $after: String) { organizations(first: $first, after: $after) {
      pageInfo { hasNextPage hasPreviousPage endCursor } edges { node { name } } } }`;
    for (let first = 1; first <= 6; first += 1) {
      const pages: { names: string[]; hasNextPage: boolean; hasPreviousPage: boolean }[] = [];
      let after: string | null = null;
      do {
        const { organizations }: any = await server.data(query, { first, after });
        pages.push({ names: names(organizations), ...organizations.pageInfo, endCursor: undefined });
        after = organizations.pageInfo.hasNextPage ? organizations.pageInfo.endCursor : null;
      } while (after && pages.length < 10);
      const expected = Array.from({ length: Math.ceil(byName.length / first) }, (_, i) => ({
        names: byName.slice(i * first, (i + 1) * first),
        hasNextPage: (i + 1) * first < byName.length,
        hasPreviousPage: i > 0,
        endCursor: undefined,
      }));
      expect(pages).toEqual(expected);
    }
  });

  it('counts when totalCount is asked for under an alias or in a fragment', async () => {
    const { organizations } = await server.data(/* GraphQL */ `{
      organizations(first: 2) { all: totalCount ...Counted edges { node { name } } }
    }
    fragment Counted on OrganizationConnection { totalCount pageInfo { hasNextPage } }`);
    expect(organizations).toEqual({ all: 5, totalCount: 5, pageInfo: { hasNextPage: true }, edges: [{ node: { name: 'alpha Wohnbau' } }, { node: { name: 'Bau Schmidt' } }] });
  });

  it('takes an explicit null for an argument with a default as that default', async () => {
    const { organizations: byDefault } = await server.data('{ organizations { edges { node { name } } } }');
    const { organizations: byNull } = await server.data('query ($first: Int) { organizations(first: $first) { edges { node { name } } } }', { first: null });
    const { organization } = await server.data('query ($id: ID!) { organization(id: $id) { people(first: null) { node { name } } } }', { id: ids.schmidt });
    expect(byNull).toEqual(byDefault);
    expect(names(byNull)).toHaveLength(5);
    expect(organization.people).toHaveLength(2);
  });

  it('refuses a cursor it did not give out', async () => {
    const result = await server.gql(/* GraphQL */ `{ organizations(after: "bogus") { totalCount } }`);
    expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('creates, updates and deletes an organization; kinds default to []', async () => {
    const { createOrganization: created } = await server.data(
      /* GraphQL */ `mutation { createOrganization(input: { name: "Neu GmbH", key: "org-neu", city: "Ulm" }) { id key name kinds city } }`,
    );
    expect(created).toMatchObject({ key: 'org-neu', name: 'Neu GmbH', kinds: [], city: 'Ulm' });
    const { updateOrganization: updated } = await server.data(
      /* GraphQL */ `mutation ($id: ID!) { updateOrganization(id: $id, input: { kinds: [CUSTOMER], city: null, employees: 12 }) { kinds city employees } }`,
      { id: created.id },
    );
    expect(updated).toEqual({ kinds: ['CUSTOMER'], city: null, employees: 12 });
    const { deleteOrganization } = await server.data(/* GraphQL */ `mutation ($id: ID!) { deleteOrganization(id: $id) }`, { id: created.id });
    expect(deleteOrganization).toBe(created.id);
    expect((await server.data(/* GraphQL */ `query ($id: ID!) { organization(id: $id) { id } }`, { id: created.id })).organization).toBeNull();
  });

  it('refuses bad input: unknown enum, negative employees, a duplicate key, an unknown id', async () => {
    const create = /* GraphQL */ `mutation ($input: CreateOrganizationInput!) { createOrganization(input: $input) { id } }`;
    expect((await server.gql(create, { input: { name: 'X', kinds: ['NOPE'] } })).errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect((await server.gql(create, { input: { name: 'X', employees: -1 } })).errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect((await server.gql(create, { input: { name: 'X', key: 'nord' } })).errors?.[0].extensions?.code).toBe('CONFLICT');
    const update = await server.gql(/* GraphQL */ `mutation { updateOrganization(id: "missing", input: { name: "Y" }) { id } }`);
    expect(update.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const removeName = await server.gql(/* GraphQL */ `mutation ($id: ID!) { updateOrganization(id: $id, input: { name: null }) { id } }`, { id: ids.alpha });
    expect(removeName.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('will not delete an organization people work at unless forced, and says how many', async () => {
    const ids2 = await server.importGraph({
      nodes: [
        { type: 'Organization', key: 'doomed', properties: { name: 'Doomed AG' } },
        { type: 'Person', key: 'd1', properties: { name: 'D One' } },
        { type: 'Person', key: 'd2', properties: { name: 'D Two' } },
      ],
      relationships: [{ type: 'WORKS_AT', from: 'd1', to: 'doomed' }, { type: 'WORKS_AT', from: 'd2', to: 'doomed' }],
    });
    const refused = await server.gql(/* GraphQL */ `mutation ($id: ID!) { deleteOrganization(id: $id) }`, { id: ids2.doomed });
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', people: 2 });
    expect(refused.errors?.[0].message).toMatch(/^2 people work at "Doomed AG"/);
    expect((await server.data(/* GraphQL */ `query ($id: ID!) { organization(id: $id) { name } }`, { id: ids2.doomed })).organization).toEqual({ name: 'Doomed AG' });

    await server.data(/* GraphQL */ `mutation ($id: ID!) { deleteOrganization(id: $id, force: true) }`, { id: ids2.doomed });
    const { person } = await server.data(/* GraphQL */ `query ($id: ID!) { person(id: $id) { name employers { node { name } } } }`, { id: ids2.d1 });
    expect(person).toEqual({ name: 'D One', employers: [] });
    expect((await server.gql(/* GraphQL */ `mutation { deleteOrganization(id: "missing") }`)).errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });
});
