import type { ImportDocument } from '../../src/import';
import type { NodeLabel, RelationshipTypeName } from '../../src/model/graph-model';
import { mulberry32 } from '../../src/random';
import { randomGraph, type GraphDocument } from '../support/random-graph';
import { allSimplePaths, edgesOf, influenceRanking, rankPaths, type RefInfluence, type RefPath } from '../support/reference';
import { useTestServer } from '../support/test-server';

const PATH = /* GraphQL */ `fragment Path on RelationshipPath { strength hops nodes { id } steps { type fromId toId weight } }`;
const RELATIONSHIP_PATHS = /* GraphQL */ `query ($from: ID!, $to: ID!, $maxHops: Int, $first: Int) {
  relationshipPaths(fromId: $from, toId: $to, maxHops: $maxHops, first: $first) { ...Path }
} ${PATH}`;
const WARM_INTRODUCTIONS = /* GraphQL */ `query ($target: ID!, $maxHops: Int, $first: Int) {
  warmIntroductions(targetId: $target, maxHops: $maxHops, first: $first) { ...Path }
} ${PATH}`;
const INFLUENCERS = /* GraphQL */ `query ($target: ID!, $maxHops: Int, $decay: Float, $first: Int) {
  influencers(targetId: $target, maxHops: $maxHops, decay: $decay, first: $first) { score influencer { id } paths { ...Path } }
} ${PATH}`;
const ACCOUNT_NETWORK = /* GraphQL */ `query ($account: ID!, $depth: Int, $limit: Int) {
  accountNetwork(accountId: $account, depth: $depth, nodeLimit: $limit) { truncated nodes { depth node { id } } edges { type fromId toId } }
}`;

interface ApiPath { strength: number; hops: number; nodes: { id: string }[]; steps: { type: string; fromId: string; toId: string; weight: number }[] }
interface ApiScore { score: number; influencer: { id: string }; paths: ApiPath[] }
interface ApiNetwork { truncated: boolean; nodes: { depth: number; node: { id: string } }[]; edges: { type: string; fromId: string; toId: string }[] }

function expectSamePaths(actual: ApiPath[], expected: RefPath[]) {
  expect(actual.map((p) => p.nodes.map((n) => n.id))).toEqual(expected.map((p) => p.nodeIds));
  expect(actual.map((p) => p.steps.map(({ type, fromId, toId }) => `${fromId}-${type}->${toId}`))).toEqual(
    expected.map((p) => p.steps.map(({ type, fromId, toId }) => `${fromId}-${type}->${toId}`)),
  );
  actual.forEach((path, i) => expect(path.strength).toBeCloseTo(expected[i].strength, 10));
}

function expectSameRanking(actual: ApiScore[], expected: RefInfluence[]) {
  expect(actual.map((s) => s.influencer.id)).toEqual(expected.map((s) => s.influencerId));
  actual.forEach((score, i) => {
    expect(score.score).toBeCloseTo(expected[i].score, 10);
    expect(score.paths.map((p) => p.nodes.map((n) => n.id))).toEqual(expected[i].paths.map((p) => p.nodeIds));
  });
}

type RefEdge = ReturnType<typeof edgesOf>[number];
const STAKEHOLDER = ['KNOWS', 'REPORTS_TO', 'WORKS_AT', 'INFLUENCES', 'SERVES', 'SUBSIDIARY_OF', 'MANAGES', 'REFERRED'];

/** DESIGN §4's account network by brute force: rings by id, cut at nodeLimit, every relationship among them once. */
function networkReference(edges: RefEdge[], account: string, depth: number, nodeLimit: number): ApiNetwork {
  const usable = edges.filter((e) => STAKEHOLDER.includes(e.type));
  const nodes = [{ depth: 0, node: { id: account } }];
  const seen = new Set([account]);
  let frontier = [account];
  let truncated = false;
  for (let ring = 1; ring <= depth && frontier.length && !truncated; ring++) {
    const next = [...new Set(usable.flatMap((e) =>
      frontier.includes(e.fromId) ? [e.toId] : frontier.includes(e.toId) ? [e.fromId] : []))]
      .filter((id) => !seen.has(id))
      .sort();
    const room = nodeLimit - nodes.length;
    truncated = next.length > room;
    frontier = next.slice(0, room);
    for (const id of frontier) {
      nodes.push({ depth: ring, node: { id } });
      seen.add(id);
    }
  }
  const among = usable
    .filter((e) => seen.has(e.fromId) && seen.has(e.toId))
    .map(({ type, fromId, toId }) => ({ type, fromId, toId }))
    .sort((a, b) => (a.fromId + a.toId + a.type < b.fromId + b.toId + b.type ? -1 : 1));
  return { truncated, nodes, edges: among };
}

/** A random stakeholder graph with extra INFLUENCES (cycles included) for the influence questions. */
function scopedWorld(seed: number): GraphDocument {
  const doc = randomGraph(seed);
  const rnd = mulberry32(seed * 4099);
  const eligible = doc.nodes.filter((n) => n.type !== 'User' && n.key !== 'island').map((n) => n.key);
  const taken = new Set(doc.relationships.map((r) => `${r.type}:${r.from}:${r.to}`));
  for (let i = 0; i < eligible.length * 2; i++) {
    const from = eligible[Math.floor(rnd() * eligible.length)];
    const to = eligible[Math.floor(rnd() * eligible.length)];
    if (from === to || taken.has(`INFLUENCES:${from}:${to}`)) continue;
    taken.add(`INFLUENCES:${from}:${to}`);
    doc.relationships.push({ type: 'INFLUENCES', from, to, properties: { weight: [0.2, 0.5, 0.8, 1][Math.floor(rnd() * 4)] } });
  }
  return doc;
}

/**
 * The random world with a channel partner: `partner` SERVES a random part of the organizations,
 * some users MANAGE it, and its PARTNER user `portal` ACTS_FOR it. Answers the world and the keys
 * the portal may see, worked out from DESIGN §9 by hand: the partner, the organizations it serves,
 * the people who WORK_AT one of those, the users who manage it, and the portal itself. The
 * best-connected person or organization is always hidden, so hiding has something to change.
 */
function partnerWorld(seed: number): { doc: GraphDocument; visibleKeys: string[] } {
  const doc = scopedWorld(seed);
  const rnd = mulberry32(seed * 7717);
  const degree = (key: string) => doc.relationships.filter((r) => r.from === key || r.to === key).length;
  const hub = doc.nodes.filter((n) => n.type === 'Person' || n.type === 'Organization').map((n) => n.key)
    .sort((a, b) => degree(b) - degree(a))[0];
  const hubsEmployers = doc.relationships.filter((r) => r.type === 'WORKS_AT' && r.from === hub).map((r) => r.to);
  const served = doc.nodes
    .filter((n) => n.type === 'Organization' && n.key !== hub && !hubsEmployers.includes(n.key) && rnd() < 0.7)
    .map((n) => n.key);
  const managers = doc.nodes.filter((n) => n.type === 'User' && rnd() < 0.5).map((n) => n.key);
  doc.nodes.push(
    { type: 'Organization', key: 'partner', properties: { name: 'Partner' } },
    { type: 'User', key: 'portal', properties: { name: 'Partner portal', roles: ['PARTNER'] } },
  );
  doc.relationships.push(
    { type: 'ACTS_FOR', from: 'portal', to: 'partner', properties: {} },
    ...served.map((key) => ({ type: 'SERVES' as const, from: 'partner', to: key, properties: {} })),
    ...managers.map((key) => ({ type: 'MANAGES' as const, from: key, to: 'partner', properties: { as: 'PARTNER_MANAGER' } })),
  );
  const organizations = ['partner', ...served];
  const people = doc.relationships.filter((r) => r.type === 'WORKS_AT' && organizations.includes(r.to)).map((r) => r.from);
  return { doc, visibleKeys: [...new Set([...organizations, ...people, ...managers, 'portal'])] };
}

describe('graph questions within a scope, against the brute force over the visible nodes only', () => {
  const { server } = useTestServer({ freshEach: true });
  const portal = server.as({ user: 'portal' });

  it.each([1, 2, 3, 4, 5, 6, 7, 8])('seed %i: paths, warm introductions, influence and networks pass through visible nodes only', async (seed) => {
    const { doc, visibleKeys } = partnerWorld(seed);
    const ids = await server.importGraph(doc);
    const rnd = mulberry32(seed * 104729);
    const hiddenKeys = doc.nodes.map((n) => n.key).filter((key) => !visibleKeys.includes(key));
    const visible = new Set(visibleKeys.map((key) => ids[key]));
    const allEdges = edgesOf(doc, ids);
    const edges = allEdges.filter((e) => visible.has(e.fromId) && visible.has(e.toId));
    const users = doc.nodes.filter((n) => n.type === 'User' && visible.has(ids[n.key])).map((n) => ids[n.key]);
    const pick = <T>(items: T[]) => items[Math.floor(rnd() * items.length)];

    let compared = 0;
    let hiddenMattered = false;
    for (let i = 0; i < 6; i++) {
      const [from, to] = [ids[pick(visibleKeys)], ids[pick(visibleKeys)]];
      if (from === to) continue;
      const maxHops = 2 + Math.floor(rnd() * 4);
      const expected = rankPaths(allSimplePaths(edges, from, to, maxHops)).slice(0, 10);
      const { relationshipPaths } = await portal.data(RELATIONSHIP_PATHS, { from, to, maxHops, first: 10 });
      expectSamePaths(relationshipPaths, expected);
      compared += expected.length;
      const unscoped = rankPaths(allSimplePaths(allEdges, from, to, maxHops)).slice(0, 10);
      if (JSON.stringify(unscoped) !== JSON.stringify(expected)) hiddenMattered = true;

      const target = ids[pick(visibleKeys)];
      const warmExpected = rankPaths(users.filter((u) => u !== target).flatMap((u) => allSimplePaths(edges, u, target, 4))).slice(0, 8);
      expectSamePaths((await portal.data(WARM_INTRODUCTIONS, { target, maxHops: 4, first: 8 })).warmIntroductions, warmExpected);

      const decay = [0.5, 1][i % 2];
      const influence = influenceRanking(edges, [target], 3, decay).slice(0, 10);
      expectSameRanking((await portal.data(INFLUENCERS, { target, maxHops: 3, decay, first: 10 })).influencers, influence);
      compared += influence.length;
    }
    for (const org of doc.nodes.filter((n) => n.type === 'Organization' && visible.has(ids[n.key]))) {
      const { accountNetwork } = await portal.data(ACCOUNT_NETWORK, { account: ids[org.key], depth: 3, limit: 6 });
      const expected = networkReference(edges, ids[org.key], 3, 6);
      expect(accountNetwork).toEqual(expected);
      compared += expected.edges.length;
      if (JSON.stringify(networkReference(allEdges, ids[org.key], 3, 6)) !== JSON.stringify(expected)) hiddenMattered = true;
    }
    // The seed compared real answers, and the hidden nodes changed some of them.
    expect(compared).toBeGreaterThan(0);
    expect(hiddenKeys.length).toBeGreaterThan(0);
    expect(hiddenMattered).toBe(true);
  });

  it('answers a hidden end exactly as an unknown id', async () => {
    const { doc, visibleKeys } = partnerWorld(3);
    const ids = await server.importGraph(doc);
    const hidden = doc.nodes.find((n) => n.type === 'Person' && !visibleKeys.includes(n.key))!.key;
    const from = ids[visibleKeys.find((key) => key !== 'partner' && key !== 'portal')!];
    const unknown = '00000000-0000-4000-8000-000000000000';
    const ask = (to: string) => portal.gql(RELATIONSHIP_PATHS, { from, to, maxHops: 4, first: 5 });
    const [forHidden, forUnknown] = [await ask(ids[hidden]), await ask(unknown)];
    expect(forHidden.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect(JSON.stringify(forHidden).replaceAll(ids[hidden], unknown)).toBe(JSON.stringify(forUnknown));
    const questions = [
      [WARM_INTRODUCTIONS, { target: ids[hidden] }, { target: unknown }],
      [INFLUENCERS, { target: ids[hidden] }, { target: unknown }],
      [RELATIONSHIP_PATHS, { from: ids[hidden], to: from }, { from: unknown, to: from }],
    ] as const;
    for (const [query, hiddenVariables, unknownVariables] of questions) {
      const [a, b] = [await portal.gql(query, hiddenVariables), await portal.gql(query, unknownVariables)];
      expect(JSON.stringify(a).replaceAll(ids[hidden], unknown)).toBe(JSON.stringify(b));
    }
  });
});

const node = (type: NodeLabel, key: string) => ({ type, key, properties: { name: key } });
const rel = (type: RelationshipTypeName, from: string, to: string, properties: Record<string, unknown> = {}) => ({ type, from, to, properties });

/**
 * kim → anna → cleo is the strong way (0.9 × 0.9), kim → bert → cleo the weak one (0.5 × 0.5);
 * press influences anna (0.8) and anna influences cleo (1.0) and acme. The partner serves acme and
 * shop; cleo and bert work at acme, press at shop, anna at elsewhere, and kim manages the partner:
 * so the partner's portal sees everyone but anna (and elsewhere). Hiding anna leaves only the weak
 * path, takes press's influence on cleo away, and takes press out of acme's two-ring network.
 */
const HAND_WORLD: ImportDocument = {
  nodes: [
    node('User', 'kim'), node('Person', 'anna'), node('Person', 'bert'), node('Person', 'cleo'), node('Person', 'press'),
    node('Organization', 'acme'), node('Organization', 'shop'), node('Organization', 'elsewhere'), node('Organization', 'partner'),
    { type: 'User', key: 'portal', properties: { name: 'portal', roles: ['PARTNER'] } },
  ],
  relationships: [
    rel('KNOWS', 'kim', 'anna', { strength: 0.9 }), rel('KNOWS', 'anna', 'cleo', { strength: 0.9 }),
    rel('KNOWS', 'kim', 'bert', { strength: 0.5 }), rel('KNOWS', 'bert', 'cleo', { strength: 0.5 }),
    rel('INFLUENCES', 'press', 'anna', { weight: 0.8 }), rel('INFLUENCES', 'anna', 'cleo', { weight: 1 }),
    rel('INFLUENCES', 'anna', 'acme', { weight: 0.5 }),
    rel('WORKS_AT', 'cleo', 'acme'), rel('WORKS_AT', 'bert', 'acme'), rel('WORKS_AT', 'press', 'shop'), rel('WORKS_AT', 'anna', 'elsewhere'),
    rel('SERVES', 'partner', 'acme'), rel('SERVES', 'partner', 'shop'), rel('MANAGES', 'kim', 'partner', { as: 'PARTNER_MANAGER' }),
    rel('ACTS_FOR', 'portal', 'partner'),
  ],
};

describe('graph questions within a scope, worked by hand', () => {
  const { server, ids } = useTestServer({ graph: HAND_WORLD });
  const portal = server.as({ user: 'portal' });
  const keyOf = (id: string) => Object.entries(ids).find(([, known]) => known === id)![0];
  const keys = (path: ApiPath) => path.nodes.map((n) => keyOf(n.id));

  it('walks a path only through visible people', async () => {
    const everything = (await server.data(RELATIONSHIP_PATHS, { from: ids.kim, to: ids.cleo, maxHops: 2 })).relationshipPaths;
    // KNOWS then INFLUENCES (0.9), KNOWS twice (0.81), then through bert (0.25).
    expect(everything.map(keys)).toEqual([['kim', 'anna', 'cleo'], ['kim', 'anna', 'cleo'], ['kim', 'bert', 'cleo']]);
    const scoped = await portal.data(RELATIONSHIP_PATHS, { from: ids.kim, to: ids.cleo, maxHops: 2 });
    expect(scoped.relationshipPaths.map(keys)).toEqual([['kim', 'bert', 'cleo']]);
    expect(scoped.relationshipPaths[0].strength).toBeCloseTo(0.25);
  });

  it('sums influence over visible paths only', async () => {
    const everything = (await server.data(INFLUENCERS, { target: ids.cleo, maxHops: 3, decay: 0.5 })).influencers;
    expect(everything.map((s: ApiScore) => [keyOf(s.influencer.id), s.score])).toEqual([['anna', 1], ['press', 0.4]]);
    const scoped = await portal.data(INFLUENCERS, { target: ids.cleo, maxHops: 3, decay: 0.5 });
    expect(scoped.influencers).toEqual([]);
  });

  it('leaves a node reached only through a hidden one out of the network', async () => {
    const networkOf = async (client: { data: typeof server.data }) => {
      const { accountNetwork } = await client.data(ACCOUNT_NETWORK, { account: ids.acme, depth: 2, limit: 100 });
      return accountNetwork.nodes.map((n: { node: { id: string } }) => keyOf(n.node.id)).sort();
    };
    // press is two rings from acme only through anna; through shop it is three.
    expect(await networkOf(server)).toEqual(['acme', 'anna', 'bert', 'cleo', 'elsewhere', 'kim', 'partner', 'press', 'shop']);
    expect(await networkOf(portal)).toEqual(['acme', 'bert', 'cleo', 'kim', 'partner', 'shop']);
  });
});
