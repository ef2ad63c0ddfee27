import type { PathRow } from '../../src/paths/path-row';
import { param } from '../../src/neo4j/values';
import { mulberry32 } from '../../src/random';
import { startTestServer, type TestServer } from '../support/test-server';
import { expectSamePaths, referenceAsSeen } from '../support/reference';
import { hubGraph } from './hub-graph';

/**
 * The path procedure keeps the relationships it read in a cache shared by every later call. Each
 * test searches first (filling the cache around the hub and the users), then writes — through the
 * API or Cypher — and searches again: the answer must be the brute force's on the new graph,
 * which a cache that missed a write would not give.
 */
const PROCEDURE_TO_EACH = `
CALL xrm.strongestPathsToEach($fromIds, $toIds, $maxHops, $first, $types, $options) YIELD toId, strength, hops, nodeIds, steps
RETURN toId, strength, hops, nodeIds, steps`;
const CACHE = 'CALL xrm.adjacencyCache() YIELD enabled, nodes, hits RETURN enabled, nodes, hits';
const TYPES = ['KNOWS', 'REPORTS_TO', 'WORKS_AT', 'INFLUENCES', 'SERVES', 'SUBSIDIARY_OF', 'MANAGES', 'REFERRED'];
const LINK_KNOWS = /* GraphQL */ `mutation ($input: KnowsInput!) { linkKnows(input: $input) { type } }`;
const UNLINK_KNOWS = /* GraphQL */ `mutation ($from: ID!, $to: ID!) { unlinkKnows(fromId: $from, toId: $to) }`;
const RESTRICT = /* GraphQL */ `mutation ($id: ID!) { restrictProcessing(personId: $id, reason: "objection by e-mail") { id } }`;
const SET_STRENGTH = 'MATCH (:Entity {id: $from})-[r:KNOWS]-(:Entity {id: $to}) SET r.strength = $strength';
const ADD_KNOWS = 'MATCH (a:Entity {id: $from}), (b:Entity {id: $to}) CREATE (a)-[:KNOWS {strength: $strength}]->(b)';
const DELETE_NODE = 'MATCH (n:Entity {id: $id}) DETACH DELETE n';

type Query = { fromIds: string[]; maxHops: number; first: number; types?: string[] };

describe("the path procedure's shared cache of relationships", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.stop());
  beforeEach(() => server.reset());

  /** Sets up a hub graph and its ids, with a helper that compares every search with the brute force on `doc` as it now is. */
  async function hubWorld(seed: number) {
    const doc = hubGraph(seed * 577);
    const ids = await server.importGraph(doc);
    const users = doc.nodes.filter((n) => n.type === 'User').map((n) => ids[n.key]);
    const queries: Query[] = [
      { fromIds: [ids.hub], maxHops: 4, first: 3 },
      { fromIds: [users[0]], maxHops: 6, first: 5 },
      { fromIds: users, maxHops: 5, first: 2 },
    ];
    const restricted = new Set<string>();
    const expectReference = async (run: (cypher: string, params: Record<string, unknown>) => Promise<unknown[]> = (c, p) => server.db.read(c, p)) => {
      const all = doc.nodes.map((n) => ids[n.key]);
      const usable = all.filter((id) => !restricted.has(id));
      let compared = 0;
      for (const { fromIds, maxHops, first, types = TYPES } of queries) {
        const rows = (await run(PROCEDURE_TO_EACH, {
          fromIds: fromIds.filter((id) => all.includes(id)), toIds: all, maxHops: param.integer(maxHops), first: param.integer(first), types, options: {},
        })) as (PathRow & { toId: string })[];
        for (const toId of all) {
          const expected = referenceAsSeen(doc, ids, { fromIds: fromIds.filter((id) => all.includes(id)), toId, maxHops, first, types, visible: usable });
          compared += expected.length;
          expectSamePaths(rows.filter((row) => row.toId === toId), expected);
        }
      }
      expect(compared).toBeGreaterThan(0);
    };
    const knowsOf = (key: string) => doc.relationships.filter((r) => r.type === 'KNOWS' && (r.from === key || r.to === key));
    return { doc, ids, users, queries, restricted, expectReference, knowsOf };
  }

  const cacheHits = async () => (await server.db.read<{ enabled: boolean; nodes: number; hits: number }>(CACHE))[0];

  it('serves a repeated search from the cache', async () => {
    const { expectReference } = await hubWorld(1);
    await expectReference();
    const before = await cacheHits();
    await expectReference();
    const after = await cacheHits();
    expect(before.enabled).toBe(true);
    expect(before.nodes).toBeGreaterThan(0);
    expect(after.hits).toBeGreaterThan(before.hits);
  });

  it.each([1, 2, 3])('walks only the asked types of nodes it holds every type of, in turn with other type sets (seed %i)', async (seed) => {
    const { queries, expectReference } = await hubWorld(seed);
    await expectReference();
    // The cache keeps each node's edges sorted for the type set last asked: every set must get its own, never another's.
    const original = queries.map((query) => ({ ...query }));
    for (const types of [['KNOWS'], ['KNOWS', 'WORKS_AT', 'REPORTS_TO'], TYPES, ['REPORTS_TO', 'INFLUENCES', 'SERVES'], ['KNOWS'], TYPES]) {
      queries.splice(0, queries.length, ...original.map((query) => ({ ...query, types })));
      await expectReference();
    }
  });

  it.each([1, 2, 3])('answers with the new weights after KNOWS strengths change through the API (seed %i)', async (seed) => {
    const { doc, ids, expectReference, knowsOf } = await hubWorld(seed);
    await expectReference();
    const random = mulberry32(seed);
    // The hub's KNOWS are in every cached neighbourhood around it.
    const changed = [...knowsOf('hub').slice(0, 3), ...doc.relationships.filter((r) => r.type === 'KNOWS' && r.from !== 'hub' && r.to !== 'hub').slice(0, 2)];
    for (const relationship of changed) {
      const strength = [0.05, 0.4, 0.95, 1][Math.floor(random() * 4)];
      await server.data(LINK_KNOWS, { input: { fromId: ids[relationship.from], toId: ids[relationship.to], strength } });
      relationship.properties = { ...relationship.properties, strength };
    }
    await expectReference();
  });

  it.each([1, 2, 3])('sees relationships added and removed, by Cypher and through the API (seed %i)', async (seed) => {
    const { doc, ids, expectReference, knowsOf } = await hubWorld(seed);
    await expectReference();
    const people = doc.nodes.filter((n) => n.type === 'Person' && n.key !== 'island').map((n) => n.key);
    // A strong new KNOWS between two people the hub knows opens paths the cache had never seen.
    const [a, b] = [people[people.length - 1], people[people.length - 2]];
    if (!doc.relationships.some((r) => r.type === 'KNOWS' && [r.from, r.to].sort().join() === [a, b].sort().join())) {
      await server.db.write(ADD_KNOWS, { from: ids[a], to: ids[b], strength: 1 });
      doc.relationships.push({ type: 'KNOWS', from: a, to: b, properties: { strength: 1 } });
    }
    await server.db.write(ADD_KNOWS, { from: ids.island, to: ids.hub, strength: 0.9 });
    doc.relationships.push({ type: 'KNOWS', from: 'island', to: 'hub', properties: { strength: 0.9 } });
    await expectReference();
    for (const removed of knowsOf('hub').slice(0, 3)) {
      expect((await server.data<{ unlinkKnows: boolean }>(UNLINK_KNOWS, { from: ids[removed.from], to: ids[removed.to] })).unlinkKnows).toBe(true);
      doc.relationships.splice(doc.relationships.indexOf(removed), 1);
    }
    await expectReference();
  });

  it('leaves out a person restricted through the API, and forgets a deleted node whose id a new one may take', async () => {
    const { doc, ids, restricted, expectReference, knowsOf } = await hubWorld(4);
    await expectReference();
    // The hub's best-known contact carries many of the strongest paths.
    const contact = knowsOf('hub').map((r) => (r.from === 'hub' ? r.to : r.from)).find((key) => doc.nodes.some((n) => n.key === key && n.type === 'Person'))!;
    await server.data(RESTRICT, { id: ids[contact] });
    restricted.add(ids[contact]);
    await expectReference();

    const gone = doc.nodes.find((n) => n.type === 'Person' && n.key !== 'hub' && n.key !== contact && knowsOf(n.key).length > 0)!;
    await server.db.write(DELETE_NODE, { id: ids[gone.key] });
    doc.nodes.splice(doc.nodes.indexOf(gone), 1);
    doc.relationships = doc.relationships.filter((r) => r.from !== gone.key && r.to !== gone.key);
    await expectReference();

    // A new person, linked to the hub, may be stored under the deleted one's internal id.
    const newcomer = (await server.db.write<{ id: string }>(
      `MATCH (hub:Entity {id: $hub}) CREATE (p:Entity:Person {id: randomUUID(), key: 'newcomer', name: 'newcomer', nameKey: 'newcomer'})-[:KNOWS {strength: 1}]->(hub) RETURN p.id AS id`,
      { hub: ids.hub },
    ))[0].id;
    ids.newcomer = newcomer;
    doc.nodes.push({ type: 'Person', key: 'newcomer', properties: { name: 'newcomer' } });
    doc.relationships.push({ type: 'KNOWS', from: 'newcomer', to: 'hub', properties: { strength: 1 } });
    await expectReference();
  });

  it('answers a transaction with its own changes from them, and leaves no trace of it when it rolls back', async () => {
    const { ids, expectReference, knowsOf } = await hubWorld(5);
    await expectReference();
    const relationship = knowsOf('hub')[0];
    const original = relationship.properties;
    const rolledBack = new Error('rolled back on purpose');
    await expect(
      server.db.writeTransaction(async (tx) => {
        await tx.run(SET_STRENGTH, { from: ids[relationship.from], to: ids[relationship.to], strength: 1 });
        relationship.properties = { strength: 1 };
        await expectReference((cypher, params) => tx.run(cypher, params));
        throw rolledBack;
      }),
    ).rejects.toBe(rolledBack);
    relationship.properties = original;
    await expectReference();
  });

  it('gives every search after a write the written weights while other searches fill the cache meanwhile', async () => {
    const { ids, users, expectReference, knowsOf } = await hubWorld(6);
    const random = mulberry32(6);
    const busy = () =>
      server.db.read(PROCEDURE_TO_EACH, {
        fromIds: users, toIds: [ids.hub, ids.p0, ids.p1, ids.p2], maxHops: param.integer(6), first: param.integer(5), types: TYPES, options: {},
      });
    for (let round = 0; round < 8; round++) {
      const relationship = knowsOf('hub')[round % knowsOf('hub').length];
      const strength = [0.05, 0.3, 0.7, 1][Math.floor(random() * 4)];
      const meanwhile = [busy(), busy(), busy()];
      await server.db.write(SET_STRENGTH, { from: ids[relationship.from], to: ids[relationship.to], strength });
      relationship.properties = { strength };
      await expectReference();
      await Promise.all(meanwhile);
    }
  });
});
