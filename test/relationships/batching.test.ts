import type { ImportDocument, ImportNode, ImportRelationship } from '../../src/import';
import { useTestServer } from '../support/test-server';

/** `count` customers, each with three people, served by two of four distributors and managed by one of three users. */
function world(count: number): Required<ImportDocument> {
  const nodes: ImportNode[] = [];
  const relationships: ImportRelationship[] = [];
  for (let d = 0; d < 4; d += 1) nodes.push({ type: 'Organization', key: `dist-${d}`, properties: { name: `Distributor ${d}`, kinds: ['DISTRIBUTOR'] } });
  for (let u = 0; u < 3; u += 1) nodes.push({ type: 'User', key: `user-${u}`, properties: { name: `User ${u}` } });
  for (let i = 0; i < count; i += 1) {
    const org = `cust-${String(i).padStart(3, '0')}`;
    nodes.push({ type: 'Organization', key: org, properties: { name: `Customer ${String(i).padStart(3, '0')}`, kinds: ['CUSTOMER'] } });
    for (let p = 0; p < 3; p += 1) {
      nodes.push({ type: 'Person', key: `${org}-p${p}`, properties: { name: `Person ${i}.${p}` } });
      relationships.push({ type: 'WORKS_AT', from: `${org}-p${p}`, to: org, properties: { title: 'Einkauf' } });
    }
    relationships.push({ type: 'SERVES', from: `dist-${i % 4}`, to: org, properties: { as: 'DISTRIBUTOR' } });
    relationships.push({ type: 'SERVES', from: `dist-${(i + 1) % 4}`, to: org, properties: { as: 'DISTRIBUTOR' } });
    relationships.push({ type: 'MANAGES', from: `user-${i % 3}`, to: org, properties: { as: 'ACCOUNT_OWNER' } });
  }
  return { nodes, relationships };
}

const PAGE = /* GraphQL */ `query ($first: Int!) {
  organizations(first: $first, filter: { kinds: [CUSTOMER] }) {
    totalCount
    edges { node { name people { node { name } title } partners { node { name } as } managers { node { name } as } } }
  }
}`;

describe('batching: nested fields of a page cost a constant number of round trips', () => {
  const { server } = useTestServer({ graph: world(100) });

  async function roundTripsFor(first: number) {
    const before = server.db.roundTrips;
    const { organizations } = await server.data(PAGE, { first });
    const used = server.db.roundTrips - before;
    // The page really holds what was asked for, so the count is not low for lack of data.
    expect(organizations.edges).toHaveLength(first);
    for (const { node } of organizations.edges) {
      expect(node.people).toHaveLength(3);
      expect(node.partners).toHaveLength(2);
      expect(node.managers).toHaveLength(1);
    }
    return used;
  }

  it('a page of 50 organizations with people, partners and managers takes at most 6 round trips', async () => {
    expect(await roundTripsFor(50)).toBeLessThanOrEqual(6);
  });

  it('doubling the page size does not add round trips', async () => {
    const fifty = await roundTripsFor(50);
    const hundred = await roundTripsFor(100);
    expect(hundred).toBe(fifty);
  });

  it('refuses a page above the cap of 100', async () => {
    const result = await server.gql(PAGE, { first: 101 });
    expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const nested = await server.gql(/* GraphQL */ `{ organizations(first: 1) { edges { node { people(first: 101) { title } } } } }`);
    expect(nested.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });
});
