import type { PathRow } from '../../src/paths/path-row';
import { param } from '../../src/neo4j/values';
import { mulberry32 } from '../../src/random';
import { startTestServer, type TestServer } from '../support/test-server';
import { expectSamePaths, referenceAsSeen } from '../support/reference';
import { hubGraph } from './hub-graph';

/**
 * The path procedure caches a node's relationships with every far end, and asks whether a far
 * end may be stepped onto (a partner sees it, it is no restricted person) only when a search
 * steps there. So the rings around the ends, the hop distances and every side's cache hold edges
 * to hidden and restricted nodes, and no path may use one: checked against the brute force on
 * graphs with hubs whose neighbours a partner cannot see or whose people are restricted, from one
 * source (both sides) and from many (the target's side), with the rings, balls and finishing on
 * and off.
 */
const PROCEDURE_TO_EACH = `
CALL xrm.strongestPathsToEach($fromIds, $toIds, $maxHops, $first, $types, $options) YIELD toId, strength, hops, nodeIds, steps
RETURN toId, strength, hops, nodeIds, steps`;

const RESTRICT = 'UNWIND $ids AS id MATCH (p:Person {id: id}) SET p.restricted = true';

const SETTINGS: Record<string, Record<string, number>> = {
  'as shipped': {},
  'rounds only': { finishBudget: 0, ringIndexLimit: 0, ballBudget: 0 },
  'rings and balls, rounds': { finishBudget: 0, ringIndexLimit: 1e9, ballBudget: 1e9 },
  'finish at once': { finishBudget: 1e9, ringIndexLimit: 1e9, ballBudget: 1e9 },
  'from the target, rings and balls': { targetSideSources: 1, finishBudget: 0, ringIndexLimit: 1e9, ballBudget: 1e9 },
};

describe('the path procedure with hidden and restricted neighbours of its hubs', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.stop());
  beforeEach(() => server.reset());

  it.each([1, 2, 3, 4, 5, 6])('never steps onto a node the viewer may not use, and misses no path around it (seed %i)', async (seed) => {
    const doc = hubGraph(seed * 389);
    const ids = await server.importGraph(doc);
    const random = mulberry32(seed);
    const hubNeighbours = new Set(doc.relationships.filter((r) => r.from === 'hub' || r.to === 'hub').flatMap((r) => [r.from, r.to]));
    // The hub's neighbours are hidden or restricted more often than others: their edges sit in every cache around it.
    const unusable = (key: string) => key !== 'hub' && random() < (hubNeighbours.has(key) ? 0.4 : 0.15);
    const restricted = doc.nodes.filter((n) => n.type === 'Person' && unusable(n.key)).map((n) => ids[n.key]);
    const hidden = new Set(doc.nodes.filter((n) => !restricted.includes(ids[n.key]) && unusable(n.key)).map((n) => ids[n.key]));
    await server.db.write(RESTRICT, { ids: restricted });
    const all = doc.nodes.map((n) => ids[n.key]);
    const users = doc.nodes.filter((n) => n.type === 'User').map((n) => ids[n.key]);
    // Seen by everyone (restricted people only left out), then through a partner's view.
    const views = [null, all.filter((id) => !hidden.has(id))];
    let compared = 0;
    for (const visible of views) {
      const usable = (visible ?? all).filter((id) => !restricted.includes(id));
      for (const fromIds of [[ids.hub], [users[0]], users]) {
        for (const [maxHops, first] of [[4, 1], [6, 5], [3, 50]]) {
          for (const options of Object.values(SETTINGS)) {
            const rows = await server.db.read<PathRow & { toId: string }>(PROCEDURE_TO_EACH, {
              fromIds, toIds: all, maxHops: param.integer(maxHops), first: param.integer(first),
              types: ['KNOWS', 'REPORTS_TO', 'WORKS_AT', 'INFLUENCES', 'SERVES', 'SUBSIDIARY_OF', 'MANAGES', 'REFERRED'],
              options: { ...options, visible },
            });
            for (const toId of all) {
              const expected = referenceAsSeen(doc, ids, { fromIds, toId, maxHops, first, visible: usable });
              compared += expected.length;
              expectSamePaths(rows.filter((row) => row.toId === toId), expected);
            }
          }
        }
      }
    }
    expect(restricted.length + hidden.size).toBeGreaterThan(0);
    expect(compared).toBeGreaterThan(0);
  });
});
