import fc from 'fast-check';
import type { PathRow } from '../../src/paths/path-row';
import { param } from '../../src/neo4j/values';
import { mulberry32 } from '../../src/random';
import { startTestServer, type TestServer } from '../support/test-server';
import { arbitrarySmallWorld, type GraphDocument } from '../support/random-graph';
import { expectSamePaths, referenceAsSeen } from '../support/reference';
import { hubGraph } from './hub-graph';

/**
 * With many sources (every user, asking about a buying center's members) the procedure searches
 * from each target alone and joins on the set of sources, instead of growing a side from hundreds
 * of roots. That search must answer exactly what the brute force answers and what the search
 * from both sides answers: on a graph worked out by hand, on random graphs (fast-check, with a
 * partner's hidden nodes) and on graphs with hubs, with its shortcuts off and turned up.
 */
const STAKEHOLDER = ['KNOWS', 'REPORTS_TO', 'WORKS_AT', 'INFLUENCES', 'SERVES', 'SUBSIDIARY_OF', 'MANAGES', 'REFERRED'];
const SEED = Number(process.env.PROPERTY_SEED ?? 20261129);
const RUNS = Number(process.env.PROPERTY_RUNS ?? 30);

const PROCEDURE_TO_EACH = `
CALL xrm.strongestPathsToEach($fromIds, $toIds, $maxHops, $first, $types, $options) YIELD toId, strength, hops, nodeIds, steps
RETURN toId, strength, hops, nodeIds, steps`;

/** From the target alone (as shipped, shortcuts off, shortcuts always on), and from both sides. */
const SETTINGS: Record<string, Record<string, unknown>> = {
  'from the target': { targetSideSources: 1 },
  'from the target, rounds only': { targetSideSources: 1, finishBudget: 0, ringIndexLimit: 0, ballBudget: 0 },
  'from the target, rings and balls': { targetSideSources: 1, ringIndexLimit: 1e9, ballBudget: 1e9 },
  'from both sides': { targetSideSources: 1e9 },
};

interface Question {
  fromIds: string[];
  toIds: string[];
  maxHops: number;
  first: number;
  types?: string[];
  visible?: string[] | null;
}

describe('the path search from the target alone, for many sources', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.stop());
  beforeEach(() => server.reset());

  async function ask(question: Question, options: Record<string, unknown>): Promise<Map<string, PathRow[]>> {
    const rows = await server.db.read<PathRow & { toId: string }>(PROCEDURE_TO_EACH, {
      fromIds: question.fromIds, toIds: question.toIds, maxHops: param.integer(question.maxHops), first: param.integer(question.first),
      types: question.types ?? STAKEHOLDER, options: { ...options, visible: question.visible ?? null },
    });
    const byTarget = new Map<string, PathRow[]>(question.toIds.map((id) => [id, []]));
    for (const { toId, ...path } of rows) byTarget.get(toId)!.push(path);
    return byTarget;
  }

  /** Every setting against the brute force, target by target; returns how many paths were compared. */
  async function expectEverySettingExact(doc: GraphDocument, ids: Record<string, string>, question: Question): Promise<number> {
    let compared = 0;
    for (const options of Object.values(SETTINGS)) {
      const answers = await ask(question, options);
      for (const toId of question.toIds) {
        const expected = referenceAsSeen(doc, ids, { ...question, toId });
        compared += expected.length;
        expectSamePaths(answers.get(toId)!, expected);
      }
    }
    return compared;
  }

  it('finds, on a graph worked out by hand, the paths through another source, both parallel ones, none to an island', async () => {
    // u1 knows u2 well and u2 knows the target t; u3 knows t weakly and manages o, where p1 works and which p1 influences.
    const doc: GraphDocument = {
      nodes: [
        ...['u1', 'u2', 'u3'].map((key) => ({ type: 'User' as const, key, properties: { name: key } })),
        ...['t', 'p1', 'island'].map((key) => ({ type: 'Person' as const, key, properties: { name: key } })),
        { type: 'Organization', key: 'o', properties: { name: 'o' } },
      ],
      relationships: [
        { type: 'KNOWS', from: 'u1', to: 'u2', properties: { strength: 0.9 } },
        { type: 'KNOWS', from: 'u2', to: 't', properties: { strength: 0.8 } },
        { type: 'KNOWS', from: 'u3', to: 't', properties: { strength: 0.2 } },
        { type: 'INFLUENCES', from: 'p1', to: 'o', properties: { weight: 0.5 } },
        { type: 'WORKS_AT', from: 'p1', to: 'o', properties: {} },
        { type: 'MANAGES', from: 'u3', to: 'o', properties: {} },
      ],
    };
    const ids = await server.importGraph(doc);
    const users = ['u1', 'u2', 'u3'].map((key) => ids[key]);
    const question: Question = { fromIds: users, toIds: [ids.t, ids.p1, ids.island, ids.u2], maxHops: 3, first: 5 };
    for (const [name, options] of Object.entries(SETTINGS)) {
      const answers = await ask(question, options);
      const strengths = (toId: string) => answers.get(toId)!.map((p) => [p.nodeIds.length - 1, Number(p.strength.toFixed(6))]);
      // To t: u2 → t (0.8), then u1 → u2 → t through another source (0.72), then u3 → t (0.2).
      expect({ name, t: strengths(ids.t) }).toEqual({ name, t: [[1, 0.8], [2, 0.72], [1, 0.2]] });
      // To p1: u3 MANAGES o, then INFLUENCES (0.5) or WORKS_AT (0.5) back to p1: two parallel paths of 0.25, INFLUENCES first.
      expect({ name, p1: answers.get(ids.p1)!.map((p) => p.steps.map((s) => s.type)) }).toEqual({ name, p1: [['MANAGES', 'INFLUENCES'], ['MANAGES', 'WORKS_AT']] });
      expect({ name, island: answers.get(ids.island) }).toEqual({ name, island: [] });
      // u2 is a source and a target: its paths start from the other users only.
      expect({ name, u2: answers.get(ids.u2)!.map((p) => p.nodeIds[0]) }).toEqual({ name, u2: [ids.u1, ids.u3] });
    }
    expect(await expectEverySettingExact(doc, ids, question)).toBeGreaterThan(0);
  });

  it('agrees with the brute force on random graphs, through a partner\'s view too (fast-check)', async () => {
    const cases = fc.record({
      world: arbitrarySmallWorld(['User', 'Person', 'Person', 'Organization']),
      maxHops: fc.integer({ min: 1, max: 6 }),
      first: fc.constantFrom(1, 3, 50),
    });
    let compared = 0;
    await fc.assert(
      fc.asyncProperty(cases, async ({ world: { doc, visibleKeys }, maxHops, first }) => {
        await server.reset();
        const ids = await server.importGraph(doc);
        const question: Question = {
          fromIds: doc.nodes.filter((n) => n.type === 'User').map((n) => ids[n.key]),
          toIds: doc.nodes.map((n) => ids[n.key]),
          maxHops,
          first,
          visible: visibleKeys && visibleKeys.map((key) => ids[key]),
        };
        compared += await expectEverySettingExact(doc, ids, question);
      }),
      { seed: SEED, numRuns: RUNS },
    );
    expect(compared).toBeGreaterThan(0);
  });

  it.each([1, 2, 3, 4, 5, 6])('agrees with the brute force and with the search from both sides on a graph with hubs (seed %i)', async (seed) => {
    const doc = hubGraph(seed * 977);
    const ids = await server.importGraph(doc);
    const random = mulberry32(seed);
    const all = doc.nodes.map((node) => ids[node.key]);
    const users = doc.nodes.filter((n) => n.type === 'User').map((n) => ids[n.key]);
    // All users and a random crowd of people (a source may be a target too), to every node.
    const crowd = [...users, ...all.filter((id) => !users.includes(id) && random() < 0.3)];
    let compared = 0;
    for (const [maxHops, first] of [[4, 1], [6, 5], [3, 50]]) {
      for (const types of [undefined, ['KNOWS', 'WORKS_AT', 'SERVES']]) {
        compared += await expectEverySettingExact(doc, ids, { fromIds: crowd, toIds: all, maxHops, first, types });
      }
    }
    expect(compared).toBeGreaterThan(0);
  });

  it('is what a call with many sources gets as shipped', async () => {
    // 20 users, each knowing one person of a chain that ends at the target: the shipped threshold is met.
    const users = Array.from({ length: 20 }, (_, i) => `u${i}`);
    const chain = ['a', 'b', 'c', 't'];
    const doc: GraphDocument = {
      nodes: [
        ...users.map((key) => ({ type: 'User' as const, key, properties: { name: key } })),
        ...chain.map((key) => ({ type: 'Person' as const, key, properties: { name: key } })),
      ],
      relationships: [
        ...users.map((key, i) => ({ type: 'KNOWS' as const, from: key, to: chain[i % 3], properties: { strength: 0.1 + (i % 7) / 10 } })),
        { type: 'KNOWS', from: 'a', to: 'b', properties: { strength: 0.9 } },
        { type: 'KNOWS', from: 'b', to: 'c', properties: {} },
        { type: 'REPORTS_TO', from: 'c', to: 't', properties: {} },
        { type: 'KNOWS', from: 'u0', to: 'u1', properties: { strength: 1 } },
      ],
    };
    const ids = await server.importGraph(doc);
    const question: Question = { fromIds: users.map((key) => ids[key]), toIds: [ids.t, ids.b, ids.u1], maxHops: 4, first: 5 };
    const shipped = await ask(question, {});
    const bothSides = await ask(question, SETTINGS['from both sides']);
    for (const toId of question.toIds) {
      const expected = referenceAsSeen(doc, ids, { ...question, toId });
      expect(expected.length).toBeGreaterThan(0);
      expectSamePaths(shipped.get(toId)!, expected);
      expectSamePaths(bothSides.get(toId)!, expected);
    }
  });
});
