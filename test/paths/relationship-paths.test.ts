import type { ImportNode, ImportRelationship } from '../../src/import';
import type { RelationshipTypeName } from '../../src/model/graph-model';
import { useTestServer } from '../support/test-server';
import { mulberry32 } from '../../src/random';
import { randomGraph, type GraphDocument } from '../support/random-graph';
import { allSimplePaths, edgesOf, rankPaths, type RefPath } from '../support/reference';

const PATH_FIELDS = /* GraphQL */ `fragment PathFields on RelationshipPath { strength hops nodes { id } steps { type fromId toId weight } }`;
const RELATIONSHIP_PATHS = /* GraphQL */ `query ($from: ID!, $to: ID!, $maxHops: Int, $first: Int, $types: [RelationshipType!]) {
  relationshipPaths(fromId: $from, toId: $to, maxHops: $maxHops, first: $first, relationshipTypes: $types) { ...PathFields }
} ${PATH_FIELDS}`;
const WARM_INTRODUCTIONS = /* GraphQL */ `query ($target: ID!, $users: [ID!], $maxHops: Int, $first: Int) {
  warmIntroductions(targetId: $target, fromUserIds: $users, maxHops: $maxHops, first: $first) { ...PathFields }
} ${PATH_FIELDS}`;

interface ApiPath {
  strength: number;
  hops: number;
  nodes: { id: string }[];
  steps: { type: string; fromId: string; toId: string; weight: number }[];
}

/** The API's answer must be the reference's, path for path, in the same order. */
function expectSamePaths(actual: ApiPath[], expected: RefPath[]) {
  expect(actual.map((p) => p.nodes.map((n) => n.id))).toEqual(expected.map((p) => p.nodeIds));
  expect(actual.map((p) => p.steps.map(({ type, fromId, toId }) => ({ type, fromId, toId })))).toEqual(
    expected.map((p) => p.steps.map(({ type, fromId, toId }) => ({ type, fromId, toId }))),
  );
  actual.forEach((path, i) => {
    expect(path.hops).toBe(expected[i].hops);
    expect(path.strength).toBeCloseTo(expected[i].strength, 10);
    path.steps.forEach((step, j) => expect(step.weight).toBeCloseTo(expected[i].steps[j].weight, 10));
  });
}

/** Transactions the database began and statements it ran while `request` ran (each request of the test server also signs in). */
async function costOf(db: { transactions: number; roundTrips: number }, request: () => Promise<unknown>) {
  const before = { transactions: db.transactions, statements: db.roundTrips };
  await request();
  return { transactions: db.transactions - before.transactions, statements: db.roundTrips - before.statements };
}

const person = (key: string): ImportNode => ({ type: 'Person', key, properties: { name: key } });
const user = (key: string): ImportNode => ({ type: 'User', key, properties: { name: key } });
const org = (key: string): ImportNode => ({ type: 'Organization', key, properties: { name: key } });
const knows = (from: string, to: string, strength?: number): ImportRelationship => ({
  type: 'KNOWS', from, to, properties: strength === undefined ? {} : { strength },
});
const rel = (type: RelationshipTypeName, from: string, to: string, properties: Record<string, unknown> = {}): ImportRelationship => ({ type, from, to, properties });

describe('relationshipPaths', () => {
  const { server } = useTestServer({ freshEach: true });

  const paths = async (variables: Record<string, unknown>) =>
    (await server.data<{ relationshipPaths: ApiPath[] }>(RELATIONSHIP_PATHS, variables)).relationshipPaths;
  const names = (ids: Record<string, string>, path: ApiPath) => {
    const byId = Object.fromEntries(Object.entries(ids).map(([key, id]) => [id, key]));
    return path.nodes.map((n) => byId[n.id]);
  };

  it('ranks the stronger of two equal-length paths first', async () => {
    const ids = await server.importGraph({
      nodes: [user('kim'), person('anna'), person('bert'), person('cleo')],
      relationships: [knows('kim', 'anna', 0.9), knows('anna', 'cleo', 0.5), knows('kim', 'bert', 0.6), knows('bert', 'cleo', 0.9)],
    });
    const result = await paths({ from: ids.kim, to: ids.cleo });
    expect(result.map((p) => names(ids, p))).toEqual([['kim', 'bert', 'cleo'], ['kim', 'anna', 'cleo']]);
    expect(result[0].strength).toBeCloseTo(0.54);
    expect(result[1].strength).toBeCloseTo(0.45);
  });

  it('prefers fewer hops on equal strength', async () => {
    const ids = await server.importGraph({
      nodes: [user('kim'), person('anna'), person('bert'), person('cleo')],
      relationships: [knows('kim', 'cleo', 0.5), knows('kim', 'anna', 1), knows('anna', 'bert', 0.5), knows('bert', 'cleo', 1)],
    });
    const result = await paths({ from: ids.kim, to: ids.cleo });
    expect(result.map((p) => p.hops)).toEqual([1, 3]);
    expect(result[0].strength).toBeCloseTo(result[1].strength);
  });

  it('orders equally strong paths of equal length by their node ids', async () => {
    const ids = await server.importGraph({
      nodes: [user('kim'), person('anna'), person('bert'), person('cleo')],
      relationships: [knows('kim', 'anna', 0.5), knows('anna', 'cleo', 0.8), knows('kim', 'bert', 0.8), knows('bert', 'cleo', 0.5)],
    });
    const result = await paths({ from: ids.kim, to: ids.cleo });
    const middles = result.map((p) => p.nodes[1].id);
    expect(middles).toEqual([ids.anna, ids.bert].sort());
  });

  it('gives two paths for two parallel relationships, each step in its stored direction', async () => {
    const ids = await server.importGraph({
      nodes: [person('anna'), person('boss')],
      relationships: [rel('REPORTS_TO', 'anna', 'boss'), knows('boss', 'anna', 0.3)],
    });
    const result = await paths({ from: ids.boss, to: ids.anna });
    expect(result.map((p) => p.steps)).toEqual([
      [{ type: 'REPORTS_TO', fromId: ids.anna, toId: ids.boss, weight: 0.8 }],
      [{ type: 'KNOWS', fromId: ids.boss, toId: ids.anna, weight: 0.3 }],
    ]);
  });

  it('weighs hops as DESIGN §4 says: default 0.5, REPORTS_TO 0.8, structural 0.5', async () => {
    const ids = await server.importGraph({
      nodes: [user('kim'), org('acme'), org('dist'), person('anna'), person('boss'), person('press')],
      relationships: [
        rel('MANAGES', 'kim', 'dist'), rel('SERVES', 'dist', 'acme'), rel('WORKS_AT', 'anna', 'acme'),
        rel('REPORTS_TO', 'anna', 'boss'), rel('INFLUENCES', 'press', 'boss'), knows('kim', 'press'),
      ],
    });
    const result = await paths({ from: ids.kim, to: ids.boss, maxHops: 6 });
    expect(result.map((p) => names(ids, p))).toEqual([['kim', 'press', 'boss'], ['kim', 'dist', 'acme', 'anna', 'boss']]);
    expect(result[0].strength).toBeCloseTo(0.25);
    expect(result[1].strength).toBeCloseTo(0.5 * 0.5 * 0.5 * 0.8);
  });

  it('never visits a node twice and keeps to maxHops', async () => {
    const ids = await server.importGraph({
      nodes: [user('kim'), person('a'), person('b'), person('c')],
      relationships: [knows('kim', 'a', 1), knows('a', 'b', 1), knows('b', 'kim', 1), knows('b', 'c', 0.2)],
    });
    const result = await paths({ from: ids.kim, to: ids.c, maxHops: 2 });
    expect(result.map((p) => names(ids, p))).toEqual([['kim', 'b', 'c']]);
    const longer = await paths({ from: ids.kim, to: ids.c, maxHops: 3 });
    expect(longer.map((p) => names(ids, p))).toEqual([['kim', 'b', 'c'], ['kim', 'a', 'b', 'c']]);
  });

  it('walks only the relationship types asked for', async () => {
    const ids = await server.importGraph({
      nodes: [person('anna'), person('boss'), person('carl')],
      relationships: [rel('REPORTS_TO', 'anna', 'boss'), knows('boss', 'carl', 0.9), knows('anna', 'carl', 0.1)],
    });
    const result = await paths({ from: ids.anna, to: ids.carl, types: ['KNOWS'] });
    expect(result.map((p) => names(ids, p))).toEqual([['anna', 'carl']]);
  });

  it('answers an empty list when the target is out of reach', async () => {
    const ids = await server.importGraph({ nodes: [user('kim'), person('anna'), person('zoe')], relationships: [knows('kim', 'anna')] });
    expect(await paths({ from: ids.kim, to: ids.zoe, maxHops: 6 })).toEqual([]);
  });

  it("looks up the ends, searches and reads the paths' nodes in one statement", async () => {
    const chain = ['kim', 'p1', 'p2', 'p3', 'p4', 'cleo'];
    const ids = await server.importGraph({
      nodes: [user('kim'), person('p1'), person('p2'), person('p3'), person('p4'), person('cleo'), person('dora')],
      relationships: [
        ...chain.slice(1).map((key, i) => knows(chain[i], key, 0.9)),
        knows('kim', 'dora', 0.5), knows('dora', 'cleo', 0.5),
      ],
    });
    const query = /* GraphQL */ `query ($from: ID!, $to: ID!) {
      relationshipPaths(fromId: $from, toId: $to, maxHops: 6, first: 5) { nodes { id ... on Person { name } } }
    }`;
    const signIn = await costOf(server.db, () => server.data('{ __typename }'));
    let relationshipPaths: { nodes: { id: string; name?: string }[] }[] = [];
    const used = await costOf(server.db, async () => ({ relationshipPaths } = await server.data(query, { from: ids.kim, to: ids.cleo })));
    expect(relationshipPaths.map((path) => path.nodes.map((node) => node.id))).toEqual([chain.map((key) => ids[key]), ['kim', 'dora', 'cleo'].map((key) => ids[key])]);
    expect(relationshipPaths[0].nodes.slice(1).map((node) => node.name)).toEqual(chain.slice(1));
    expect(used.transactions - signIn.transactions).toBe(1);
    expect(used.statements - signIn.statements).toBe(1);
  });

  it('refuses an unknown or restricted end from the answer of that one statement', async () => {
    const ids = await server.importGraph({ nodes: [user('kim'), person('anna'), person('bert')], relationships: [knows('kim', 'anna'), knows('anna', 'bert')] });
    await server.data('mutation ($id: ID!) { restrictProcessing(personId: $id, reason: "objection (test)") { id } }', { id: ids.bert });
    const signIn = await costOf(server.db, () => server.data('{ __typename }'));
    for (const [variables, code, message] of [
      [{ from: ids.kim, to: 'no-such-id' }, 'NOT_FOUND', 'No node with id "no-such-id" exists'],
      [{ from: 'no-such-id', to: 'nor-this' }, 'NOT_FOUND', 'No node with id "no-such-id" exists'],
      [{ from: ids.kim, to: ids.bert }, 'BAD_USER_INPUT', `Person ${ids.bert} is restricted`],
    ] as const) {
      let errors: { message: string; extensions?: Record<string, unknown> }[] | undefined;
      const used = await costOf(server.db, async () => ({ errors } = await server.gql(RELATIONSHIP_PATHS, variables)));
      expect(errors).toEqual([expect.objectContaining({ message: expect.stringContaining(message), extensions: expect.objectContaining({ code }) })]);
      expect(used.transactions - signIn.transactions).toBe(1);
      expect(used.statements - signIn.statements).toBe(1);
    }
  });

  it('answers all the path fields of a request in one transaction, a statement each', async () => {
    const ids = await server.importGraph({
      nodes: [user('kim'), user('lea'), person('anna'), person('cleo')],
      relationships: [knows('kim', 'anna', 0.4), knows('anna', 'cleo', 1), knows('lea', 'cleo', 0.6)],
    });
    const query = /* GraphQL */ `query ($kim: ID!, $anna: ID!, $cleo: ID!) {
      toCleo: relationshipPaths(fromId: $kim, toId: $cleo) { nodes { id } }
      toAnna: relationshipPaths(fromId: $kim, toId: $anna) { nodes { id } }
      warm: warmIntroductions(targetId: $cleo) { nodes { id } }
    }`;
    const signIn = await costOf(server.db, () => server.data('{ __typename }'));
    let answer: Record<string, { nodes: { id: string }[] }[]> = {};
    const used = await costOf(server.db, async () => (answer = await server.data(query, { kim: ids.kim, anna: ids.anna, cleo: ids.cleo })));
    const routes = (paths: { nodes: { id: string }[] }[]) => paths.map((path) => path.nodes.map((node) => node.id));
    expect(routes(answer.toCleo)).toEqual([[ids.kim, ids.anna, ids.cleo]]);
    expect(routes(answer.toAnna)).toEqual([[ids.kim, ids.anna]]);
    expect(routes(answer.warm)).toEqual([[ids.lea, ids.cleo], [ids.kim, ids.anna, ids.cleo]]);
    expect(used.transactions - signIn.transactions).toBe(1);
    expect(used.statements - signIn.statements).toBe(3);
  });

  it('answers a request whose path fields are all refused with the refusal of the first field asked', async () => {
    const ids = await server.importGraph({ nodes: [user('kim'), person('anna')], relationships: [knows('kim', 'anna')] });
    await server.data('mutation ($id: ID!) { restrictProcessing(personId: $id, reason: "objection (test)") { id } }', { id: ids.anna });
    // The fields are not null: the first refusal makes the whole answer, so it must not depend on which search finishes first.
    const query = /* GraphQL */ `query ($kim: ID!, $anna: ID!) {
      first: relationshipPaths(fromId: $kim, toId: "no-such-id") { hops }
      second: warmIntroductions(targetId: $anna) { hops }
      third: relationshipPaths(fromId: "nor-this", toId: $anna) { hops }
    }`;
    for (let i = 0; i < 5; i++) {
      const { data, errors } = await server.gql(query, { kim: ids.kim, anna: ids.anna });
      expect(data).toBeNull();
      expect(errors?.map((error) => [error.path, error.extensions?.code])).toEqual([[['first'], 'NOT_FOUND']]);
    }
  });

  it('refuses caps and bad ids with BAD_USER_INPUT and NOT_FOUND', async () => {
    const ids = await server.importGraph({ nodes: [user('kim'), person('anna')], relationships: [knows('kim', 'anna')] });
    const code = async (variables: Record<string, unknown>) =>
      (await server.gql(RELATIONSHIP_PATHS, variables)).errors?.[0]?.extensions?.code;
    expect(await code({ from: ids.kim, to: ids.anna, maxHops: 7 })).toBe('BAD_USER_INPUT');
    expect(await code({ from: ids.kim, to: ids.anna, maxHops: 0 })).toBe('BAD_USER_INPUT');
    expect(await code({ from: ids.kim, to: ids.anna, first: 51 })).toBe('BAD_USER_INPUT');
    expect(await code({ from: ids.kim, to: ids.anna, first: 0 })).toBe('BAD_USER_INPUT');
    expect(await code({ from: ids.kim, to: ids.anna, types: [] })).toBe('BAD_USER_INPUT');
    expect(await code({ from: ids.kim, to: ids.kim })).toBe('BAD_USER_INPUT');
    expect(await code({ from: ids.kim, to: 'no-such-id' })).toBe('NOT_FOUND');
    expect(await code({ from: 'no-such-id', to: ids.anna })).toBe('NOT_FOUND');
    expect(await code({ from: ids.kim, to: ids.anna, maxHops: 6, first: 50 })).toBeUndefined();
  });

  it.each([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])('agrees with a brute-force enumeration on random graph %i', async (seed) => {
    const doc: GraphDocument = randomGraph(seed);
    const ids = await server.importGraph(doc);
    const edges = edgesOf(doc, ids);
    const rnd = mulberry32(seed * 7919);
    const keys = doc.nodes.map((n) => n.key);
    const pairs: [string, string][] = [[keys[0], 'island']];
    while (pairs.length < 6) {
      const a = keys[Math.floor(rnd() * keys.length)];
      const b = keys[Math.floor(rnd() * keys.length)];
      if (a !== b) pairs.push([a, b]);
    }
    let compared = 0;
    const typeChoices = [undefined, undefined, ['KNOWS', 'WORKS_AT'], ['INFLUENCES', 'SERVES', 'SUBSIDIARY_OF', 'REPORTS_TO'], ['KNOWS']];
    for (const [index, [from, to]] of pairs.entries()) {
      const maxHops = 1 + Math.floor(rnd() * 6);
      const first = [1, 3, 5, 50][index % 4];
      const types = typeChoices[Math.floor(rnd() * typeChoices.length)];
      const expected = rankPaths(allSimplePaths(edges, ids[from], ids[to], maxHops, types)).slice(0, first);
      const actual = await paths({ from: ids[from], to: ids[to], maxHops, first, types });
      expectSamePaths(actual, expected);
      compared += expected.length;
    }
    // The pairs are random: make sure the seed still compared real paths, not only empty lists.
    expect(compared).toBeGreaterThan(0);
  });
});

describe('warmIntroductions', () => {
  const { server } = useTestServer({ freshEach: true });

  const warm = async (variables: Record<string, unknown>) =>
    (await server.data<{ warmIntroductions: ApiPath[] }>(WARM_INTRODUCTIONS, variables)).warmIntroductions;

  it('ranks the paths of every user in one list, through other users too', async () => {
    const ids = await server.importGraph({
      nodes: [user('kim'), user('lea'), person('anna'), person('cleo')],
      relationships: [knows('kim', 'anna', 0.4), knows('anna', 'cleo', 1), knows('lea', 'cleo', 0.6), knows('kim', 'lea', 0.5)],
    });
    const byId = Object.fromEntries(Object.entries(ids).map(([key, id]) => [id, key]));
    const route = (p: ApiPath) => p.nodes.map((n) => byId[n.id]).join('>');
    const result = await warm({ target: ids.cleo });
    expect(result.map(route)).toEqual(['lea>cleo', 'kim>anna>cleo', 'kim>lea>cleo', 'lea>kim>anna>cleo']);
    expect(result.map((p) => p.strength)).toEqual([0.6, 0.4, 0.3, 0.2].map((s) => expect.closeTo(s, 10)));
    const onlyKim = await warm({ target: ids.cleo, users: [ids.kim] });
    expect(onlyKim.map(route)).toEqual(['kim>anna>cleo', 'kim>lea>cleo']);
  });

  it("looks up the target and users, finds the users, searches and reads the paths' nodes in one statement", async () => {
    const ids = await server.importGraph({
      nodes: [user('kim'), user('lea'), person('anna'), person('cleo')],
      relationships: [knows('kim', 'anna', 0.4), knows('anna', 'cleo', 1), knows('lea', 'cleo', 0.6)],
    });
    for (const users of [undefined, [ids.kim, ids.lea]]) {
      const signIn = await costOf(server.db, () => server.data('{ __typename }'));
      let result: ApiPath[] = [];
      const used = await costOf(server.db, async () => (result = await warm({ target: ids.cleo, users })));
      expect(result.map((p) => p.nodes.map((n) => n.id))).toEqual([[ids.lea, ids.cleo], [ids.kim, ids.anna, ids.cleo]]);
      expect(used.transactions - signIn.transactions).toBe(1);
      expect(used.statements - signIn.statements).toBe(1);
    }
  });

  it('refuses non-users, unknown ids and caps', async () => {
    const ids = await server.importGraph({ nodes: [user('kim'), person('anna')], relationships: [knows('kim', 'anna')] });
    const code = async (variables: Record<string, unknown>) =>
      (await server.gql(WARM_INTRODUCTIONS, variables)).errors?.[0]?.extensions?.code;
    expect(await code({ target: ids.anna, users: [ids.anna] })).toBe('BAD_USER_INPUT');
    expect(await code({ target: ids.anna, users: ['no-such-id'] })).toBe('NOT_FOUND');
    expect(await code({ target: 'no-such-id' })).toBe('NOT_FOUND');
    expect(await code({ target: ids.anna, maxHops: 7 })).toBe('BAD_USER_INPUT');
    expect(await code({ target: ids.anna, first: 51 })).toBe('BAD_USER_INPUT');
  });

  it.each([11, 12, 13, 14, 15, 16, 17, 18, 19, 20])('agrees with a brute-force enumeration on random graph %i', async (seed) => {
    const doc = randomGraph(seed);
    const ids = await server.importGraph(doc);
    const edges = edgesOf(doc, ids);
    const rnd = mulberry32(seed * 104729);
    const users = doc.nodes.filter((n) => n.type === 'User').map((n) => n.key);
    for (const target of [...doc.nodes.map((n) => n.key).filter(() => rnd() < 0.4), 'island', users[0]]) {
      const maxHops = 2 + Math.floor(rnd() * 5);
      const first = 1 + Math.floor(rnd() * 12);
      const fromUsers = rnd() < 0.5 ? undefined : users.filter(() => rnd() < 0.6);
      if (fromUsers && fromUsers.length === 0) continue;
      const starts = (fromUsers ?? users).filter((u) => u !== target);
      const expected = rankPaths(starts.flatMap((u) => allSimplePaths(edges, ids[u], ids[target], maxHops))).slice(0, first);
      const actual = await warm({ target: ids[target], users: fromUsers?.map((u) => ids[u]), maxHops, first });
      expectSamePaths(actual, expected);
    }
  });
});
