import type { ImportDocument, ImportNode, ImportRelationship } from '../../src/import';
import type { RelationshipTypeName } from '../../src/model/graph-model';
import { mulberry32 } from '../../src/random';
import { randomGraph } from '../support/random-graph';
import { allSimplePaths, edgesOf, networkOf, rankPaths } from '../support/reference';
import { useTestServer } from '../support/test-server';

const org = (key: string): ImportNode => ({ type: 'Organization', key, properties: { name: key, kinds: ['CUSTOMER'] } });
const person = (key: string): ImportNode => ({ type: 'Person', key, properties: { name: key } });
const opp = (key: string, properties: Record<string, unknown>): ImportNode => ({ type: 'Opportunity', key, properties: { name: key, ...properties } });
const rel = (type: RelationshipTypeName, from: string, to: string, properties: Record<string, unknown> = {}): ImportRelationship => ({ type, from, to, properties });

/*
 * Opportunities are imported now, so they are created after every referral recorded with an
 * earlier `at`. By hand:
 *   rita → acme (Jan), → anna (works at acme, Feb), → ben (Feb; works at beta; worked at gamma until 2025):
 *     acme: a1 100 000 × 0.5 open, a2 40 000 WON, a3 30 000 LOST (each once, though two referrals reach acme);
 *     beta: b1 20 000 × 0.25 open; gamma not (ben had left it before the referral).
 *     → 4 opportunities, open pipeline 50 000 + 5 000 = 55 000, won 40 000.
 *   dist (an organization) → beta (Mar): b1 → 1, 5 000, 0.
 *   carl → delta, recorded in the test after delta's d1 was created: d1 does not count.
 *   zed → lonely (no opportunities): 0.
 */
const WORLD: ImportDocument = {
  nodes: [
    ...['acme', 'beta', 'gamma', 'delta', 'lonely', 'dist'].map(org),
    ...['rita', 'anna', 'ben', 'carl', 'zed'].map(person),
    opp('a1', { amount: 100000, probability: 0.5, stage: 'PROPOSAL' }),
    opp('a2', { amount: 40000, probability: 1, stage: 'WON' }),
    opp('a3', { amount: 30000, probability: 0, stage: 'LOST' }),
    opp('b1', { amount: 20000, probability: 0.25, stage: 'NEGOTIATION' }),
    opp('g1', { amount: 999999, probability: 1, stage: 'WON' }),
    opp('d1', { amount: 70000, probability: 1, stage: 'WON' }),
  ],
  relationships: [
    rel('WORKS_AT', 'anna', 'acme'), rel('WORKS_AT', 'ben', 'beta'), rel('WORKS_AT', 'ben', 'gamma', { until: '2025-12-31' }),
    ...[['a1', 'acme'], ['a2', 'acme'], ['a3', 'acme'], ['b1', 'beta'], ['g1', 'gamma'], ['d1', 'delta']].map(([o, a]) => rel('FOR_ACCOUNT', o, a)),
  ],
};

const RECORD = /* GraphQL */ `mutation ($from: ID!, $to: ID!, $at: DateTime, $note: String) { recordReferral(fromId: $from, toId: $to, at: $at, note: $note) }`;
const VALUE = /* GraphQL */ `query ($id: ID!) { referralValue(fromId: $id) { referred { id } opportunities openPipeline wonAmount } }`;
const TOP = /* GraphQL */ `query ($first: Int) { topReferrers(first: $first) { node { id } value { opportunities openPipeline wonAmount } } }`;

describe('referrals', () => {
  const { server, ids } = useTestServer({ graph: WORLD });
  const refer = (from: string, to: string, at?: string, note?: string) => server.data(RECORD, { from: ids[from], to: ids[to], at, note });
  const value = async (key: string) => (await server.data(VALUE, { id: ids[key] })).referralValue;

  beforeAll(async () => {
    await refer('rita', 'acme', '2026-01-10T09:00:00Z', 'met at the SHK fair');
    await refer('rita', 'anna', '2026-02-01T09:00:00Z');
    await refer('rita', 'ben', '2026-02-02T09:00:00Z');
    await refer('dist', 'beta', '2026-03-01T09:00:00Z');
    await refer('zed', 'lonely', '2026-03-05T09:00:00Z');
  });

  it('sums the opportunities of the referred organizations and employers created after each referral, each once', async () => {
    expect(await value('rita')).toEqual({
      referred: [{ id: ids.acme }, { id: ids.anna }, { id: ids.ben }],
      opportunities: 4,
      openPipeline: 55000,
      wonAmount: 40000,
    });
    expect(await value('dist')).toEqual({ referred: [{ id: ids.beta }], opportunities: 1, openPipeline: 5000, wonAmount: 0 });
    expect(await value('acme')).toEqual({ referred: [], opportunities: 0, openPipeline: 0, wonAmount: 0 });
  });

  it('leaves out an opportunity created before the referral, and counts one created after it', async () => {
    await refer('carl', 'delta');
    expect(await value('carl')).toEqual({ referred: [{ id: ids.delta }], opportunities: 0, openPipeline: 0, wonAmount: 0 });
    const create = /* GraphQL */ `mutation ($account: ID!) { createOpportunity(input: { name: "d2", accountId: $account, amount: 10000, probability: 0.3, stage: PROPOSAL }) { id } }`;
    await server.data(create, { account: ids.delta });
    expect(await value('carl')).toMatchObject({ opportunities: 1, openPipeline: 3000, wonAmount: 0 });
  });

  it('ranks referrers by won amount, then open pipeline, then id', async () => {
    const { topReferrers } = await server.data(TOP, {});
    const carl = topReferrers.find((row: { node: { id: string } }) => row.node.id === ids.carl).value;
    const expected = [
      { key: 'rita', value: { opportunities: 4, openPipeline: 55000, wonAmount: 40000 } },
      { key: 'dist', value: { opportunities: 1, openPipeline: 5000, wonAmount: 0 } },
    ];
    if (carl.openPipeline > 0) expected.push({ key: 'carl', value: carl });
    const zeros = [...(carl.openPipeline > 0 ? [] : ['carl']), 'zed'].sort((a, b) => (ids[a] < ids[b] ? -1 : 1));
    for (const key of zeros) expected.push({ key, value: { opportunities: 0, openPipeline: 0, wonAmount: 0 } });
    expect(topReferrers).toEqual(expected.map(({ key, value }) => ({ node: { id: ids[key] }, value })));
    expect((await server.data(TOP, { first: 1 })).topReferrers).toHaveLength(1);
  });

  it('updates a repeated referral instead of adding a second one', async () => {
    await refer('zed', 'lonely', '2026-04-01T09:00:00Z', 'again');
    const rows = await server.db.read<{ n: number; at: string; note: string }>(
      'MATCH (:Person {key: "zed"})-[r:REFERRED]->(:Organization {key: "lonely"}) RETURN count(r) AS n, toString(max(r.at)) AS at, max(r.note) AS note',
    );
    expect(rows[0]).toMatchObject({ n: 1, note: 'again' });
    expect(rows[0].at).toMatch(/^2026-04-01T09:00/);
  });

  it('refuses bad referrals with an actionable code', async () => {
    const code = async (variables: Record<string, unknown>) => (await server.gql(RECORD, variables)).errors?.[0]?.extensions?.code;
    expect(await code({ from: ids.rita, to: ids.rita })).toBe('BAD_USER_INPUT');
    expect(await code({ from: ids.rita, to: ids.a1 })).toBe('BAD_USER_INPUT');
    expect(await code({ from: ids.rita, to: 'no-such-id' })).toBe('NOT_FOUND');
    expect(await code({ from: ids.rita, to: ids.beta, at: '2999-01-01T00:00:00Z' })).toBe('BAD_USER_INPUT');
    expect(await code({ from: ids.rita, to: ids.beta, note: 'x'.repeat(501) })).toBe('BAD_USER_INPUT');
    const valueCode = async (id: string) => (await server.gql(VALUE, { id })).errors?.[0]?.extensions?.code;
    expect(await valueCode('no-such-id')).toBe('NOT_FOUND');
    expect(await valueCode(ids.a1)).toBe('NOT_FOUND');
  });

  it('makes REFERRED a stakeholder relationship of hop weight 0.7 for paths', async () => {
    const paths = /* GraphQL */ `query ($from: ID!, $to: ID!) { relationshipPaths(fromId: $from, toId: $to, maxHops: 2) { strength steps { type } } }`;
    const { relationshipPaths } = await server.data(paths, { from: ids.rita, to: ids.acme });
    expect(relationshipPaths.map((p: { strength: number; steps: { type: string }[] }) => [p.steps.map((s) => s.type), p.strength])).toEqual([
      [['REFERRED'], 0.7],
      [['REFERRED', 'WORKS_AT'], 0.35],
    ]);
    const onlyReferred = /* GraphQL */ `query ($from: ID!, $to: ID!) { relationshipPaths(fromId: $from, toId: $to, relationshipTypes: [REFERRED]) { hops } }`;
    expect((await server.data(onlyReferred, { from: ids.rita, to: ids.beta })).relationshipPaths).toEqual([]);
  });
});

describe('paths and networks over REFERRED, against the brute-force reference', () => {
  const { server } = useTestServer({ freshEach: true });
  const PATHS = /* GraphQL */ `query ($from: ID!, $to: ID!, $maxHops: Int, $first: Int, $types: [RelationshipType!]) {
    relationshipPaths(fromId: $from, toId: $to, maxHops: $maxHops, first: $first, relationshipTypes: $types) { strength nodes { id } steps { type fromId toId } }
  }`;
  const NETWORK = /* GraphQL */ `query ($id: ID!, $depth: Int, $types: [RelationshipType!]) {
    accountNetwork(accountId: $id, depth: $depth, relationshipTypes: $types, nodeLimit: 2000) { nodes { node { id } depth } edges { type fromId toId } truncated }
  }`;

  it.each([31, 32, 33, 34, 35, 36])('agrees with the reference on random graph %i', async (seed) => {
    const doc = randomGraph(seed);
    expect(doc.relationships.some((r) => r.type === 'REFERRED')).toBe(true);
    const ids = await server.importGraph(doc);
    const edges = edgesOf(doc, ids);
    const rnd = mulberry32(seed * 7919);
    const keys = doc.nodes.map((n) => n.key);
    for (let round = 0; round < 6; round++) {
      const from = keys[Math.floor(rnd() * keys.length)];
      const to = keys[Math.floor(rnd() * keys.length)];
      if (from === to) continue;
      const types = round % 2 === 0 ? undefined : ['REFERRED', 'KNOWS', 'WORKS_AT'];
      const maxHops = 2 + Math.floor(rnd() * 4);
      const expected = rankPaths(allSimplePaths(edges, ids[from], ids[to], maxHops, types)).slice(0, 8);
      const { relationshipPaths } = await server.data(PATHS, { from: ids[from], to: ids[to], maxHops, first: 8, types });
      expect(relationshipPaths.map((p: { nodes: { id: string }[] }) => p.nodes.map((n) => n.id))).toEqual(expected.map((p) => p.nodeIds));
      relationshipPaths.forEach((p: { strength: number; steps: { type: string; fromId: string; toId: string }[] }, i: number) => {
        expect(p.strength).toBeCloseTo(expected[i].strength, 10);
        expect(p.steps).toEqual(expected[i].steps.map(({ type, fromId, toId }) => ({ type, fromId, toId })));
      });
    }
    for (const account of doc.nodes.filter((n) => n.type === 'Organization').map((n) => n.key)) {
      const types = rnd() < 0.5 ? undefined : ['REFERRED', 'SERVES', 'WORKS_AT'];
      const depth = 1 + Math.floor(rnd() * 3);
      const expected = networkOf(edges, ids[account], depth, types);
      const { accountNetwork } = await server.data(NETWORK, { id: ids[account], depth, types });
      expect(accountNetwork.truncated).toBe(false);
      expect(accountNetwork.nodes.map((n: { node: { id: string }; depth: number }) => ({ id: n.node.id, depth: n.depth }))).toEqual(expected.nodes);
      expect(accountNetwork.edges).toEqual(expected.edges);
    }
  });
});
