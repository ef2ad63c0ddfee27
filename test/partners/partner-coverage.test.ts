import type { ImportNode, ImportRelationship } from '../../src/import';
import type { ImportDocument } from '../../src/import';
import { useTestServer } from '../support/test-server';

const org = (key: string, name: string, kinds: string[]): ImportNode => ({ type: 'Organization', key, properties: { name, kinds } });
const opp = (key: string, properties: Record<string, unknown>): ImportNode => ({ type: 'Opportunity', key, properties: { name: key, ...properties } });

/*
 * Nordgroß serves A, B and C. Open pipeline by hand:
 *   A: 100 000 × 0.5 (PROPOSAL) + 20 000 × 0.25 (NEGOTIATION) = 55 000; the WON deal does not count
 *   B: 40 000 × 0.1 (QUALIFICATION) = 4 000; the LOST deal does not count
 *   C: 30 000 without probability = 0; a deal without amount = 0
 *   D is served only by Agent Y: its 80 000 × 0.5 is not Nordgroß's
 *   total 59 000
 * Conflicts: B is also served by Südhandel and Reseller X, C by Reseller X.
 */
const WORLD: ImportDocument = {
  nodes: [
    org('org-nord', 'Nordgroß', ['DISTRIBUTOR']),
    org('org-sued', 'Südhandel', ['DISTRIBUTOR']),
    org('org-resx', 'Reseller X', ['RESELLER']),
    org('org-agy', 'Agent Y', ['AGENT']),
    org('org-lonely', 'Lonely Broker', ['BROKER']),
    org('cust-a', 'Customer A', ['CUSTOMER']),
    org('cust-b', 'Customer B', ['CUSTOMER']),
    org('cust-c', 'Customer C', ['CUSTOMER']),
    org('cust-d', 'Customer D', ['CUSTOMER']),
    opp('o1', { amount: 100000, probability: 0.5, stage: 'PROPOSAL' }),
    opp('o2', { amount: 20000, probability: 0.25, stage: 'NEGOTIATION' }),
    opp('o3', { amount: 999999, probability: 1, stage: 'WON' }),
    opp('o4', { amount: 40000, probability: 0.1, stage: 'QUALIFICATION' }),
    opp('o5', { amount: 50000, probability: 0.9, stage: 'LOST' }),
    opp('o6', { amount: 30000, stage: 'PROPOSAL' }),
    opp('o7', { amount: 80000, probability: 0.5, stage: 'PROPOSAL' }),
    opp('o8', { probability: 0.5, stage: 'PROPOSAL' }),
    { type: 'Person', key: 'p-olaf', properties: { name: 'Olaf' } },
    { type: 'Person', key: 'p-berta', properties: { name: 'Berta' } },
    { type: 'Person', key: 'p-carl', properties: { name: 'Carl' } },
    { type: 'User', key: 'u-pia', properties: { name: 'Pia', roles: ['PARTNER_MANAGER'] } },
    { type: 'User', key: 'u-kim', properties: { name: 'Kim', roles: ['KEY_ACCOUNT_MANAGER'] } },
  ],
  relationships: [
    ...['cust-a', 'cust-b', 'cust-c'].map((to): ImportRelationship => ({ type: 'SERVES', from: 'org-nord', to, properties: { as: 'DISTRIBUTOR' } })),
    { type: 'SERVES', from: 'org-sued', to: 'cust-b', properties: { as: 'DISTRIBUTOR' } },
    { type: 'SERVES', from: 'org-resx', to: 'cust-b', properties: { as: 'RESELLER' } },
    { type: 'SERVES', from: 'org-resx', to: 'cust-c', properties: { as: 'RESELLER' } },
    { type: 'SERVES', from: 'org-agy', to: 'cust-d', properties: { as: 'AGENT' } },
    ...[['o1', 'cust-a'], ['o2', 'cust-a'], ['o3', 'cust-a'], ['o4', 'cust-b'], ['o5', 'cust-b'], ['o6', 'cust-c'], ['o7', 'cust-d'], ['o8', 'cust-c']]
      .map(([from, to]): ImportRelationship => ({ type: 'FOR_ACCOUNT', from, to })),
    { type: 'WORKS_AT', from: 'p-olaf', to: 'org-nord' },
    { type: 'WORKS_AT', from: 'p-berta', to: 'org-nord' },
    { type: 'WORKS_AT', from: 'p-carl', to: 'cust-a' },
    { type: 'MANAGES', from: 'u-pia', to: 'org-nord', properties: { as: 'PARTNER_MANAGER' } },
    { type: 'MANAGES', from: 'u-kim', to: 'cust-a', properties: { as: 'ACCOUNT_OWNER' } },
  ],
};

const COVERAGE = /* GraphQL */ `query ($id: ID!) { partnerCoverage(partnerId: $id) {
  partner { name }
  customers { name }
  openPipeline
  conflicts { customer { name } partners { name } }
  people { name }
  managers { name }
} }`;

/** Every place of the answer with more than a name: properties of its own, a resolver's field, nested walks. */
const COVERAGE_IN_DEPTH = /* GraphQL */ `query ($id: ID!) { partnerCoverage(partnerId: $id) {
  partner { ...Org }
  customers { ...Org }
  conflicts { customer { ...Org } partners { ...Org } }
  people { id name employers(first: 5) { node { id name } } }
  managers { id name roles accounts(first: 5) { as node { id name } } }
} }
fragment Org on Organization { id name kinds createdAt people(first: 5) { node { id name } } managers(first: 5) { as node { id } } opportunities(first: 5) { totalCount } }`;

const ORGANIZATION = /* GraphQL */ `query ($id: ID!) { node(id: $id) { ...Org } }
fragment Org on Organization { id name kinds createdAt people(first: 5) { node { id name } } managers(first: 5) { as node { id } } opportunities(first: 5) { totalCount } }`;

describe('partnerCoverage', () => {
  const { server, ids } = useTestServer({ graph: WORLD });

  it('shows a distributor’s customers, open pipeline, channel conflicts, people and managers', async () => {
    const { partnerCoverage } = await server.data(COVERAGE, { id: ids['org-nord'] });
    expect(partnerCoverage).toEqual({
      partner: { name: 'Nordgroß' },
      customers: [{ name: 'Customer A' }, { name: 'Customer B' }, { name: 'Customer C' }],
      openPipeline: 59000,
      conflicts: [
        { customer: { name: 'Customer B' }, partners: [{ name: 'Reseller X' }, { name: 'Südhandel' }] },
        { customer: { name: 'Customer C' }, partners: [{ name: 'Reseller X' }] },
      ],
      people: [{ name: 'Berta' }, { name: 'Olaf' }],
      managers: [{ name: 'Pia' }],
    });
  });

  it('shows the conflict from the other partner’s side too', async () => {
    const { partnerCoverage } = await server.data(COVERAGE, { id: ids['org-resx'] });
    expect(partnerCoverage.openPipeline).toBe(4000);
    expect(partnerCoverage.conflicts).toEqual([
      { customer: { name: 'Customer B' }, partners: [{ name: 'Nordgroß' }, { name: 'Südhandel' }] },
      { customer: { name: 'Customer C' }, partners: [{ name: 'Nordgroß' }] },
    ]);
  });

  it('gives a partner without customers empty lists and no pipeline', async () => {
    const { partnerCoverage } = await server.data(COVERAGE, { id: ids['org-lonely'] });
    expect(partnerCoverage).toEqual({ partner: { name: 'Lonely Broker' }, customers: [], openPipeline: 0, conflicts: [], people: [], managers: [] });
  });

  it('answers at every place what a lookup of that organization answers, nested walks included', async () => {
    const { partnerCoverage: c } = await server.data(COVERAGE_IN_DEPTH, { id: ids['org-nord'] });
    const organizations = [c.partner, ...c.customers, ...c.conflicts.flatMap((x: any) => [x.customer, ...x.partners])];
    expect(organizations).toHaveLength(1 + 3 + 2 + 3);
    for (const answered of organizations) expect(answered).toEqual((await server.data(ORGANIZATION, { id: answered.id })).node);
    expect(c.people.map((p: any) => p.employers.map((e: any) => e.node.name))).toEqual([['Nordgroß'], ['Nordgroß']]);
    expect(c.managers).toEqual([{ id: ids['u-pia'], name: 'Pia', roles: ['PARTNER_MANAGER'], accounts: [{ as: 'PARTNER_MANAGER', node: { id: ids['org-nord'], name: 'Nordgroß' } }] }]);
  });

  it('answers NOT_FOUND for an unknown id or one that is no organization', async () => {
    for (const id of ['no-such-partner', ids['p-olaf']]) {
      const result = await server.gql(COVERAGE, { id });
      expect(result.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    }
  });
});
