import pino from 'pino';
import { seedIfEmpty } from '../../src/import/seed';
import { useTestServer } from '../support/test-server';

describe('the sample world’s deals (seeds/*.json)', () => {
  const { server } = useTestServer();
  beforeAll(async () => {
    await server.onEmptyDatabase(() => seedIfEmpty(server.db, pino({ level: 'silent' })));
  });

  it('has opportunities in several stages, each for an account', async () => {
    const [row] = await server.db.read<{ stages: string[]; total: number; withoutAccount: number }>(`
      MATCH (o:Opportunity)
      RETURN collect(DISTINCT o.stage) AS stages, count(o) AS total,
             count(CASE WHEN NOT EXISTS { (o)-[:FOR_ACCOUNT]->(:Organization) } THEN 1 END) AS withoutAccount`);
    expect(row.total).toBeGreaterThanOrEqual(2);
    expect(row.stages.length).toBeGreaterThanOrEqual(2);
    expect(row.withoutAccount).toBe(0);
  });

  it('has buying centers that are complete, ones with missing roles, and members nobody on our team knows', async () => {
    const { opportunities } = await server.data(/* GraphQL */ `{ opportunities(first: 100) { edges { node { key buyingCenter {
      missingRoles coverage members { person { key } bestPath { strength } } } } } } }`);
    const centers = opportunities.edges.map((edge: any) => edge.node.buyingCenter);
    expect(centers.some((c: any) => c.members.length && c.missingRoles.length === 0)).toBe(true);
    expect(centers.some((c: any) => c.members.length && c.missingRoles.length > 0)).toBe(true);
    const members = centers.flatMap((c: any) => c.members);
    expect(members.some((m: any) => m.bestPath === null || m.bestPath.strength < 0.3)).toBe(true);
    expect(members.some((m: any) => m.bestPath && m.bestPath.strength >= 0.3)).toBe(true);
  });

  it('keeps KNOWS consistent with the contact history, as logInteraction would', async () => {
    const rows = await server.db.read<{ count: number; shared: number; strength: number; declared: number | null }>(`
      MATCH (u:User)-[k:KNOWS]-(p:Person) WHERE k.interactionCount IS NOT NULL
      RETURN k.interactionCount AS count, k.strength AS strength, k.declaredStrength AS declared,
             COUNT { (u)-[:PARTICIPATED_IN]->(:Interaction)<-[:PARTICIPATED_IN]-(p) } AS shared`);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(row.count).toBe(row.shared);
      expect(row.strength).toBeCloseTo(Math.max(row.declared ?? 0, 1 - 0.8 ** row.count), 5);
    }
  });

  it('shows an account’s contact history newest first', async () => {
    const [{ id }] = await server.db.read<{ id: string }>(
      'MATCH (i:Interaction)-[:ABOUT]->(a:Organization) RETURN a.id AS id ORDER BY a.id LIMIT 1');
    const { node } = await server.data(/* GraphQL */ `query ($id: ID!) { node(id: $id) { ... on Organization { interactions(first: 50) { totalCount edges { node { occurredAt } } } } } }`, { id });
    const times = node.interactions.edges.map((edge: any) => edge.node.occurredAt);
    expect(times.length).toBeGreaterThan(0);
    expect([...times].sort().reverse()).toEqual(times);
  });
});
