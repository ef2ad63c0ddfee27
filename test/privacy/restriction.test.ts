import type { ImportDocument, ImportNode, ImportRelationship } from '../../src/import';
import type { NodeLabel, RelationshipTypeName } from '../../src/model/graph-model';
import { mulberry32 } from '../../src/random';
import { randomGraph, type GraphDocument } from '../support/random-graph';
import { allSimplePaths, edgesOf, influenceRanking, rankPaths, type RefInfluence, type RefPath } from '../support/reference';
import { strongestPaths } from '../../src/paths/strongest-paths';
import { useTestServer } from '../support/test-server';

const RESTRICT = /* GraphQL */ `mutation ($id: ID!, $reason: String!) {
  restrictProcessing(personId: $id, reason: $reason) { id restricted restriction { since reason } }
}`;
const LIFT = /* GraphQL */ `mutation ($id: ID!) { liftRestriction(personId: $id) { id restricted restriction { since reason } } }`;
const PERSON = /* GraphQL */ `query ($id: ID!) { person(id: $id) { name restricted restriction { since reason } } }`;

const PATH_FIELDS = /* GraphQL */ `fragment RestrictionPathFields on RelationshipPath { strength hops nodes { id } steps { type fromId toId weight } }`;
const RELATIONSHIP_PATHS = /* GraphQL */ `query ($from: ID!, $to: ID!, $maxHops: Int, $first: Int) {
  relationshipPaths(fromId: $from, toId: $to, maxHops: $maxHops, first: $first) { ...RestrictionPathFields }
} ${PATH_FIELDS}`;
const WARM_INTRODUCTIONS = /* GraphQL */ `query ($target: ID!, $maxHops: Int, $first: Int) {
  warmIntroductions(targetId: $target, maxHops: $maxHops, first: $first) { ...RestrictionPathFields }
} ${PATH_FIELDS}`;
const INFLUENCERS = /* GraphQL */ `query ($id: ID!, $maxHops: Int) {
  influencers(targetId: $id, maxHops: $maxHops, decay: 0.5, first: 100) { influencer { id } score paths { strength nodes { id } } }
}`;
const ACCOUNT_INFLUENCERS = /* GraphQL */ `query ($id: ID!, $maxHops: Int) {
  accountInfluencers(accountId: $id, maxHops: $maxHops, decay: 0.5, first: 100) { influencer { id } score paths { strength nodes { id } } }
}`;

interface ApiPath {
  strength: number;
  hops: number;
  nodes: { id: string }[];
  steps: { type: string; fromId: string; toId: string; weight: number }[];
}
interface ApiScore {
  influencer: { id: string };
  score: number;
  paths: { strength: number; nodes: { id: string }[] }[];
}

function expectSamePaths(actual: ApiPath[], expected: RefPath[]) {
  expect(actual.map((p) => p.nodes.map((n) => n.id))).toEqual(expected.map((p) => p.nodeIds));
  expect(actual.map((p) => p.steps.map(({ type, fromId, toId }) => ({ type, fromId, toId })))).toEqual(
    expected.map((p) => p.steps.map(({ type, fromId, toId }) => ({ type, fromId, toId }))),
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

const node = (type: NodeLabel, key: string, properties: Record<string, unknown> = {}): ImportNode => ({
  type, key, properties: { name: key, ...properties },
});
const rel = (type: RelationshipTypeName, from: string, to: string, properties: Record<string, unknown> = {}): ImportRelationship => ({
  type, from, to, properties,
});
const knows = (from: string, to: string, strength: number) => rel('KNOWS', from, to, { strength });

describe('restrictProcessing and liftRestriction', () => {
  const { server, ids } = useTestServer({
    freshEach: true,
    graph: { nodes: [node('Person', 'anna'), node('Organization', 'acme')], relationships: [] },
  });

  it('marks a person restricted with since and why, keeps the record readable, and lifting clears it', async () => {
    const before = Date.now();
    const { restrictProcessing } = await server.data(RESTRICT, { id: ids.anna, reason: '  objection by e-mail, ticket 4711 ' });
    expect(restrictProcessing).toMatchObject({ id: ids.anna, restricted: true, restriction: { reason: 'objection by e-mail, ticket 4711' } });
    const since = restrictProcessing.restriction.since;
    expect(Date.parse(since)).toBeGreaterThanOrEqual(before - 1000);
    expect((await server.data(PERSON, { id: ids.anna })).person).toMatchObject({ name: 'anna', restricted: true });

    const again = (await server.data(RESTRICT, { id: ids.anna, reason: 'objection confirmed by letter' })).restrictProcessing;
    expect(again.restriction).toEqual({ since, reason: 'objection confirmed by letter' });

    const { liftRestriction } = await server.data(LIFT, { id: ids.anna });
    expect(liftRestriction).toEqual({ id: ids.anna, restricted: false, restriction: null });
    expect((await server.data(LIFT, { id: ids.anna })).liftRestriction.restricted).toBe(false);
    const stored = await server.db.read('MATCH (p:Person {id: $id}) RETURN keys(p) AS keys', { id: ids.anna });
    expect(stored[0].keys).not.toEqual(expect.arrayContaining(['restricted']));
  });

  it('answers NOT_FOUND for an unknown id or another type, and BAD_USER_INPUT for a blank or long reason', async () => {
    const code = async (query: string, variables: Record<string, unknown>) => (await server.gql(query, variables)).errors?.[0]?.extensions?.code;
    expect(await code(RESTRICT, { id: 'no-such-id', reason: 'x' })).toBe('NOT_FOUND');
    expect(await code(RESTRICT, { id: ids.acme, reason: 'x' })).toBe('NOT_FOUND');
    expect(await code(LIFT, { id: 'no-such-id' })).toBe('NOT_FOUND');
    expect(await code(RESTRICT, { id: ids.anna, reason: '   ' })).toBe('BAD_USER_INPUT');
    expect(await code(RESTRICT, { id: ids.anna, reason: 'x'.repeat(501) })).toBe('BAD_USER_INPUT');
    expect((await server.data(PERSON, { id: ids.anna })).person.restricted).toBe(false);
  });
});

describe('a restricted person in paths and influence', () => {
  const { server } = useTestServer({ freshEach: true });
  const restrict = (id: string) => server.data(RESTRICT, { id, reason: 'objection (test)' });
  const lift = (id: string) => server.data(LIFT, { id });
  const paths = async (variables: Record<string, unknown>): Promise<ApiPath[]> =>
    (await server.data(RELATIONSHIP_PATHS, variables)).relationshipPaths;

  it('is never an intermediary at once, and lifting the restriction restores the paths through them', async () => {
    const ids = await server.importGraph({
      nodes: [node('User', 'kim'), node('Person', 'anna'), node('Person', 'bert'), node('Person', 'cleo')],
      relationships: [knows('kim', 'anna', 0.9), knows('anna', 'cleo', 0.9), knows('kim', 'bert', 0.2), knows('bert', 'cleo', 0.5)],
    });
    const route = (path: ApiPath) => path.nodes.map((n) => Object.keys(ids).find((key) => ids[key] === n.id)).join('>');
    expect((await paths({ from: ids.kim, to: ids.cleo })).map(route)).toEqual(['kim>anna>cleo', 'kim>bert>cleo']);
    await restrict(ids.anna);
    expect((await paths({ from: ids.kim, to: ids.cleo })).map(route)).toEqual(['kim>bert>cleo']);
    await restrict(ids.bert);
    expect(await paths({ from: ids.kim, to: ids.cleo })).toEqual([]);
    await lift(ids.anna);
    await lift(ids.bert);
    expect((await paths({ from: ids.kim, to: ids.cleo })).map(route)).toEqual(['kim>anna>cleo', 'kim>bert>cleo']);
  });

  it('as an end is BAD_USER_INPUT saying the person is restricted, for paths, warm introductions and influence', async () => {
    const ids = await server.importGraph({
      nodes: [node('User', 'kim'), node('Person', 'anna'), node('Person', 'bert')],
      relationships: [knows('kim', 'anna', 0.9), rel('INFLUENCES', 'bert', 'anna', { weight: 0.5 })],
    });
    await restrict(ids.anna);
    const error = async (query: string, variables: Record<string, unknown>) => (await server.gql(query, variables)).errors?.[0];
    for (const [query, variables] of [
      [RELATIONSHIP_PATHS, { from: ids.kim, to: ids.anna }],
      [RELATIONSHIP_PATHS, { from: ids.anna, to: ids.kim }],
      [WARM_INTRODUCTIONS, { target: ids.anna }],
      [INFLUENCERS, { id: ids.anna }],
    ] as const) {
      const found = await error(query, variables);
      expect(found?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(found?.message).toContain(`Person ${ids.anna} is restricted`);
    }
    await lift(ids.anna);
    expect((await server.data(WARM_INTRODUCTIONS, { target: ids.anna })).warmIntroductions).toHaveLength(1);
    expect((await server.data(INFLUENCERS, { id: ids.anna })).influencers.map((s: ApiScore) => s.influencer.id)).toEqual([ids.bert]);
  });

  it.each([41, 42, 43, 44, 45, 46])('matches the brute force without the restricted person on random graph %i, and with them once lifted', async (seed) => {
    const doc: GraphDocument = randomGraph(seed);
    const ids = await server.importGraph(doc);
    const allEdges = edgesOf(doc, ids);
    // The best-connected person: restricting them changes the most answers.
    const people = doc.nodes.filter((n) => n.type === 'Person' && n.key !== 'island').map((n) => n.key);
    const degree = (key: string) => doc.relationships.filter((r) => r.from === key || r.to === key).length;
    const restricted = people.sort((a, b) => degree(b) - degree(a) || (a < b ? -1 : 1))[0];
    const withoutRestricted = allEdges.filter((e) => e.fromId !== ids[restricted] && e.toId !== ids[restricted]);
    const others = doc.nodes.map((n) => n.key).filter((key) => key !== restricted);
    const users = doc.nodes.filter((n) => n.type === 'User').map((n) => n.key);
    const rnd = mulberry32(seed * 6151);
    const pairs: [string, string][] = [];
    while (pairs.length < 5) {
      const a = others[Math.floor(rnd() * others.length)];
      const b = others[Math.floor(rnd() * others.length)];
      if (a !== b) pairs.push([a, b]);
    }
    const targets = [...others.filter(() => rnd() < 0.5), people.find((p) => p !== restricted) ?? others[0]];
    const account = doc.nodes.find((n) => n.type === 'Organization')!.key;

    /** Compares every answer with the reference over `edges`; counts the answers that differ from the full graph's. */
    const check = async (edges: typeof allEdges): Promise<number> => {
      let differing = 0;
      const expectFrom = <T>(reference: (over: typeof allEdges) => T): T => {
        const expected = reference(edges);
        if (JSON.stringify(expected) !== JSON.stringify(reference(allEdges))) differing += 1;
        return expected;
      };
      for (const [from, to] of pairs) {
        const expected = expectFrom((over) => rankPaths(allSimplePaths(over, ids[from], ids[to], 4)).slice(0, 5));
        expectSamePaths(await paths({ from: ids[from], to: ids[to], maxHops: 4, first: 5 }), expected);
        // The search in TypeScript, for a Neo4j without the path procedure, keeps the same rule.
        const client = await strongestPaths(server.db, { fromIds: [ids[from]], toId: ids[to], maxHops: 4, first: 5 }, { engine: 'client' });
        expectSamePaths(client.map((path) => ({ ...path, nodes: path.nodeIds.map((id) => ({ id })) })), expected);
      }
      for (const target of targets) {
        const starts = users.filter((u) => u !== target);
        const warm = expectFrom((over) => rankPaths(starts.flatMap((u) => allSimplePaths(over, ids[u], ids[target], 4))).slice(0, 5));
        expectSamePaths((await server.data(WARM_INTRODUCTIONS, { target: ids[target], maxHops: 4, first: 5 })).warmIntroductions, warm);
        const influence = expectFrom((over) => influenceRanking(over, [ids[target]], 3, 0.5));
        expectSameRanking((await server.data(INFLUENCERS, { id: ids[target], maxHops: 3 })).influencers, influence);
      }
      const staff = doc.relationships.filter((r) => r.type === 'WORKS_AT' && r.to === account).map((r) => ids[r.from]);
      const accountTargets = [ids[account], ...staff];
      const onAccount = expectFrom((over) => influenceRanking(over, accountTargets, 3, 0.5, new Set(accountTargets)));
      expectSameRanking((await server.data(ACCOUNT_INFLUENCERS, { id: ids[account], maxHops: 3 })).accountInfluencers, onAccount);
      return differing;
    };

    await restrict(ids[restricted]);
    // Some answer must change, or the restriction was not put to the test on this graph.
    expect(await check(withoutRestricted)).toBeGreaterThan(0);
    await lift(ids[restricted]);
    expect(await check(allEdges)).toBe(0);
  });
});

describe('a restricted person in buying centers, dormant customers and audiences', () => {
  const { server } = useTestServer({ freshEach: true });
  const restrict = (id: string) => server.data(RESTRICT, { id, reason: 'objection (test)' });
  const lift = (id: string) => server.data(LIFT, { id });

  const BUYING_CENTER = /* GraphQL */ `query ($id: ID!) { buyingCenter(opportunityId: $id) {
    coverage members { person { id restricted } bestPath { strength nodes { id } } } } }`;

  it('has no best path and is left out of coverage; as an intermediary it no longer carries another member’s path', async () => {
    const world: ImportDocument = {
      nodes: [
        node('User', 'kim'), node('Person', 'anna'), node('Person', 'bert'), node('Person', 'link'),
        node('Organization', 'acme'), { type: 'Opportunity', key: 'deal', properties: { name: 'Deal' } },
      ],
      relationships: [
        rel('OWNS', 'kim', 'deal'), rel('FOR_ACCOUNT', 'deal', 'acme'),
        rel('BUYING_ROLE', 'anna', 'deal', { roles: ['DECISION_MAKER'], stance: 'SUPPORTER' }),
        rel('BUYING_ROLE', 'bert', 'deal', { roles: ['CHAMPION'], stance: 'NEUTRAL' }),
        knows('kim', 'anna', 0.9), knows('kim', 'link', 0.8), knows('link', 'bert', 0.5),
      ],
    };
    const ids = await server.importGraph(world);
    const center = async () => (await server.data(BUYING_CENTER, { id: ids.deal })).buyingCenter;
    const best = (c: any, key: string) => c.members.find((m: any) => m.person.id === ids[key]).bestPath;

    const open = await center();
    expect(open.coverage).toBe(1);
    expect(best(open, 'bert').nodes.map((n: any) => n.id)).toEqual([ids.kim, ids.link, ids.bert]);

    await restrict(ids.anna);
    const withoutAnna = await center();
    expect(withoutAnna.members.map((m: any) => m.person)).toEqual(
      expect.arrayContaining([{ id: ids.anna, restricted: true }, { id: ids.bert, restricted: false }]));
    expect(best(withoutAnna, 'anna')).toBeNull();
    expect(withoutAnna.coverage).toBe(1); // bert alone: 0.8 × 0.5 = 0.4 ≥ 0.3

    await restrict(ids.link);
    const withoutLink = await center();
    expect(best(withoutLink, 'bert')).toBeNull();
    expect(withoutLink.coverage).toBe(0);

    await lift(ids.anna);
    await lift(ids.link);
    expect(await center()).toEqual(open);
  });

  it('never carries or ends a dormant customer’s warm path', async () => {
    const ids = await server.importGraph({
      nodes: [
        node('User', 'kim'), node('Person', 'buyer'), node('Person', 'boss'), node('Person', 'friend'), node('Organization', 'sleepy'),
        { type: 'Order', key: 'o1', properties: { date: '2025-01-01', amount: 100 } },
      ],
      relationships: [
        rel('PLACED', 'sleepy', 'o1'), rel('WORKS_AT', 'buyer', 'sleepy'), rel('WORKS_AT', 'boss', 'sleepy'),
        knows('kim', 'friend', 1), knows('friend', 'buyer', 0.9), knows('kim', 'boss', 0.3),
      ],
    });
    const warmPath = async () => (await server.data(/* GraphQL */ `{ dormantCustomers(days: 180, asOf: "2026-06-30") {
      edges { node { bestWarmPath { nodes { id } } } } } }`)).dormantCustomers.edges[0].node.bestWarmPath;
    expect((await warmPath()).nodes.map((n: any) => n.id)).toEqual([ids.kim, ids.friend, ids.buyer]);
    await restrict(ids.friend);
    expect((await warmPath()).nodes.map((n: any) => n.id)).toEqual([ids.kim, ids.boss]);
    await restrict(ids.boss);
    expect(await warmPath()).toBeNull();
    await lift(ids.friend);
    await restrict(ids.buyer);
    expect(await warmPath()).toBeNull();
    await lift(ids.buyer);
    await lift(ids.boss);
    expect((await warmPath()).nodes.map((n: any) => n.id)).toEqual([ids.kim, ids.friend, ids.buyer]);
  });

  it('is never in an audience, and is neither counted as included nor as excluded', async () => {
    const consent = (key: string) => ({
      type: 'Consent' as const, key: `consent-${key}`,
      properties: { channel: 'EMAIL', purpose: 'newsletter', granted: true, at: '2026-01-01T00:00:00Z' },
    });
    const ids = await server.importGraph({
      nodes: [node('Person', 'anna'), node('Person', 'bert'), node('Person', 'cleo'), consent('anna'), consent('bert')],
      relationships: [rel('GAVE', 'anna', 'consent-anna'), rel('GAVE', 'bert', 'consent-bert')],
    });
    const audience = async () => (await server.data(/* GraphQL */ `{ audience(channel: EMAIL, purpose: "newsletter", asOf: "2026-06-30T00:00:00Z") {
      included excludedWithoutConsent people(first: 10) { edges { node { id } } } } }`)).audience;
    const selected = await audience();
    expect(selected.included).toBe(2);
    expect(selected.excludedWithoutConsent).toBe(1);
    await restrict(ids.anna);
    await restrict(ids.cleo);
    const restricted = await audience();
    expect(restricted.people.edges.map((e: any) => e.node.id)).toEqual([ids.bert]);
    expect([restricted.included, restricted.excludedWithoutConsent]).toEqual([1, 0]);
    await lift(ids.anna);
    await lift(ids.cleo);
    expect(await audience()).toEqual(selected);
  });
});
