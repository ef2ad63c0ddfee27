import pino from 'pino';
import { ScopedDatabase } from '../../src/neo4j/scoped-database';
import type { PathRow } from '../../src/paths/path-row';
import type { EndRow } from '../../src/paths/path-ends';
import { bestPathsToTargets, strongestPaths } from '../../src/paths/strongest-paths';
import { EVERY_USER } from '../../src/paths/sources';
import { param } from '../../src/neo4j/values';
import { startTestServer, type TestServer } from '../support/test-server';
import { hubGraph } from './hub-graph';
import { mulberry32 } from '../../src/random';
import { randomGraph, type GraphDocument } from '../support/random-graph';
import { allSimplePaths, edgesOf, expectSamePaths, rankPaths } from '../support/reference';

/**
 * Both places the path search runs — inside Neo4j (the procedures xrm.strongestPaths and
 * xrm.strongestPathsToEach) and in TypeScript (the fallback for a server without the plugin) —
 * against the brute force, on sparse
 * graphs (a side is finished at once) and on graphs with hubs (thresholds fall round by round).
 * The procedure also runs with its shortcuts turned off and turned up, so that every branch of it
 * meets the reference on a graph small enough to enumerate.
 */
const STAKEHOLDER = ['KNOWS', 'REPORTS_TO', 'WORKS_AT', 'INFLUENCES', 'SERVES', 'SUBSIDIARY_OF', 'MANAGES', 'REFERRED'];

const PROCEDURE = `
CALL xrm.strongestPaths($fromIds, $toId, $maxHops, $first, $types, $options) YIELD strength, hops, nodeIds, steps
RETURN strength, hops, nodeIds, steps`;

const PROCEDURE_TO_EACH = `
CALL xrm.strongestPathsToEach($fromIds, $toIds, $maxHops, $first, $types, $options) YIELD toId, strength, hops, nodeIds, steps
RETURN toId, strength, hops, nodeIds, steps`;

/** The procedure's knobs: as shipped, every shortcut off, every shortcut always on. */
const PROCEDURE_SETTINGS: Record<string, Record<string, number>> = {
  shipped: {},
  'rounds only': { finishBudget: 0, ringIndexLimit: 0, ballBudget: 0 },
  'finish at once': { finishBudget: 1e9, ringIndexLimit: 1e9, ballBudget: 1e9 },
};

interface Query {
  fromIds: string[];
  toId: string;
  maxHops: number;
  first: number;
  relationshipTypes?: string[];
}

/** Random questions on a graph: pairs, several sources, every maxHops, a few `first` and type choices. */
function questions(doc: GraphDocument, ids: Record<string, string>, seed: number): Query[] {
  const rnd = mulberry32(seed);
  const keys = doc.nodes.map((n) => n.key);
  const users = doc.nodes.filter((n) => n.type === 'User').map((n) => ids[n.key]);
  const typeChoices = [undefined, undefined, undefined, ['KNOWS', 'WORKS_AT', 'SERVES'], ['KNOWS', 'INFLUENCES', 'REPORTS_TO']];
  const out: Query[] = [{ fromIds: [ids[keys[0]]], toId: ids.island, maxHops: 6, first: 5 }];
  while (out.length < 8) {
    const from = keys[Math.floor(rnd() * keys.length)];
    const to = keys[Math.floor(rnd() * keys.length)];
    if (from === to) continue;
    out.push({
      fromIds: out.length % 4 === 3 ? users : [ids[from]],
      toId: ids[to],
      maxHops: 1 + Math.floor(rnd() * 6),
      first: [1, 3, 5, 50][out.length % 4],
      relationshipTypes: typeChoices[Math.floor(rnd() * typeChoices.length)],
    });
  }
  return out;
}

const reference = (doc: GraphDocument, ids: Record<string, string>, query: Query) =>
  rankPaths(
    query.fromIds.filter((id) => id !== query.toId).flatMap((from) => allSimplePaths(edgesOf(doc, ids), from, query.toId, query.maxHops, query.relationshipTypes)),
  ).slice(0, query.first);

describe('the path search, inside Neo4j and in TypeScript', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.stop());
  beforeEach(() => server.reset());

  const graphs: [string, (seed: number) => GraphDocument, number[]][] = [
    ['sparse', randomGraph, [31, 32, 33, 34, 35, 36]],
    ['with hubs', hubGraph, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]],
  ];
  const cases = graphs.flatMap(([kind, make, seeds]) => seeds.map((seed) => [kind, seed, make] as const));

  it.each(cases)('agree with the brute force on a %s graph (seed %i)', async (_kind, seed, make) => {
    const doc = make(seed);
    const ids = await server.importGraph(doc);
    let compared = 0;
    for (const query of questions(doc, ids, seed * 31337)) {
      const expected = reference(doc, ids, query);
      compared += expected.length;
      expectSamePaths(await strongestPaths(server.db, query, { engine: 'client' }), expected);
      expectSamePaths(await strongestPaths(server.db, query), expected);
      for (const options of Object.values(PROCEDURE_SETTINGS)) {
        const rows = await server.db.read<PathRow>(PROCEDURE, {
          fromIds: query.fromIds, toId: query.toId, maxHops: param.integer(query.maxHops), first: param.integer(query.first),
          types: query.relationshipTypes ?? STAKEHOLDER, options,
        });
        expectSamePaths(rows, expected);
      }
    }
    expect(compared).toBeGreaterThan(0);
  });

  it.each([1, 2, 3])('find the best path from every user to every member of a group at once, as the buying center asks (seed %i)', async (seed) => {
    const doc = hubGraph(seed * 101);
    const ids = await server.importGraph(doc);
    const users = doc.nodes.filter((n) => n.type === 'User').map((n) => ids[n.key]);
    const targets = doc.nodes.filter((n) => n.type === 'Person').map((n) => ids[n.key]);
    for (const engine of ['auto', 'client'] as const) {
      const best = await bestPathsToTargets(server.db, { fromIds: EVERY_USER, targetIds: targets, maxHops: 4 }, { engine });
      expect([...best.keys()].sort()).toEqual([...targets].sort());
      for (const target of targets) {
        const [expected] = reference(doc, ids, { fromIds: users, toId: target, maxHops: 4, first: 1 });
        const actual = best.get(target);
        expectSamePaths(actual ? [actual] : [], expected ? [expected] : []);
      }
    }
  });

  it.each([1, 2, 3])('answer each target of one call as if it were asked alone, a target among the sources too (seed %i)', async (seed) => {
    const doc = hubGraph(seed * 13);
    const ids = await server.importGraph(doc);
    const random = mulberry32(seed * 101);
    const all = doc.nodes.map((node) => ids[node.key]);
    const fromIds = all.filter(() => random() < 0.2);
    // Some targets are sources as well: their own paths start from the other sources only.
    const toIds = [...fromIds.slice(0, 2), ...all.filter((id) => !fromIds.includes(id) && random() < 0.3)];
    let compared = 0;
    for (const [maxHops, first] of [[4, 1], [5, 5]]) {
      for (const options of Object.values(PROCEDURE_SETTINGS)) {
        const rows = await server.db.read<PathRow & { toId: string }>(PROCEDURE_TO_EACH, {
          fromIds, toIds, maxHops: param.integer(maxHops), first: param.integer(first), types: STAKEHOLDER, options,
        });
        for (const toId of toIds) {
          const expected = reference(doc, ids, { fromIds, toId, maxHops, first });
          compared += expected.length;
          expectSamePaths(rows.filter((row) => row.toId === toId), expected);
        }
      }
    }
    expect(compared).toBeGreaterThan(0);
  });

  it.each(['auto', 'client'] as const)('look up the nodes a question names, and search only when each is visible and usable (%s)', async (engine) => {
    const ids = await server.importGraph({
      nodes: ['kim', 'anna', 'bert', 'cleo', 'dora', 'emil'].map((key) => ({ type: key === 'kim' ? 'User' : 'Person', key, properties: { name: key } })),
      relationships: [['kim', 'anna', 0.9], ['anna', 'cleo', 0.9], ['kim', 'bert', 0.5], ['bert', 'cleo', 0.5], ['anna', 'dora', 0.5], ['anna', 'emil', 0.5]]
        .map(([from, to, strength]) => ({ type: 'KNOWS' as const, from: from as string, to: to as string, properties: { strength } })),
    });
    await server.data('mutation ($id: ID!) { restrictProcessing(personId: $id, reason: "objection (test)") { id } }', { id: ids.dora });
    const withoutEmil = new ScopedDatabase(server.db, async () => Object.values(ids).filter((id) => id !== ids.emil), pino({ level: 'silent' }));
    const ask = async (db: typeof server.db | ScopedDatabase, endIds: string[]) => {
      const found = new Map<string, EndRow>();
      const paths = await strongestPaths(db, { fromIds: [ids.kim], toId: ids.cleo, maxHops: 4, first: 5 }, { engine, ends: { ids: endIds, found } });
      const names = (nodeIds: string[]) => nodeIds.map((id) => Object.keys(ids).find((key) => ids[key] === id)).join('>');
      return { found: Object.fromEntries([...found.values()].map((end) => [names([end.id]), [end.__typename, end.restricted ?? false]])), paths: paths.map((path) => names(path.nodeIds)) };
    };
    // kim>anna>cleo: 0.9 × 0.9 = 0.81; kim>bert>cleo: 0.5 × 0.5 = 0.25.
    expect(await ask(server.db, [ids.kim, ids.cleo])).toEqual({ found: { kim: ['User', false], cleo: ['Person', false] }, paths: ['kim>anna>cleo', 'kim>bert>cleo'] });
    // The same search, but naming also an unknown id, a restricted person, a node the view hides: no search.
    expect(await ask(server.db, [ids.kim, ids.cleo, 'no-such-id'])).toEqual({ found: { kim: ['User', false], cleo: ['Person', false] }, paths: [] });
    expect(await ask(server.db, [ids.kim, ids.cleo, ids.dora])).toEqual({ found: { kim: ['User', false], cleo: ['Person', false], dora: ['Person', true] }, paths: [] });
    expect(await ask(withoutEmil, [ids.kim, ids.cleo, ids.emil])).toEqual({ found: { kim: ['User', false], cleo: ['Person', false] }, paths: [] });
    expect(await ask(server.db, [ids.kim, ids.cleo, ids.emil])).toEqual({ found: { kim: ['User', false], cleo: ['Person', false], emil: ['Person', false] }, paths: ['kim>anna>cleo', 'kim>bert>cleo'] });
  });

  it.each([1, 2, 3])("walk only through the nodes a partner may see, a hidden one as if it were not there (seed %i)", async (seed) => {
    const doc = hubGraph(seed * 7);
    const ids = await server.importGraph(doc);
    const random = mulberry32(seed);
    const hidden = new Set(doc.nodes.filter(() => random() < 0.25).map((node) => node.key));
    const visibleGraph: GraphDocument = {
      nodes: doc.nodes.filter((node) => !hidden.has(node.key)),
      relationships: doc.relationships.filter((r) => !hidden.has(r.from) && !hidden.has(r.to)),
    };
    const visibleIds = visibleGraph.nodes.map((node) => ids[node.key]);
    const partnerView = new ScopedDatabase(server.db, async () => visibleIds, pino({ level: 'silent' }));
    let compared = 0;
    for (const query of questions(doc, ids, seed * 7919)) {
      const expected = reference(visibleGraph, ids, query);
      compared += expected.length;
      expectSamePaths(await strongestPaths(partnerView, query), expected);
      expectSamePaths(await strongestPaths(partnerView, query, { engine: 'client' }), expected);
    }
    expect(compared).toBeGreaterThan(0);
  });
});
