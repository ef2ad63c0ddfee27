import type { ImportNode } from '../../src/import';
import type { NodeLabel } from '../../src/model/graph-model';
import { useTestServer } from '../support/test-server';
import { mulberry32 } from '../../src/random';
import { randomGraph, type GraphDocument } from '../support/random-graph';
import { edgesOf, influenceRanking, type RefInfluence } from '../support/reference';

const SCORE_FIELDS = /* GraphQL */ `fragment ScoreFields on InfluenceScore { influencer { id } score paths { strength hops nodes { id } steps { type fromId toId weight } } }`;
const INFLUENCERS = /* GraphQL */ `query ($id: ID!, $maxHops: Int, $decay: Float, $first: Int) {
  influencers(targetId: $id, maxHops: $maxHops, decay: $decay, first: $first) { ...ScoreFields }
} ${SCORE_FIELDS}`;
const ACCOUNT_INFLUENCERS = /* GraphQL */ `query ($id: ID!, $maxHops: Int, $decay: Float, $first: Int) {
  accountInfluencers(accountId: $id, maxHops: $maxHops, decay: $decay, first: $first) { ...ScoreFields }
} ${SCORE_FIELDS}`;

interface ApiScore {
  influencer: { id: string };
  score: number;
  paths: { strength: number; hops: number; nodes: { id: string }[]; steps: { type: string; fromId: string; toId: string; weight: number }[] }[];
}

function expectSameRanking(actual: ApiScore[], expected: RefInfluence[]) {
  expect(actual.map((s) => s.influencer.id)).toEqual(expected.map((s) => s.influencerId));
  actual.forEach((score, i) => {
    expect(score.score).toBeCloseTo(expected[i].score, 10);
    expect(score.paths.map((p) => p.nodes.map((n) => n.id))).toEqual(expected[i].paths.map((p) => p.nodeIds));
    score.paths.forEach((path, j) => {
      expect(path.strength).toBeCloseTo(expected[i].paths[j].strength, 10);
      expect(path.steps).toEqual(expected[i].paths[j].steps.map((s) => ({ ...s, weight: expect.closeTo(s.weight, 10) })));
    });
  });
}

const node = (type: NodeLabel, key: string): ImportNode => ({ type, key, properties: { name: key } });
const influences = (from: string, to: string, weight?: number): GraphDocument['relationships'][number] => ({
  type: 'INFLUENCES', from, to, properties: weight === undefined ? {} : { weight },
});

/** A random graph with extra INFLUENCES (some both ways, so cycles), and an opportunity with a buying center at n2. */
function influenceGraph(seed: number): GraphDocument {
  const doc = randomGraph(seed);
  const rnd = mulberry32(seed * 31337);
  const eligible = doc.nodes.filter((n) => n.type !== 'User' && n.key !== 'island').map((n) => n.key);
  const taken = new Set(doc.relationships.map((r) => `${r.type}:${r.from}:${r.to}`));
  for (let i = 0; i < eligible.length * 2; i++) {
    const from = eligible[Math.floor(rnd() * eligible.length)];
    const to = eligible[Math.floor(rnd() * eligible.length)];
    if (from === to || taken.has(`INFLUENCES:${from}:${to}`)) continue;
    taken.add(`INFLUENCES:${from}:${to}`);
    doc.relationships.push(influences(from, to, [0.2, 0.4, 0.5, 0.8, 1, undefined][Math.floor(rnd() * 6)]));
  }
  const people = doc.nodes.filter((n) => n.type === 'Person' && n.key !== 'island').map((n) => n.key);
  doc.nodes.push({ type: 'Opportunity', key: 'deal', properties: { name: 'Deal' } });
  doc.relationships.push({ type: 'FOR_ACCOUNT', from: 'deal', to: 'n2', properties: {} });
  for (const person of people.filter(() => rnd() < 0.4)) {
    doc.relationships.push({ type: 'BUYING_ROLE', from: person, to: 'deal', properties: { roles: ['CHAMPION'], stance: 'NEUTRAL' } });
  }
  return doc;
}

describe('influencers', () => {
  const { server } = useTestServer({ freshEach: true });

  const ranking = async (query: string, variables: Record<string, unknown>) =>
    Object.values(await server.data<Record<string, ApiScore[]>>(query, variables))[0];

  it('sums decayed path strengths over every path and ranks the highest first', async () => {
    const ids = await server.importGraph({
      nodes: [node('Person', 'target'), node('Person', 'a'), node('Organization', 'b')],
      relationships: [influences('a', 'target', 0.8), influences('b', 'a', 0.5), influences('b', 'target', 0.1)],
    });
    const result = await ranking(INFLUENCERS, { id: ids.target });
    expect(result.map((s) => s.influencer.id)).toEqual([ids.a, ids.b]);
    expect(result[0].score).toBeCloseTo(0.8);
    expect(result[1].score).toBeCloseTo(0.1 + 0.5 * 0.8 * 0.5);
    expect(result[1].paths.map((p) => p.nodes.map((n) => n.id))).toEqual([[ids.b, ids.a, ids.target], [ids.b, ids.target]]);
    const undecayed = await ranking(INFLUENCERS, { id: ids.target, decay: 1 });
    expect(undecayed[1].score).toBeCloseTo(0.1 + 0.5 * 0.8);
  });

  it('follows INFLUENCES only in its stored direction, on simple paths within maxHops', async () => {
    const ids = await server.importGraph({
      nodes: ['target', 'a', 'b', 'c', 'far'].map((key) => node('Person', key)),
      relationships: [
        influences('a', 'target', 1), influences('target', 'c', 1), influences('b', 'a'), influences('a', 'b'),
        influences('far', 'b', 1), { type: 'KNOWS', from: 'c', to: 'target', properties: { strength: 1 } },
      ],
    });
    const result = await ranking(INFLUENCERS, { id: ids.target, maxHops: 2 });
    expect(result.map((s) => s.influencer.id)).toEqual([ids.a, ids.b]);
    expect(result[1].score).toBeCloseTo(0.5 * 1 * 0.5);
    const further = await ranking(INFLUENCERS, { id: ids.target, maxHops: 3 });
    expect(further.map((s) => s.influencer.id)).toEqual([ids.a, ids.b, ids.far]);
  });

  it('breaks equal scores by id', async () => {
    const ids = await server.importGraph({
      nodes: ['target', 'a', 'b', 'c'].map((key) => node('Person', key)),
      relationships: [influences('a', 'target', 0.4), influences('b', 'target', 0.4), influences('c', 'target', 0.4)],
    });
    const result = await ranking(INFLUENCERS, { id: ids.target, first: 2 });
    expect(result.map((s) => s.influencer.id)).toEqual([ids.a, ids.b, ids.c].sort().slice(0, 2));
  });

  it('refuses caps and bad ids', async () => {
    const ids = await server.importGraph({ nodes: [node('Person', 'target'), node('Organization', 'acme')], relationships: [] });
    const code = async (query: string, variables: Record<string, unknown>) => (await server.gql(query, variables)).errors?.[0]?.extensions?.code;
    expect(await code(INFLUENCERS, { id: ids.target, maxHops: 5 })).toBe('BAD_USER_INPUT');
    expect(await code(INFLUENCERS, { id: ids.target, maxHops: 0 })).toBe('BAD_USER_INPUT');
    expect(await code(INFLUENCERS, { id: ids.target, decay: 0 })).toBe('BAD_USER_INPUT');
    expect(await code(INFLUENCERS, { id: ids.target, decay: 1.5 })).toBe('BAD_USER_INPUT');
    expect(await code(INFLUENCERS, { id: ids.target, first: 0 })).toBe('BAD_USER_INPUT');
    expect(await code(INFLUENCERS, { id: 'no-such-id' })).toBe('NOT_FOUND');
    expect(await code(ACCOUNT_INFLUENCERS, { id: ids.target })).toBe('NOT_FOUND');
    expect(await code(ACCOUNT_INFLUENCERS, { id: ids.acme, maxHops: 5 })).toBe('BAD_USER_INPUT');
    expect(await ranking(INFLUENCERS, { id: ids.target, maxHops: 4, decay: 1 })).toEqual([]);
  });

  it.each([21, 22, 23, 24, 25, 26, 27, 28, 29, 30])('agrees with a brute-force enumeration on random graph %i', async (seed) => {
    const doc = influenceGraph(seed);
    const ids = await server.importGraph(doc);
    const edges = edgesOf(doc, ids);
    const rnd = mulberry32(seed * 65537);
    let compared = 0;
    for (const target of doc.nodes.filter((n) => n.type === 'Person' || n.type === 'Organization').map((n) => n.key)) {
      const maxHops = 1 + Math.floor(rnd() * 4);
      const decay = [0.5, 1, 0.3][Math.floor(rnd() * 3)];
      const first = 1 + Math.floor(rnd() * 10);
      const expected = influenceRanking(edges, [ids[target]], maxHops, decay).slice(0, first);
      expectSameRanking(await ranking(INFLUENCERS, { id: ids[target], maxHops, decay, first }), expected);
      compared += expected.length;
    }
    expect(compared).toBeGreaterThan(0);
  });
});

describe('accountInfluencers', () => {
  const { server } = useTestServer({ freshEach: true });

  const ranking = async (variables: Record<string, unknown>) =>
    (await server.data<{ accountInfluencers: ApiScore[] }>(ACCOUNT_INFLUENCERS, variables)).accountInfluencers;

  it('sums influence on the account, its people and its buying centers, without listing the account or its people', async () => {
    const ids = await server.importGraph({
      nodes: [
        node('Organization', 'acme'), node('Person', 'anna'), node('Opportunity', 'deal'), node('Person', 'mia'),
        node('Person', 'press'), node('Organization', 'consultancy'),
      ],
      relationships: [
        { type: 'WORKS_AT', from: 'anna', to: 'acme', properties: {} },
        { type: 'FOR_ACCOUNT', from: 'deal', to: 'acme', properties: {} },
        { type: 'BUYING_ROLE', from: 'mia', to: 'deal', properties: { roles: ['CHAMPION'], stance: 'SUPPORTER' } },
        influences('press', 'anna', 0.8), influences('consultancy', 'mia', 0.5), influences('anna', 'mia', 1), influences('mia', 'acme', 0.6),
      ],
    });
    const result = await ranking({ id: ids.acme });
    expect(result.map((s) => s.influencer.id)).toEqual([ids.press, ids.consultancy, ids.mia]);
    expect(result.map((s) => s.score)).toEqual([0.8 + 0.4 + 0.12, 0.5 + 0.15, 0.6].map((v) => expect.closeTo(v, 10)));
    expect(result[0].paths.map((p) => p.hops)).toEqual([1, 2, 3]);
  });

  it.each([31, 32, 33, 34, 35, 36, 37, 38, 39, 40])('agrees with a brute-force enumeration on random graph %i', async (seed) => {
    const doc = influenceGraph(seed);
    const ids = await server.importGraph(doc);
    const edges = edgesOf(doc, ids);
    const account = 'n2';
    const staff = doc.relationships.filter((r) => r.type === 'WORKS_AT' && r.to === account).map((r) => ids[r.from]);
    const members = doc.relationships.filter((r) => r.type === 'BUYING_ROLE').map((r) => ids[r.from]);
    for (const [maxHops, decay, first] of [[3, 0.5, 10], [4, 1, 50], [2, 0.7, 3]]) {
      const expected = influenceRanking(edges, [ids[account], ...staff, ...members], maxHops, decay, new Set([ids[account], ...staff]))
        .slice(0, first);
      expectSameRanking(await ranking({ id: ids[account], maxHops, decay, first }), expected);
    }
  });
});
