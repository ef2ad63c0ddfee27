import type { ImportDocument, ImportNode, ImportRelationship } from '../../src/import';
import { useTestServer } from '../support/test-server';

/** n customers, each with two orders of two products, a case and a lifecycle change. */
function world(n: number): Required<ImportDocument> {
  const nodes: ImportNode[] = [
    { type: 'Product', key: 'p1', properties: { sku: 'P1', name: 'P1' } },
    { type: 'Product', key: 'p2', properties: { sku: 'P2', name: 'P2' } },
  ];
  const relationships: ImportRelationship[] = [{ type: 'UPGRADE_OF', from: 'p2', to: 'p1' }];
  for (let i = 0; i < n; i += 1) {
    nodes.push({ type: 'Organization', key: `org${i}`, properties: { name: `Org ${String(i).padStart(3, '0')}`, kinds: ['CUSTOMER'] } });
    nodes.push({ type: 'Person', key: `person${i}`, properties: { name: `Person ${i}` } });
    nodes.push({ type: 'Consent', key: `consent${i}`, properties: { channel: 'EMAIL', purpose: 'newsletter', granted: true, at: '2026-01-01T00:00:00Z' } });
    nodes.push({ type: 'LifecycleChange', key: `lc${i}`, properties: { to: 'CUSTOMER', at: '2026-01-01T00:00:00Z' } });
    relationships.push({ type: 'WORKS_AT', from: `person${i}`, to: `org${i}` });
    relationships.push({ type: 'GAVE', from: `person${i}`, to: `consent${i}` });
    relationships.push({ type: 'HAS_LIFECYCLE_CHANGE', from: `org${i}`, to: `lc${i}` });
    for (const j of [0, 1]) {
      nodes.push({ type: 'Order', key: `o${i}-${j}`, properties: { date: `2026-0${j + 1}-01`, amount: 30 } });
      relationships.push({ type: 'PLACED', from: `org${i}`, to: `o${i}-${j}` });
      relationships.push({ type: 'CONTAINS', from: `o${i}-${j}`, to: 'p1', properties: { quantity: 1, amount: 10 } });
      relationships.push({ type: 'CONTAINS', from: `o${i}-${j}`, to: 'p2', properties: { quantity: 1, amount: 20 } });
    }
  }
  return { nodes, relationships };
}

const QUERY = /* GraphQL */ `{ organizations(first: 100) { edges { node {
  revenue(from: "2026-01-01", to: "2026-12-31")
  lifecycleHistory { to }
  people { node { consents(current: true) { granted person { name } } } }
  orders(first: 5) { totalCount edges { node { amount account { name } lines { quantity product { sku upgrades { sku } upgradeOf { sku } complements { sku } } } } } }
} } } }`;

describe('batching of the CRM fields', () => {
  const { server } = useTestServer();

  async function roundTripsFor(n: number): Promise<number> {
    await server.reset();
    await server.importGraph(world(n));
    const before = server.db.roundTrips;
    const data = await server.data(QUERY);
    expect(data.organizations.edges).toHaveLength(n);
    expect(data.organizations.edges[0].node.orders.edges[0].node.lines).toHaveLength(2);
    expect(data.organizations.edges[0].node.revenue).toBe(60);
    return server.db.roundTrips - before;
  }

  it('costs the same number of queries for 3 and for 30 organizations with orders, lines, products, history and consents', async () => {
    const small = await roundTripsFor(3);
    const large = await roundTripsFor(30);
    expect(large).toBe(small);
  });
});
