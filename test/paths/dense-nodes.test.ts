import type { PathRow } from '../../src/paths/path-row';
import { param } from '../../src/neo4j/values';
import { mulberry32 } from '../../src/random';
import { startTestServer, type TestServer } from '../support/test-server';
import type { GraphDocument } from '../support/random-graph';
import { allSimplePaths, edgesOf, expectSamePaths, rankPaths } from '../support/reference';

/**
 * Nodes with many relationships are kept "dense" by the store (their relationships in groups by
 * type, with counts), and the path procedure reads those counts to refuse work before it reads:
 * the hop distances stop before a node that would overrun their budget, a ring around a hub is
 * refused unread, a small node is read whole at once. Whatever those shortcuts decide, the
 * answer must be the brute force's: checked on graphs around a distributor that SERVES 70
 * organizations (dense in the store), with budgets that make every shortcut fire and none.
 */
const STAKEHOLDER = ['KNOWS', 'REPORTS_TO', 'WORKS_AT', 'INFLUENCES', 'SERVES', 'SUBSIDIARY_OF', 'MANAGES', 'REFERRED'];

const PROCEDURE_TO_EACH = `
CALL xrm.strongestPathsToEach($fromIds, $toIds, $maxHops, $first, $types, $options) YIELD toId, strength, hops, nodeIds, steps
RETURN toId, strength, hops, nodeIds, steps`;

const SETTINGS: Record<string, Record<string, number>> = {
  'as shipped': {},
  'budgets that stop at the distributor': { ballBudget: 3, ringIndexLimit: 30 },
  'budgets between': { ballBudget: 40, ringIndexLimit: 100 },
  'no budgets': { ballBudget: 1e9, ringIndexLimit: 1e9 },
  'from the target, stopping at the distributor': { ballBudget: 3, ringIndexLimit: 30, targetSideSources: 1 },
};

function distributorGraph(seed: number): GraphDocument {
  const rnd = mulberry32(seed);
  const pick = <T>(items: T[]) => items[Math.floor(rnd() * items.length)];
  const orgs = Array.from({ length: 70 }, (_, i) => `o${i}`);
  const people = Array.from({ length: 14 }, (_, i) => `p${i}`);
  const users = ['u0', 'u1', 'u2', 'u3'];
  const doc: GraphDocument = {
    nodes: [
      { type: 'Organization', key: 'dist', properties: { name: 'dist' } },
      ...orgs.map((key) => ({ type: 'Organization' as const, key, properties: { name: key } })),
      ...people.map((key) => ({ type: 'Person' as const, key, properties: { name: key } })),
      ...users.map((key) => ({ type: 'User' as const, key, properties: { name: key } })),
    ],
    relationships: [],
  };
  const taken = new Set<string>();
  const link = (type: GraphDocument['relationships'][number]['type'], from: string, to: string, properties: Record<string, unknown> = {}) => {
    const id = type === 'KNOWS' ? `KNOWS:${[from, to].sort().join(':')}` : `${type}:${from}:${to}`;
    if (from === to || taken.has(id)) return;
    taken.add(id);
    doc.relationships.push({ type, from, to, properties });
  };
  for (const org of orgs) link('SERVES', 'dist', org);
  for (const person of people) link('WORKS_AT', person, pick(orgs.slice(0, 8)));
  for (let i = 0; i < 12; i++) link('KNOWS', pick(people), pick(people), { strength: pick([0.2, 0.5, 0.8, 1]) });
  for (const user of users) {
    link('KNOWS', user, pick(people), { strength: pick([0.3, 0.6, 0.9]) });
    if (rnd() < 0.5) link('MANAGES', user, pick([...orgs.slice(0, 8), 'dist']));
  }
  return doc;
}

describe('the path procedure around a dense node', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.stop());
  beforeEach(() => server.reset());

  it.each([1, 2, 3])('agrees with the brute force whatever its budgets decide (seed %i)', async (seed) => {
    const doc = distributorGraph(seed);
    const ids = await server.importGraph(doc);
    const edges = edgesOf(doc, ids);
    const users = doc.nodes.filter((n) => n.type === 'User').map((n) => ids[n.key]);
    const people = doc.nodes.filter((n) => n.type === 'Person').map((n) => ids[n.key]);
    const questions = [
      { fromIds: users, toIds: [...people, ids.dist, ids.o3], maxHops: 4, first: 3 },
      { fromIds: [ids.p0], toIds: [ids.p7, ids.o60, ids.u1], maxHops: 5, first: 5 },
    ];
    let compared = 0;
    for (const question of questions) {
      for (const [name, options] of Object.entries(SETTINGS)) {
        const rows = await server.db.read<PathRow & { toId: string }>(PROCEDURE_TO_EACH, {
          ...question, maxHops: param.integer(question.maxHops), first: param.integer(question.first), types: STAKEHOLDER, options,
        });
        for (const toId of question.toIds) {
          const sources = question.fromIds.filter((id) => id !== toId);
          const expected = rankPaths(sources.flatMap((from) => allSimplePaths(edges, from, toId, question.maxHops))).slice(0, question.first);
          compared += expected.length;
          expect({ name, toId, paths: rows.filter((row) => row.toId === toId).length }).toEqual({ name, toId, paths: expected.length });
          expectSamePaths(rows.filter((row) => row.toId === toId), expected);
        }
      }
    }
    expect(compared).toBeGreaterThan(0);
  });
});
