import fs from 'node:fs';
import path from 'node:path';
import { importGraph } from '../../src/import/import-graph';
import { useTestServer } from '../support/test-server';

const CORE = JSON.parse(fs.readFileSync(path.join(__dirname, '../../seeds/10-core.json'), 'utf8'));

describe('the sample world (seeds/10-core.json)', () => {
  const { server } = useTestServer();
  beforeAll(async () => {
    await importGraph(server.db, CORE, { batchSize: 10_000 });
  });

  it('has at least 300 nodes and 1,000 relationships, and a second import changes nothing', async () => {
    const [{ nodes, relationships }] = await server.db.read<{ nodes: number; relationships: number }>(
      'CALL () { MATCH (n:Entity) RETURN count(n) AS nodes } CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships } RETURN nodes, relationships',
    );
    expect(nodes).toBeGreaterThanOrEqual(300);
    expect(relationships).toBeGreaterThanOrEqual(1000);
    const again = await importGraph(server.db, CORE);
    expect(again).toEqual({ nodesCreated: 0, nodesUpdated: 0, relationshipsCreated: 0, relationshipsUpdated: 0 });
  });

  it('holds the named accounts other areas rely on, with a channel conflict on Bau Schmidt', async () => {
    const { nodeByKey } = await server.data(/* GraphQL */ `{ nodeByKey(key: "org-bau-schmidt") { ... on Organization {
      name lifecycleStage partners { node { key } as } managers { node { key } }
      people { node { key } }
    } } }`);
    expect(nodeByKey.name).toBe('Bau Schmidt Installationen GmbH');
    expect(nodeByKey.lifecycleStage).toBe('KEY_ACCOUNT');
    const distributors = nodeByKey.partners.filter((p: any) => p.as === 'DISTRIBUTOR').map((p: any) => p.node.key).sort();
    expect(distributors).toEqual(['org-mitte-haustechnik', 'org-nordgross']);
    expect(nodeByKey.managers.map((m: any) => m.node.key)).toContain('u-kim-berg');
    expect(nodeByKey.people.map((p: any) => p.node.key)).toContain('p-anna-weber');
    for (const key of ['org-waermewerk', 'u-kim-berg', 'org-nordgross', 'p-anna-weber', 'org-hanse-assekuranz', 'org-shk-journal']) {
      expect((await server.data(/* GraphQL */ `query ($key: String!) { nodeByKey(key: $key) { id } }`, { key })).nodeByKey).not.toBeNull();
    }
  });

  it('has a real org chart at every key account', async () => {
    const rows = await server.db.read<{ key: string; reports: number }>(`
      MATCH (o:Organization {lifecycleStage: 'KEY_ACCOUNT'})
      RETURN o.key AS key, COUNT { (o)<-[:WORKS_AT]-(:Person)-[:REPORTS_TO]->(:Person)-[:WORKS_AT]->(o) } AS reports`);
    expect(rows.length).toBeGreaterThanOrEqual(5);
    for (const row of rows) expect(row.reports).toBeGreaterThanOrEqual(4);
  });
});
