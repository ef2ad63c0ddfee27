import type { PathRow } from '../../src/paths/path-row';
import { param } from '../../src/neo4j/values';
import { mulberry32 } from '../../src/random';
import { startTestServer, type TestServer } from '../support/test-server';
import type { GraphDocument } from '../support/random-graph';
import { allSimplePaths, edgesOf, expectSamePaths, rankPaths, type RefPath } from '../support/reference';

/**
 * The path procedure prunes a partial path by hop distances from the other end, explored breadth
 * first within a budget of relationships; a layer that cannot be finished within it is not read
 * at all, and the distances then stop at the last full layer. Whatever budget cuts them, the
 * bounds must stay lower bounds: checked against the brute force on graphs of two dense hubs
 * (more relationships than the store keeps in one chain, most of equal strength) joined by
 * chains that make paths of exactly maxHops hops and one hop too many, with every budget from
 * none to unlimited, so that the distances stop at every layer of either end.
 */
const STAKEHOLDER = ['KNOWS', 'REPORTS_TO', 'WORKS_AT', 'INFLUENCES', 'SERVES', 'SUBSIDIARY_OF', 'MANAGES', 'REFERRED'];

const PROCEDURE_TO_EACH = `
CALL xrm.strongestPathsToEach($fromIds, $toIds, $maxHops, $first, $types, $options) YIELD toId, strength, hops, nodeIds, steps
RETURN toId, strength, hops, nodeIds, steps`;

/** From nothing beyond the first layer, through budgets that end inside the hubs' second and third layers, to no limit. */
const BALL_BUDGETS = [0, 30, 60, 90, 120, 1e9];

function twoHubsGraph(seed: number): GraphDocument {
  const rnd = mulberry32(seed);
  const pick = <T>(items: T[]) => items[Math.floor(rnd() * items.length)];
  // Mostly one strength, so that whole layers of partial paths tie.
  const strength = () => pick([0.8, 0.8, 0.8, 0.8, 0.5, 0.9]);
  const around = (hub: string) => Array.from({ length: 56 }, (_, i) => `${hub}-${i}`);
  const aSide = around('a');
  const bSide = around('b');
  const doc: GraphDocument = {
    nodes: [
      ...['hubA', 'hubB', ...aSide, ...bSide].map((key) => ({ type: 'Person' as const, key, properties: { name: key } })),
      ...['u0', 'u1'].map((key) => ({ type: 'User' as const, key, properties: { name: key } })),
    ],
    relationships: [],
  };
  const taken = new Set<string>();
  const knows = (from: string, to: string, value = strength()) => {
    const id = [from, to].sort().join(':');
    if (from === to || taken.has(id)) return;
    taken.add(id);
    doc.relationships.push({ type: 'KNOWS', from, to, properties: { strength: value } });
  };
  for (const person of aSide) knows('hubA', person);
  for (const person of bSide) knows('hubB', person);
  for (let i = 0; i < 8; i++) knows(pick(aSide), pick(aSide));
  for (let i = 0; i < 8; i++) knows(pick(bSide), pick(bSide));
  // Chains from the a side to the b side with 0…4 people between: hubA to hubB in 3…7 hops.
  for (let chain = 0; chain < 10; chain++) {
    const between = Array.from({ length: chain % 5 }, (_, i) => `c${chain}-${i}`);
    for (const key of between) doc.nodes.push({ type: 'Person', key, properties: { name: key } });
    const stops = [pick(aSide), ...between, pick(bSide)];
    for (let i = 1; i < stops.length; i++) knows(stops[i - 1], stops[i], pick([0.8, 0.9, 1]));
  }
  knows('u0', 'hubA', 0.9);
  knows('u1', 'hubB', 0.9);
  knows('u0', pick(aSide), 0.5);
  return doc;
}

describe('the path procedure with its hop distances cut by a budget', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.stop());
  beforeEach(() => server.reset());

  it.each([1, 2, 3])('finds the brute force paths between two dense hubs whatever layer the distances stop at (seed %i)', async (seed) => {
    const doc = twoHubsGraph(seed * 613);
    const ids = await server.importGraph(doc);
    const edges = edgesOf(doc, ids);
    // The far hub, the user behind it, and the chains' people and the far hub's people near maxHops.
    const targets = [ids.hubB, ids.u1, ...doc.nodes.filter((n) => /^c\d/.test(n.key) || /^b-\d$/.test(n.key)).map((n) => ids[n.key])];
    const reference = new Map<string, RefPath[]>();
    const expected = (fromIds: string[], toId: string, maxHops: number, first: number) => {
      const key = `${fromIds.join(',')}>${toId}:${maxHops}:${first}`;
      if (!reference.has(key)) {
        const paths = fromIds.filter((from) => from !== toId).flatMap((from) => allSimplePaths(edges, from, toId, maxHops, STAKEHOLDER));
        reference.set(key, rankPaths(paths).slice(0, first));
      }
      return reference.get(key) ?? [];
    };
    let compared = 0;
    for (const fromIds of [[ids.hubA], [ids.u0], [ids.u0, ids.hubA]]) {
      for (const [maxHops, first] of [[6, 5], [6, 50], [5, 50], [4, 3]]) {
        for (const ballBudget of BALL_BUDGETS) {
          for (const options of [{ ballBudget, ringIndexLimit: 0 }, { ballBudget, ringIndexLimit: 1e9 }, { ballBudget, ringIndexLimit: 1e9, targetSideSources: 1 }]) {
            const rows = await server.db.read<PathRow & { toId: string }>(PROCEDURE_TO_EACH, {
              fromIds, toIds: targets, maxHops: param.integer(maxHops), first: param.integer(first), types: STAKEHOLDER, options,
            });
            for (const toId of targets) {
              const paths = expected(fromIds, toId, maxHops, first);
              compared += paths.length;
              expectSamePaths(rows.filter((row) => row.toId === toId), paths);
            }
          }
        }
      }
    }
    // Some answers hold paths of exactly maxHops hops.
    expect([...reference.values()].some((paths) => paths.some((path) => path.hops === 6))).toBe(true);
    expect(compared).toBeGreaterThan(0);
  });
});
