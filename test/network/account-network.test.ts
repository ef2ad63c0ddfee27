import type { ImportNode, ImportRelationship } from '../../src/import';
import type { NodeLabel, RelationshipTypeName } from '../../src/model/graph-model';
import type { ImportDocument } from '../../src/import';
import { useTestServer } from '../support/test-server';

const ACCOUNT_NETWORK = /* GraphQL */ `query ($id: ID!, $depth: Int, $types: [RelationshipType!], $limit: Int) {
  accountNetwork(accountId: $id, depth: $depth, relationshipTypes: $types, nodeLimit: $limit) {
    nodes { node { id } type label depth }
    edges { type fromId toId properties }
    truncated
  }
}`;

const NETWORK_WITH_WALKS = /* GraphQL */ `query ($id: ID!) { accountNetwork(accountId: $id, depth: 3) { nodes { node { ...WithWalks } } } }
fragment WithWalks on Node {
  id
  ... on Person { name title knows(first: 5) { strength node { id } } employers(first: 5) { title node { id name } } }
  ... on Organization { name city people(first: 5) { title node { id } } }
}`;

const NODE_WITH_WALKS = /* GraphQL */ `query ($id: ID!) { node(id: $id) { ...WithWalks } }
fragment WithWalks on Node {
  id
  ... on Person { name title knows(first: 5) { strength node { id } } employers(first: 5) { title node { id name } } }
  ... on Organization { name city people(first: 5) { title node { id } } }
}`;

interface ApiNetwork {
  nodes: { node: { id: string }; type: string; label: string; depth: number }[];
  edges: { type: string; fromId: string; toId: string; properties: Record<string, unknown> }[];
  truncated: boolean;
}

const node = (type: NodeLabel, key: string): ImportNode => ({ type, key, properties: { name: key } });
const rel = (type: RelationshipTypeName, from: string, to: string, properties: Record<string, unknown> = {}): ImportRelationship => ({ type, from, to, properties });

/**
 * acme ← anna, bert (WORKS_AT), dist (SERVES), kim (MANAGES); anna REPORTS_TO bert;
 * ring 2: carl KNOWS anna, dist SERVES beta, press INFLUENCES and KNOWS bert; ring 3: dave WORKS_AT beta.
 * An opportunity FOR_ACCOUNT acme is not a stakeholder relationship; lone knows nobody.
 */
const WORLD: ImportDocument = {
  nodes: [
    node('Organization', 'acme'), node('Person', 'anna'), node('Person', 'bert'), node('Organization', 'dist'),
    node('User', 'kim'), node('Person', 'carl'), node('Organization', 'beta'), node('Person', 'press'),
    node('Person', 'dave'), node('Opportunity', 'deal'), node('Organization', 'lone'),
  ],
  relationships: [
    rel('WORKS_AT', 'anna', 'acme', { title: 'Buyer' }), rel('WORKS_AT', 'bert', 'acme'), rel('SERVES', 'dist', 'acme', { as: 'DISTRIBUTOR' }),
    rel('MANAGES', 'kim', 'acme'), rel('REPORTS_TO', 'anna', 'bert'), rel('KNOWS', 'carl', 'anna', { strength: 0.7 }),
    rel('SERVES', 'dist', 'beta'), rel('INFLUENCES', 'press', 'bert', { weight: 0.9 }), rel('KNOWS', 'bert', 'press'),
    rel('WORKS_AT', 'dave', 'beta'), rel('FOR_ACCOUNT', 'deal', 'acme'),
  ],
};

describe('accountNetwork', () => {
  const { server, ids } = useTestServer({ graph: WORLD });
  let keyOf: Record<string, string>;
  beforeAll(async () => {
    keyOf = Object.fromEntries(Object.entries(ids).map(([key, id]) => [id, key]));
  });

  const network = async (variables: Record<string, unknown>) =>
    (await server.data<{ accountNetwork: ApiNetwork }>(ACCOUNT_NETWORK, { id: ids.acme, ...variables })).accountNetwork;
  /** Nodes as `key@depth` in answer order. */
  const rings = (net: ApiNetwork) => net.nodes.map((n) => `${keyOf[n.node.id]}@${n.depth}`);
  const edgeNames = (net: ApiNetwork) => net.edges.map((e) => `${keyOf[e.fromId]}-${e.type}->${keyOf[e.toId]}`).sort();
  const byId = (...keys: string[]) => keys.sort((a, b) => (ids[a] < ids[b] ? -1 : 1));

  it('lists the account, then each ring by id, with every relationship among them once', async () => {
    const net = await network({ depth: 1 });
    expect(rings(net)).toEqual(['acme@0', ...byId('anna', 'bert', 'dist', 'kim').map((k) => `${k}@1`)]);
    expect(edgeNames(net)).toEqual(
      ['anna-REPORTS_TO->bert', 'anna-WORKS_AT->acme', 'bert-WORKS_AT->acme', 'dist-SERVES->acme', 'kim-MANAGES->acme'].sort(),
    );
    expect(net.truncated).toBe(false);
    expect(net.nodes[0]).toMatchObject({ type: 'Organization', label: 'acme' });
    expect(net.edges.find((e) => e.type === 'WORKS_AT' && e.fromId === ids.anna)?.properties).toMatchObject({ title: 'Buyer' });
  });

  it('goes two rings out by default and keeps parallel relationships apart', async () => {
    const net = await network({});
    expect(rings(net).slice(5)).toEqual(byId('beta', 'carl', 'press').map((k) => `${k}@2`));
    expect(edgeNames(net)).toEqual(expect.arrayContaining(['press-INFLUENCES->bert', 'bert-KNOWS->press', 'carl-KNOWS->anna', 'dist-SERVES->beta']));
    expect(net.edges).toHaveLength(9);
    expect(rings(net).some((r) => r.startsWith('deal'))).toBe(false);
  });

  it('reaches three rings out at depth 3', async () => {
    const net = await network({ depth: 3 });
    expect(rings(net)[rings(net).length - 1]).toBe('dave@3');
    expect(net.nodes).toHaveLength(9);
    expect(net.edges).toHaveLength(10);
  });

  it('cuts at nodeLimit, nearest first, says so, and keeps only edges among the nodes it returns', async () => {
    const net = await network({ depth: 3, limit: 6 });
    expect(net.truncated).toBe(true);
    const [firstOfRing2] = byId('beta', 'carl', 'press');
    expect(rings(net)).toEqual(['acme@0', ...byId('anna', 'bert', 'dist', 'kim').map((k) => `${k}@1`), `${firstOfRing2}@2`]);
    const returned = new Set(net.nodes.map((n) => n.node.id));
    expect(net.edges.every((e) => returned.has(e.fromId) && returned.has(e.toId))).toBe(true);
    expect((await network({ depth: 1, limit: 5 })).truncated).toBe(false);
    expect((await network({ depth: 2, limit: 5 })).truncated).toBe(true);
  });

  it('is not truncated when the last ring asked for fills nodeLimit exactly, and is when a further ring has a node', async () => {
    const all = ['acme@0', ...byId('anna', 'bert', 'dist', 'kim').map((k) => `${k}@1`), ...byId('beta', 'carl', 'press').map((k) => `${k}@2`)];
    const exactly = await network({ depth: 2, limit: 8 });
    expect([rings(exactly), exactly.truncated]).toEqual([all, false]);
    const oneShort = await network({ depth: 3, limit: 8 });
    expect([rings(oneShort), oneShort.truncated]).toEqual([all, true]);
    expect(oneShort.edges).toHaveLength(9);
    const room = await network({ depth: 3, limit: 9 });
    expect([rings(room), room.truncated]).toEqual([[...all, 'dave@3'], false]);
  });

  it('answers only the account when nodeLimit is 1, and an account without neighbours alone and whole', async () => {
    const one = await network({ limit: 1 });
    expect([rings(one), one.edges, one.truncated]).toEqual([['acme@0'], [], true]);
    const lone = await network({ id: ids.lone, depth: 3 });
    expect([rings(lone), lone.edges, lone.truncated]).toEqual([['lone@0'], [], false]);
  });

  it('lists a node reached from several nodes of a ring once, at its nearest depth', async () => {
    // bert is next to acme and to anna (ring 1); press is reached from bert twice (INFLUENCES and KNOWS)
    const net = await network({ depth: 3 });
    const listed = net.nodes.map((n) => n.node.id);
    expect(new Set(listed).size).toBe(listed.length);
    expect(rings(net).filter((r) => r.startsWith('bert') || r.startsWith('press'))).toEqual(['bert@1', 'press@2']);
  });

  it('answers in one transaction of one statement, at any depth', async () => {
    const costOf = async (request: () => Promise<unknown>) => {
      const before = { transactions: server.db.transactions, statements: server.db.roundTrips };
      await request();
      return { transactions: server.db.transactions - before.transactions, statements: server.db.roundTrips - before.statements };
    };
    const signIn = await costOf(() => server.data('{ __typename }'));
    for (const depth of [1, 3]) {
      const used = await costOf(() => network({ depth }));
      expect({ transactions: used.transactions - signIn.transactions, statements: used.statements - signIn.statements }).toEqual({ transactions: 1, statements: 1 });
    }
  });

  it('walks only the relationship types asked for', async () => {
    const net = await network({ depth: 3, types: ['WORKS_AT', 'REPORTS_TO'] });
    expect(rings(net)).toEqual(['acme@0', ...byId('anna', 'bert').map((k) => `${k}@1`)]);
    expect(edgeNames(net)).toEqual(['anna-REPORTS_TO->bert', 'anna-WORKS_AT->acme', 'bert-WORKS_AT->acme']);
  });

  it('labels every node by its name', async () => {
    const net = await network({ depth: 3 });
    expect(net.nodes.map((n) => n.label)).toEqual(net.nodes.map((n) => keyOf[n.node.id]));
  });

  it('answers what the selection asks of each node, nested walks included, as a lookup of that node does', async () => {
    const { accountNetwork: net } = await server.data<{ accountNetwork: { nodes: { node: { id: string } }[] } }>(NETWORK_WITH_WALKS, { id: ids.acme });
    expect(net.nodes).toHaveLength(9);
    for (const { node: answered } of net.nodes) {
      const { node: alone } = await server.data<{ node: unknown }>(NODE_WITH_WALKS, { id: answered.id });
      expect(answered).toEqual(alone);
    }
  });

  it('refuses depth and nodeLimit above their caps, and ids that are not organizations', async () => {
    const code = async (variables: Record<string, unknown>) =>
      (await server.gql(ACCOUNT_NETWORK, { id: ids.acme, ...variables })).errors?.[0]?.extensions?.code;
    expect(await code({ depth: 4 })).toBe('BAD_USER_INPUT');
    expect(await code({ depth: 0 })).toBe('BAD_USER_INPUT');
    expect(await code({ limit: 2001 })).toBe('BAD_USER_INPUT');
    expect(await code({ limit: 0 })).toBe('BAD_USER_INPUT');
    expect(await code({ types: [] })).toBe('BAD_USER_INPUT');
    expect(await code({ id: 'no-such-id' })).toBe('NOT_FOUND');
    expect(await code({ id: ids.anna })).toBe('NOT_FOUND');
    expect(await code({ limit: 2000, depth: 3 })).toBeUndefined();
  });
});
