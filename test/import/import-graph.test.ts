import { useTestServer } from '../support/test-server';

const IMPORT = /* GraphQL */ `mutation ($graph: JSON!) { importGraph(graph: $graph) { nodesCreated nodesUpdated relationshipsCreated relationshipsUpdated } }`;
// Entities only: each import through the API also writes its AuditEntry, which is no entity.
const COUNTS = 'CALL () { MATCH (n:Entity) RETURN count(n) AS nodes } CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships } RETURN nodes, relationships';

const GOOD = {
  nodes: [
    { type: 'Organization', key: 'org-acme', properties: { name: 'Acme', kinds: ['CUSTOMER'] } },
    { type: 'Organization', key: 'org-dist', properties: { name: 'Dist', kinds: ['DISTRIBUTOR'] } },
    { type: 'Person', key: 'p-anna', properties: { name: 'Anna Weber', email: 'anna@acme.example' } },
    { type: 'User', key: 'u-kim', properties: { name: 'Kim Berg', roles: ['KEY_ACCOUNT_MANAGER'] } },
  ],
  relationships: [
    { type: 'WORKS_AT', from: 'p-anna', to: 'org-acme', properties: { title: 'Head of Procurement' } },
    { type: 'KNOWS', from: 'u-kim', to: 'p-anna', properties: { strength: 0.8 } },
    { type: 'SERVES', from: 'org-dist', to: 'org-acme', properties: { as: 'DISTRIBUTOR' } },
  ],
};

describe('importGraph', () => {
  const { server } = useTestServer({ freshEach: true });

  const counts = async () => (await server.db.read<{ nodes: number; relationships: number }>(COUNTS))[0];

  it('imports a document, and the same document again changes nothing', async () => {
    const first = await server.data(IMPORT, { graph: GOOD });
    expect(first.importGraph).toEqual({ nodesCreated: 4, nodesUpdated: 0, relationshipsCreated: 3, relationshipsUpdated: 0 });
    const before = await counts();
    const [{ updatedAt: stamp }] = await server.db.read<{ updatedAt: string }>('MATCH (n {key: "p-anna"}) RETURN n.updatedAt AS updatedAt');
    const second = await server.data(IMPORT, { graph: GOOD });
    expect(second.importGraph).toEqual({ nodesCreated: 0, nodesUpdated: 0, relationshipsCreated: 0, relationshipsUpdated: 0 });
    expect(await counts()).toEqual(before);
    expect(before).toEqual({ nodes: 4 + 1, relationships: 3 }); // and the signed-in Test Admin
    const [{ updatedAt }] = await server.db.read<{ updatedAt: string }>('MATCH (n {key: "p-anna"}) RETURN n.updatedAt AS updatedAt');
    expect(updatedAt).toBe(stamp);
  });

  it('counts as updated only the rows whose properties really change', async () => {
    await server.data(IMPORT, { graph: GOOD });
    const changed = {
      nodes: [
        { type: 'Person', key: 'p-anna', properties: { title: 'CPO' } },
        { type: 'Organization', key: 'org-acme', properties: { name: 'Acme' } },
      ],
      relationships: [
        { type: 'KNOWS', from: 'p-anna', to: 'u-kim', properties: { strength: 0.9 } },
        { type: 'SERVES', from: 'org-dist', to: 'org-acme', properties: { as: 'DISTRIBUTOR' } },
      ],
    };
    const { importGraph } = await server.data(IMPORT, { graph: changed });
    expect(importGraph).toEqual({ nodesCreated: 0, nodesUpdated: 1, relationshipsCreated: 0, relationshipsUpdated: 1 });
    const [anna] = await server.db.read<{ name: string; title: string }>('MATCH (n {key: "p-anna"}) RETURN n.name AS name, n.title AS title');
    // An update keeps the properties it does not mention.
    expect(anna).toEqual({ name: 'Anna Weber', title: 'CPO' });
    // KNOWS is stored once per pair: the reversed row updated the existing one.
    const knows = await server.db.read<{ strength: number }>('MATCH ()-[r:KNOWS]->() RETURN r.strength AS strength');
    expect(knows).toEqual([{ strength: 0.9 }]);
  });

  it('requires the required properties of new nodes only', async () => {
    await server.data(IMPORT, { graph: GOOD });
    const result = await server.gql(IMPORT, {
      graph: {
        nodes: [
          { type: 'Person', key: 'p-anna', properties: { phone: '+49 40 1234' } },
          { type: 'Person', key: 'p-new', properties: { phone: '+49 40 5678' } },
        ],
      },
    });
    expect(result.errors?.[0].extensions?.problems).toEqual([{ path: 'nodes[1].properties.name', message: 'is required for a new Person' }]);
  });

  it('rejects a document with bad rows as a whole, naming every bad row, and writes nothing', async () => {
    await server.data(IMPORT, { graph: GOOD });
    const before = await counts();
    const bad = {
      nodes: [
        { type: 'Organization', key: 'org-fine', properties: { name: 'Would be fine' } },
        { type: 'Spaceship', key: 'x-1', properties: { name: 'Enterprise' } },
        { type: 'Person', key: 'p-bob', properties: { name: 'Bob', email: 'not-an-email' } },
        { type: 'Person', key: 'p-bob', properties: { name: 'Bob again' } },
        { type: 'Person', key: 'u-kim', properties: { name: 'Wrong type for an existing key' } },
      ],
      relationships: [
        { type: 'WORKS_AT', from: 'p-anna', to: 'org-fine' },
        { type: 'WORKS_AT', from: 'p-anna', to: 'org-missing' },
        { type: 'KNOWS', from: 'u-kim', to: 'p-anna', properties: { strength: 1.5 } },
        { type: 'WORKS_AT', from: 'org-dist', to: 'org-acme' },
        { type: 'SERVES', from: 'org-dist', to: 'org-acme', properties: { as: 'WHOLESALER' } },
        { type: 'LIKES', from: 'p-anna', to: 'u-kim' },
      ],
    };
    const result = await server.gql(IMPORT, { graph: bad });
    expect(result.errors).toHaveLength(1);
    expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const paths = (result.errors?.[0].extensions?.problems as { path: string }[]).map((p) => p.path);
    expect(paths).toEqual([
      'nodes[1].type',
      'nodes[2].properties.email',
      'nodes[3].key',
      'nodes[4].type',
      'relationships[1].to',
      'relationships[2].properties.strength',
      'relationships[3].from',
      'relationships[4].properties.as',
      'relationships[5].type',
    ]);
    // The good rows are not named, and nothing at all was written.
    expect(paths.some((path) => path.startsWith('nodes[0]') || path.startsWith('relationships[0]'))).toBe(false);
    expect(await counts()).toEqual(before);
    expect(await server.db.read('MATCH (n {key: "org-fine"}) RETURN n')).toEqual([]);
  });

  it('reports at most 100 problems, with the count of all of them, and never repeats the values of the rows', async () => {
    const before = await counts();
    const nodes = Array.from({ length: 250 }, (_, i) => ({ type: 'Person', key: `p-${i}`, properties: { name: 'N', email: `secret-${i}-not-an-email` } }));
    const result = await server.gql(IMPORT, { graph: { nodes } });
    const error = result.errors?.[0];
    expect(error?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(error?.extensions?.problemCount).toBe(250);
    expect(error?.extensions?.problems).toHaveLength(100);
    expect(error?.extensions?.problems[0]).toEqual({ path: 'nodes[0].properties.email', message: 'must be an e-mail address like name@example.com' });
    expect(error?.extensions?.problems[99].path).toBe('nodes[99].properties.email');
    expect(error?.message).toBe('The import was rejected: 250 problems (the first 100 in extensions.problems). Nothing was written.');
    expect(JSON.stringify(result)).not.toContain('secret-');
    expect(await counts()).toEqual(before);
  });

  it('keeps the id, createdAt and updatedAt a backup gives, and names nodes without a key by id', async () => {
    const graph = {
      nodes: [
        { type: 'Person', key: 'p-kept', id: 'id-of-p-kept', createdAt: '2024-01-02T03:04:05.678Z', updatedAt: '2025-06-07T08:09:10.000Z', properties: { name: 'Kept' } },
        { type: 'Consent', id: 'id-of-consent', properties: { channel: 'EMAIL', purpose: 'newsletter', granted: true, at: '2025-01-01T00:00:00Z' } },
      ],
      relationships: [{ type: 'GAVE', from: 'p-kept', toId: 'id-of-consent', createdAt: '2025-01-01T00:00:00.000Z' }],
    };
    expect((await server.data(IMPORT, { graph })).importGraph).toEqual({ nodesCreated: 2, nodesUpdated: 0, relationshipsCreated: 1, relationshipsUpdated: 0 });
    const rows = await server.db.read(`
      MATCH (p:Person {key: 'p-kept'})-[g:GAVE]->(c:Consent)
      RETURN p.id AS id, p.createdAt AS createdAt, p.updatedAt AS updatedAt, c.id AS consentId, c.key AS consentKey, g.createdAt AS gaveAt`);
    expect(rows).toEqual([{
      id: 'id-of-p-kept', createdAt: '2024-01-02T03:04:05.678Z', updatedAt: '2025-06-07T08:09:10.000Z',
      consentId: 'id-of-consent', consentKey: null, gaveAt: '2025-01-01T00:00:00.000Z',
    }]);
    // Again: matched by key and by id, nothing changes.
    expect((await server.data(IMPORT, { graph })).importGraph).toEqual({ nodesCreated: 0, nodesUpdated: 0, relationshipsCreated: 0, relationshipsUpdated: 0 });
    // An id that belongs to another node, and an unknown end id, are refused.
    const clash = await server.gql(IMPORT, {
      graph: {
        nodes: [{ type: 'Person', key: 'p-other', id: 'id-of-p-kept', properties: { name: 'Other' } }],
        relationships: [{ type: 'GAVE', from: 'p-kept', toId: 'no-such-id' }],
      },
    });
    expect(clash.errors?.[0].extensions?.problems).toEqual([
      { path: 'nodes[0].id', message: 'belongs to another node (a Person with another key)' },
      { path: 'relationships[0].toId', message: 'no node with this id in this import or the database' },
    ]);
  });

  it('refuses what is not an import document', async () => {
    for (const graph of [[], 'nodes', { nodes: {} }, { people: [] }]) {
      const result = await server.gql(IMPORT, { graph });
      expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    }
  });
});
