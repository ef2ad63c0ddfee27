import type { ImportDocument } from '../../src/import';
import { useTestServer, type TestClient } from '../support/test-server';

/*
 * The account page (issue 12): `organization(id)` reads its people, partners, managers and its
 * first page of opportunities in the statement that finds it. Its answers must be those of the
 * loaders, which answer the same fields under `node(id)` (no look-ahead there).
 *
 *   Acme: anna WORKS_AT, Nordgroß SERVES, kim MANAGES; deals Won (2026-12-01), Early (2027-01-15),
 *         Twin A and Twin B (both 2027-06-30), Late (2027-09-01), Undated
 *   Empty: no deals. Hidden: a deal, served by nobody. jana (PARTNER) ACTS_FOR Nordgroß.
 */
const deal = (key: string, name: string, stage: string, expectedCloseDate: string | null, account: string) => ({
  node: { type: 'Opportunity' as const, key, properties: { name, stage, amount: 1000, ...(expectedCloseDate ? { expectedCloseDate } : {}) } },
  link: { type: 'FOR_ACCOUNT' as const, from: key, to: account, properties: {} },
});
const DEALS = [
  deal('d-late', 'Late', 'PROPOSAL', '2027-09-01', 'acme'),
  deal('d-early', 'Early', 'QUALIFICATION', '2027-01-15', 'acme'),
  deal('d-undated', 'Undated', 'NEGOTIATION', null, 'acme'),
  deal('d-won', 'Won', 'WON', '2026-12-01', 'acme'),
  deal('d-twin-a', 'Twin A', 'PROPOSAL', '2027-06-30', 'acme'),
  deal('d-twin-b', 'Twin B', 'PROPOSAL', '2027-06-30', 'acme'),
  deal('d-hidden', 'Hidden deal', 'PROPOSAL', '2027-02-01', 'hidden'),
];
const WORLD: ImportDocument = {
  nodes: [
    { type: 'User', key: 'kim', properties: { name: 'Kim Berg', roles: ['SALES'] } },
    { type: 'User', key: 'jana', properties: { name: 'Jana Kröger', roles: ['PARTNER'] } },
    { type: 'Person', key: 'anna', properties: { name: 'Anna Weber', email: 'anna@acme.example' } },
    { type: 'Organization', key: 'acme', properties: { name: 'Acme', kinds: ['CUSTOMER'], city: 'Kiel', industry: 'SHK', employees: 40 } },
    { type: 'Organization', key: 'empty', properties: { name: 'Empty GmbH', kinds: ['PROSPECT'] } },
    { type: 'Organization', key: 'hidden', properties: { name: 'Hidden AG', kinds: ['CUSTOMER'] } },
    { type: 'Organization', key: 'nordgross', properties: { name: 'Nordgroß', kinds: ['DISTRIBUTOR'] } },
    ...DEALS.map((d) => d.node),
  ],
  relationships: [
    { type: 'WORKS_AT', from: 'anna', to: 'acme', properties: { title: 'Einkauf' } },
    { type: 'SERVES', from: 'nordgross', to: 'acme', properties: { as: 'DISTRIBUTOR', territory: 'Nord' } },
    { type: 'MANAGES', from: 'kim', to: 'acme', properties: { as: 'ACCOUNT_OWNER' } },
    { type: 'ACTS_FOR', from: 'jana', to: 'nordgross', properties: {} },
    ...DEALS.map((d) => d.link),
  ],
};

/** The bench's account page (bench/load.ts), with the page arguments of its opportunities as variables. */
const FRAGMENTS = /* GraphQL */ `
fragment Page on Organization {
  id name city industry employees
  people(first: 20) { title node { id name email } }
  partners(first: 10) { territory node { id name } }
  managers(first: 10) { as node { id name } }
}
fragment Deals on OpportunityConnection {
  totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
  edges { cursor node { id name stage amount expectedCloseDate } }
}`;
const ACCOUNT_PAGE = /* GraphQL */ `query ($id: ID!, $first: Int, $after: String, $stages: [OpportunityStage!]) {
  organization(id: $id) { ...Page opportunities(first: $first, after: $after, stages: $stages) { ...Deals } }
} ${FRAGMENTS}`;
/** The same fields through `node(id)`: every field by its loader. */
const BY_LOADERS = /* GraphQL */ `query ($id: ID!, $first: Int, $after: String, $stages: [OpportunityStage!]) {
  node(id: $id) { ...Page ... on Organization { opportunities(first: $first, after: $after, stages: $stages) { ...Deals } } }
} ${FRAGMENTS}`;

const names = (organization: any) => organization.opportunities.edges.map((edge: any) => edge.node.name);

describe('the account page', () => {
  const { server, ids } = useTestServer({ graph: WORLD });

  /** Read transactions and statements `request` cost beyond signing in. */
  async function readsOf(request: () => Promise<unknown>) {
    const count = () => ({ transactions: server.db.transactions, statements: server.db.roundTrips });
    const signIn = count();
    await server.data('{ __typename }');
    const before = count();
    await request();
    const after = count();
    return {
      transactions: after.transactions - before.transactions - (before.transactions - signIn.transactions),
      statements: after.statements - before.statements - (before.statements - signIn.statements),
    };
  }

  /** The page by look-ahead (checked to be one read) and by the loaders, for `client`. */
  async function bothWays(client: TestClient, variables: Record<string, unknown>) {
    let organization: any;
    const reads = await readsOf(async () => ({ organization } = await client.data(ACCOUNT_PAGE, variables)));
    const { node } = await client.data(BY_LOADERS, variables);
    return { organization, node, reads };
  }

  it('reads the organization, its walks and its first page of opportunities in one transaction and one statement', async () => {
    const { organization, node, reads } = await bothWays(server, { id: ids.acme, first: 5 });
    expect(reads).toEqual({ transactions: 1, statements: 1 });
    expect(organization).toEqual(node);
    expect(organization).toMatchObject({
      name: 'Acme', city: 'Kiel', industry: 'SHK', employees: 40,
      people: [{ title: 'Einkauf', node: { name: 'Anna Weber', email: 'anna@acme.example' } }],
      partners: [{ territory: 'Nord', node: { name: 'Nordgroß' } }],
      managers: [{ as: 'ACCOUNT_OWNER', node: { name: 'Kim Berg' } }],
      opportunities: { totalCount: 6, pageInfo: { hasNextPage: true, hasPreviousPage: false } },
    });
    const twins = [ids['d-twin-a'], ids['d-twin-b']].sort().map((id) => (id === ids['d-twin-a'] ? 'Twin A' : 'Twin B'));
    expect(names(organization)).toEqual(['Won', 'Early', ...twins, 'Late']);
  });

  it.each([
    ['the first page', { first: 2 }],
    ['the page after a cursor', { first: 2, afterRow: 1 }],
    ['the last page, shorter than first', { first: 4, afterRow: 3 }],
    ['the empty page after the last row', { first: 2, afterRow: 5 }],
    ['first: 0', { first: 0 }],
    ['first: null, the default', { first: null }],
    ['some stages only', { first: 2, stages: ['PROPOSAL', 'WON'] }],
  ])('pages as the loader does: %s', async (_name, { afterRow, ...page }: { afterRow?: number; first: number | null; stages?: string[] }) => {
    const { organization: all } = await server.data(ACCOUNT_PAGE, { id: ids.acme, first: 100 });
    const after = afterRow === undefined ? undefined : all.opportunities.edges[afterRow].cursor;
    const { organization, node, reads } = await bothWays(server, { id: ids.acme, ...page, after });
    expect(reads).toEqual({ transactions: 1, statements: 1 });
    expect(organization).toEqual(node);
  });

  it("keeps a partner's view: the served account's deals as the loader shows them, a hidden account null", async () => {
    const jana = server.as({ user: 'jana' });
    const { organization, node, reads } = await bothWays(jana, { id: ids.acme, first: 20 });
    expect(reads).toEqual({ transactions: 2, statements: 2 }); // the partner's scope, then the page
    expect(organization).toEqual(node);
    expect(organization.opportunities.totalCount).toBe(6);
    expect(organization.managers).toEqual([]); // Kim manages Acme, not Nordgroß: outside jana's scope

    const hidden = await bothWays(jana, { id: ids.hidden, first: 20 });
    expect(hidden.organization).toBeNull();
    expect(hidden.node).toBeNull();
    const { organization: asAdmin } = await server.data(ACCOUNT_PAGE, { id: ids.hidden, first: 20 });
    expect(names(asAdmin)).toEqual(['Hidden deal']);
  });

  it('answers an organization without opportunities with an empty page, in one read', async () => {
    const { organization, node, reads } = await bothWays(server, { id: ids.empty, first: 5 });
    expect(reads).toEqual({ transactions: 1, statements: 1 });
    expect(organization).toEqual(node);
    expect(organization.opportunities).toEqual({
      totalCount: 0, pageInfo: { hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null }, edges: [],
    });
  });

  it('answers null for an unknown id or another type, as before', async () => {
    expect((await server.data(ACCOUNT_PAGE, { id: 'nope', first: 5 })).organization).toBeNull();
    expect((await server.data(ACCOUNT_PAGE, { id: ids.anna, first: 5 })).organization).toBeNull();
  });

  it('leaves pages with different arguments, a foreign cursor and a too large page to the loader', async () => {
    const { organization } = await server.data(/* GraphQL */ `query ($id: ID!) { organization(id: $id) {
      soon: opportunities(first: 1) { edges { node { name } } }
      open: opportunities(stages: [QUALIFICATION, PROPOSAL, NEGOTIATION]) { totalCount }
    } }`, { id: ids.acme });
    expect(organization).toEqual({ soon: { edges: [{ node: { name: 'Won' } }] }, open: { totalCount: 5 } });

    for (const variables of [{ after: 'bogus' }, { first: 101 }]) {
      const result = await server.gql(ACCOUNT_PAGE, { id: ids.acme, first: 5, ...variables });
      expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(result.data?.organization).toBeNull();
    }
  });
});
