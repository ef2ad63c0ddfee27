import type { ImportDocument, ImportNode, ImportRelationship } from '../../src/import';
import type { NodeLabel, RelationshipTypeName } from '../../src/model/graph-model';
import { useTestServer } from '../support/test-server';

const ACCOUNT_NETWORK = /* GraphQL */ `query ($id: ID!, $depth: Int, $types: [RelationshipType!], $limit: Int) {
  accountNetwork(accountId: $id, depth: $depth, relationshipTypes: $types, nodeLimit: $limit) {
    nodes { node { id } depth }
    edges { type fromId toId }
    truncated
  }
}`;

interface ApiNetwork {
  nodes: { node: { id: string }; depth: number }[];
  edges: { type: string; fromId: string; toId: string }[];
  truncated: boolean;
}

const STAKEHOLDER: RelationshipTypeName[] = ['KNOWS', 'REPORTS_TO', 'WORKS_AT', 'INFLUENCES', 'SERVES', 'SUBSIDIARY_OF', 'MANAGES'];

/** A small deterministic pseudo-random sequence (mulberry32), so that every run builds the same graph. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * An account among hubs: a distributor that SERVES most organizations, a user who MANAGES most of
 * them, a person who KNOWS most people, and sparse random relationships of every stakeholder type
 * besides (REPORTS_TO and SUBSIDIARY_OF only towards earlier nodes, so without cycles), plus a deal
 * FOR_ACCOUNT the account, which is no stakeholder relationship.
 */
function hubWorld(): ImportDocument {
  const next = random(12);
  const orgs = Array.from({ length: 30 }, (_, i) => `org${i}`);
  const people = Array.from({ length: 45 }, (_, i) => `person${i}`);
  const users = Array.from({ length: 6 }, (_, i) => `user${i}`);
  const nodes: ImportNode[] = [
    ...orgs.map((key): ImportNode => ({ type: 'Organization', key, properties: { name: key } })),
    ...people.map((key): ImportNode => ({ type: 'Person', key, properties: { name: key } })),
    ...users.map((key): ImportNode => ({ type: 'User', key, properties: { name: key } })),
    { type: 'Opportunity' as NodeLabel, key: 'deal', properties: { name: 'deal' } },
  ];
  const relationships: ImportRelationship[] = [];
  const seen = new Set<string>();
  const add = (type: RelationshipTypeName, from: string, to: string) => {
    const pair = type === 'KNOWS' ? [from, to].sort().join('~') : `${from}>${to}`;
    if (from === to || seen.has(`${type} ${pair}`)) return;
    seen.add(`${type} ${pair}`);
    relationships.push({ type, from, to, properties: {} });
  };
  const pick = (keys: string[]) => keys[Math.floor(next() * keys.length)];
  // the hubs: org1 serves, user0 manages, person0 knows
  for (const org of orgs) if (org !== 'org1' && next() < 0.8) add('SERVES', 'org1', org);
  for (const org of orgs) if (next() < 0.7) add('MANAGES', 'user0', org);
  for (const person of people) if (person !== 'person0' && next() < 0.7) add('KNOWS', 'person0', person);
  add('WORKS_AT', 'person0', 'org0');
  for (let i = 0; i < 40; i++) add('WORKS_AT', pick(people), pick(orgs));
  for (let i = 0; i < 40; i++) add('KNOWS', pick([...people, ...users]), pick([...people, ...users]));
  for (let i = 0; i < 15; i++) add('INFLUENCES', pick([...people, ...orgs]), pick([...people, ...orgs]));
  for (let i = 0; i < 15; i++) add('SERVES', pick(orgs), pick(orgs));
  for (let i = 0; i < 10; i++) add('MANAGES', pick(users), pick(orgs));
  for (let i = 0; i < 20; i++) {
    const [a, b] = [Math.floor(next() * people.length), Math.floor(next() * people.length)];
    if (a > b) add('REPORTS_TO', people[a], people[b]);
  }
  for (let i = 0; i < 10; i++) {
    const [a, b] = [Math.floor(next() * orgs.length), Math.floor(next() * orgs.length)];
    if (a > b) add('SUBSIDIARY_OF', orgs[a], orgs[b]);
  }
  relationships.push({ type: 'FOR_ACCOUNT', from: 'deal', to: 'org0', properties: {} });
  return { nodes, relationships };
}

interface Reference {
  nodes: string[];
  edges: string[];
  truncated: boolean;
}

/**
 * DESIGN §4 by brute force over the import document: ring after ring, the unvisited neighbours of
 * the last ring in id order while there is room (a cut ring ends the walk), then every relationship
 * of the chosen types among the chosen nodes, by from id, to id, type.
 */
function referenceNetwork(graph: ImportDocument, ids: Record<string, string>, account: string, depth: number, limit: number, types: RelationshipTypeName[]): Reference {
  const rels = (graph.relationships ?? []).filter((r) => types.includes(r.type)).map((r) => ({ type: r.type, from: ids[r.from], to: ids[r.to] }));
  const chosen = new Map<string, number>([[ids[account], 0]]);
  let frontier = [ids[account]];
  let truncated = false;
  for (let ring = 1; ring <= depth; ring++) {
    const around = new Set<string>();
    for (const r of rels) {
      if (frontier.includes(r.from) && !chosen.has(r.to)) around.add(r.to);
      if (frontier.includes(r.to) && !chosen.has(r.from)) around.add(r.from);
    }
    const candidates = [...around].sort((a, b) => (a < b ? -1 : 1));
    const room = limit - chosen.size;
    const taken = candidates.slice(0, room);
    for (const id of taken) chosen.set(id, ring);
    if (candidates.length > room) truncated = true;
    frontier = candidates.length > room ? [] : taken;
  }
  const edges = rels.filter((r) => chosen.has(r.from) && chosen.has(r.to)).map((r) => `${r.from} ${r.to} ${r.type}`);
  return { nodes: [...chosen].map(([id, ring]) => `${id}@${ring}`), edges: edges.sort(), truncated };
}

describe('accountNetwork against a brute-force reference', () => {
  const graph = hubWorld();
  const { server, ids } = useTestServer({ graph });

  const answer = async (depth: number, limit: number, types: RelationshipTypeName[] | null): Promise<Reference> => {
    const variables = { id: ids.org0, depth, limit, types };
    const { accountNetwork: net } = await server.data<{ accountNetwork: ApiNetwork }>(ACCOUNT_NETWORK, variables);
    return {
      nodes: net.nodes.map((n) => `${n.node.id}@${n.depth}`),
      edges: net.edges.map((e) => `${e.fromId} ${e.toId} ${e.type}`),
      truncated: net.truncated,
    };
  };

  it.each([
    ['every stakeholder type', null],
    ['KNOWS and SERVES', ['KNOWS', 'SERVES']],
    ['MANAGES and WORKS_AT', ['MANAGES', 'WORKS_AT']],
  ] as [string, RelationshipTypeName[] | null][])('answers as the reference over %s, at every depth and many limits, around hubs', async (_name, types) => {
    for (const depth of [1, 2, 3]) {
      for (const limit of [1, 2, 4, 9, 17, 30, 60, 200]) {
        const expected = referenceNetwork(graph, ids, 'org0', depth, limit, types ?? STAKEHOLDER);
        expect({ depth, limit, ...(await answer(depth, limit, types)) }).toEqual({ depth, limit, ...expected });
      }
    }
  });

  it('lists the edges in from id, to id, type order, each once, with only edges among the nodes it returns', async () => {
    const net = await answer(2, 30, null);
    expect(net.edges).toEqual([...net.edges].sort());
    expect(new Set(net.edges).size).toBe(net.edges.length);
  });
});

/**
 * Edges a walk from both ends of a relationship would see twice, and edges of a ring nobody walks
 * from (the last, or a cut one).
 * acme ← anna, bert, carl (WORKS_AT); anna REPORTS_TO bert and bert KNOWS anna (both ways inside ring 1);
 * ring 2: dora, emil, finn and gus each KNOW carl; dora KNOWS emil, emil REPORTS_TO finn and gus
 * INFLUENCES dora (inside ring 2).
 */
const RINGS: ImportDocument = {
  nodes: ['anna', 'bert', 'carl', 'dora', 'emil', 'finn', 'gus'].map((key): ImportNode => ({ type: 'Person', key, properties: { name: key } }))
    .concat([{ type: 'Organization', key: 'acme', properties: { name: 'acme' } }]),
  relationships: [
    ...['anna', 'bert', 'carl'].map((p): ImportRelationship => ({ type: 'WORKS_AT', from: p, to: 'acme', properties: {} })),
    { type: 'REPORTS_TO', from: 'anna', to: 'bert', properties: {} },
    { type: 'KNOWS', from: 'bert', to: 'anna', properties: {} },
    ...['dora', 'emil', 'finn', 'gus'].map((p): ImportRelationship => ({ type: 'KNOWS', from: p, to: 'carl', properties: {} })),
    { type: 'KNOWS', from: 'dora', to: 'emil', properties: {} },
    { type: 'REPORTS_TO', from: 'emil', to: 'finn', properties: {} },
    { type: 'INFLUENCES', from: 'gus', to: 'dora', properties: {} },
  ],
};

describe('accountNetwork edges inside and between rings', () => {
  const { server, ids } = useTestServer({ graph: RINGS });
  const network = async (depth: number, limit: number) =>
    (await server.data<{ accountNetwork: ApiNetwork }>(ACCOUNT_NETWORK, { id: ids.acme, depth, limit })).accountNetwork;
  const edgeNames = (net: ApiNetwork) => {
    const keyOf = Object.fromEntries(Object.entries(ids).map(([key, id]) => [id, key]));
    return net.edges.map((e) => `${keyOf[e.fromId]}-${e.type}->${keyOf[e.toId]}`).sort();
  };
  const ring2 = () => ['dora', 'emil', 'finn', 'gus'].sort((a, b) => (ids[a] < ids[b] ? -1 : 1));

  it('keeps relationships both ways between two nodes of a walked ring once each', async () => {
    const net = await network(2, 200);
    expect(edgeNames(net)).toEqual([
      'anna-REPORTS_TO->bert', 'anna-WORKS_AT->acme', 'bert-KNOWS->anna', 'bert-WORKS_AT->acme', 'carl-WORKS_AT->acme',
      'dora-KNOWS->carl', 'dora-KNOWS->emil', 'emil-KNOWS->carl', 'emil-REPORTS_TO->finn', 'finn-KNOWS->carl',
      'gus-INFLUENCES->dora', 'gus-KNOWS->carl',
    ]);
  });

  it('keeps, of a cut ring, the edges to the ring before and among the nodes it took, and none to the nodes it left out', async () => {
    // room for two of ring 2: the two smallest ids
    const net = await network(3, 6);
    expect(net.truncated).toBe(true);
    const [first, second] = ring2();
    const expected = ['anna-REPORTS_TO->bert', 'anna-WORKS_AT->acme', 'bert-KNOWS->anna', 'bert-WORKS_AT->acme', 'carl-WORKS_AT->acme', `${first}-KNOWS->carl`, `${second}-KNOWS->carl`];
    const among = (RINGS.relationships ?? []).filter((r) => [first, second].includes(r.from) && [first, second].includes(r.to) && r.from !== r.to);
    expected.push(...among.map((r) => `${r.from}-${r.type}->${r.to}`));
    expect(edgeNames(net)).toEqual(expected.sort());
  });

  it('lists a relationship of a node to itself once, whether its ring was walked or not', async () => {
    // Neither the import nor the link mutations make one, but a store may hold one.
    await server.db.write(`MATCH (a:Person {key: 'bert'}), (d:Person {key: 'dora'}) CREATE (a)-[:KNOWS]->(a), (d)-[:INFLUENCES {weight: 0.5}]->(d)`);
    try {
      const names = edgeNames(await network(2, 200));
      expect(names.filter((n) => n === 'bert-KNOWS->bert')).toHaveLength(1);
      expect(names.filter((n) => n === 'dora-INFLUENCES->dora')).toHaveLength(1);
      expect(names).toHaveLength(14);
    } finally {
      await server.db.write(`MATCH (a:Person)-[r]->(a) DELETE r`);
    }
  });
});
