import fc from 'fast-check';
import type { PathRow } from '../../src/paths/path-row';
import { param } from '../../src/neo4j/values';
import { mulberry32 } from '../../src/random';
import { startTestServer, type TestServer } from '../support/test-server';
import { arbitrarySmallWorld, type GraphDocument } from '../support/random-graph';
import { expectSamePaths, referenceAsSeen } from '../support/reference';
import { hubGraph } from './hub-graph';

/**
 * A buying center asks, per member, for the best path from the owner and from any user. The
 * procedure answers both in one search (options.preferred): the paths from the preferred sources
 * must be exactly those of a separate search from them alone, i.e. the brute force's from those
 * sources, and the paths from all sources must not change. Checked on a graph worked out by hand,
 * on random graphs (fast-check, with a partner's hidden nodes) and on graphs with hubs, searched
 * from the target alone (as shipped, shortcuts off, shortcuts always on) and from both sides.
 */
const STAKEHOLDER = ['KNOWS', 'REPORTS_TO', 'WORKS_AT', 'INFLUENCES', 'SERVES', 'SUBSIDIARY_OF', 'MANAGES', 'REFERRED'];
const SEED = Number(process.env.PROPERTY_SEED ?? 20261130);
const RUNS = Number(process.env.PROPERTY_RUNS ?? 30);

const PROCEDURE_TO_EACH = `
CALL xrm.strongestPathsToEach($fromIds, $toIds, $maxHops, $first, $types, $options) YIELD toId, preferred, strength, hops, nodeIds, steps
RETURN toId, preferred, strength, hops, nodeIds, steps`;

const SETTINGS: Record<string, Record<string, unknown>> = {
  'from the target': { targetSideSources: 1 },
  'from the target, rounds only': { targetSideSources: 1, finishBudget: 0, ringIndexLimit: 0, ballBudget: 0 },
  'from the target, rings and balls': { targetSideSources: 1, ringIndexLimit: 1e9, ballBudget: 1e9 },
  'from both sides': { targetSideSources: 1e9 },
  'from both sides, rounds only': { targetSideSources: 1e9, finishBudget: 0, ringIndexLimit: 0, ballBudget: 0 },
};

interface Preference {
  fromIds: string[];
  toIds: string[];
}

interface Question {
  fromIds: string[];
  toIds: string[];
  maxHops: number;
  first: number;
  preferred: Preference[];
  types?: string[];
  visible?: string[] | null;
}

interface Answer {
  fromAll: Map<string, PathRow[]>;
  preferred: Map<string, PathRow[]>[];
}

describe('the path search with preferred sources (a buying center\'s owner, else any user)', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.stop());
  beforeEach(() => server.reset());

  async function ask(question: Question, options: Record<string, unknown>): Promise<Answer> {
    const rows = await server.db.read<PathRow & { toId: string; preferred: number | null }>(PROCEDURE_TO_EACH, {
      fromIds: question.fromIds, toIds: question.toIds, maxHops: param.integer(question.maxHops), first: param.integer(question.first),
      types: question.types ?? STAKEHOLDER, options: { ...options, visible: question.visible ?? null, preferred: question.preferred },
    });
    const byTarget = (toIds: string[]) => new Map<string, PathRow[]>(toIds.map((id) => [id, []]));
    const answer: Answer = { fromAll: byTarget(question.toIds), preferred: question.preferred.map((p) => byTarget(p.toIds)) };
    for (const { toId, preferred, ...path } of rows) (preferred === null ? answer.fromAll : answer.preferred[preferred]).get(toId)!.push(path);
    return answer;
  }

  /**
   * Every setting against the brute force: from all sources, and from each preferred entry's
   * sources that are among the call's, to each of its targets that the call asks about.
   */
  async function expectEverySettingExact(doc: GraphDocument, ids: Record<string, string>, question: Question): Promise<number> {
    let compared = 0;
    for (const [name, options] of Object.entries(SETTINGS)) {
      const answer = await ask(question, options);
      for (const toId of question.toIds) {
        const expected = referenceAsSeen(doc, ids, { ...question, toId });
        compared += expected.length;
        expect({ name, toId, paths: answer.fromAll.get(toId)!.length }).toEqual({ name, toId, paths: expected.length });
        expectSamePaths(answer.fromAll.get(toId)!, expected);
      }
      question.preferred.forEach((entry, i) => {
        const sources = entry.fromIds.filter((id) => question.fromIds.includes(id));
        for (const toId of entry.toIds.filter((id) => question.toIds.includes(id))) {
          const expected = referenceAsSeen(doc, ids, { ...question, fromIds: sources, toId });
          compared += expected.length;
          expect({ name, entry: i, toId, paths: answer.preferred[i].get(toId)!.length }).toEqual({ name, entry: i, toId, paths: expected.length });
          expectSamePaths(answer.preferred[i].get(toId)!, expected);
        }
      });
    }
    return compared;
  }

  it('answers, on a graph worked out by hand, the owner\'s weaker path next to the best one, and nothing for an owner without a path', async () => {
    // u1 (the owner) reaches t only through o (0.5 × 0.5 = 0.25); u2 knows t well (0.9); u3 knows nobody.
    const doc: GraphDocument = {
      nodes: [
        ...['u1', 'u2', 'u3'].map((key) => ({ type: 'User' as const, key, properties: { name: key } })),
        ...['t', 'p'].map((key) => ({ type: 'Person' as const, key, properties: { name: key } })),
        { type: 'Organization', key: 'o', properties: { name: 'o' } },
      ],
      relationships: [
        { type: 'MANAGES', from: 'u1', to: 'o', properties: {} },
        { type: 'WORKS_AT', from: 't', to: 'o', properties: {} },
        { type: 'KNOWS', from: 'u2', to: 't', properties: { strength: 0.9 } },
        { type: 'KNOWS', from: 'u2', to: 'p', properties: { strength: 0.4 } },
      ],
    };
    const ids = await server.importGraph(doc);
    const users = ['u1', 'u2', 'u3'].map((key) => ids[key]);
    const question: Question = {
      fromIds: users,
      toIds: [ids.t, ids.p],
      maxHops: 4,
      first: 1,
      preferred: [{ fromIds: [ids.u1], toIds: [ids.t, ids.p] }, { fromIds: [ids.u3], toIds: [ids.t] }, { fromIds: [ids.u2], toIds: [ids.t] }],
    };
    for (const [name, options] of Object.entries(SETTINGS)) {
      const answer = await ask(question, options);
      const strengths = (paths: Map<string, PathRow[]>, toId: string) => paths.get(toId)!.map((path) => [path.nodeIds[0], Number(path.strength.toFixed(6))]);
      expect({ name, t: strengths(answer.fromAll, ids.t), p: strengths(answer.fromAll, ids.p) }).toEqual({ name, t: [[ids.u2, 0.9]], p: [[ids.u2, 0.4]] });
      // The owner u1: to t through o (0.25), and to p through o, t and u2 (0.25 × 0.9 × 0.4 = 0.09).
      expect({ name, t: strengths(answer.preferred[0], ids.t), p: strengths(answer.preferred[0], ids.p) })
        .toEqual({ name, t: [[ids.u1, 0.25]], p: [[ids.u1, 0.09]] });
      expect({ name, u3: strengths(answer.preferred[1], ids.t), u2: strengths(answer.preferred[2], ids.t) }).toEqual({ name, u3: [], u2: [[ids.u2, 0.9]] });
    }
    expect(await expectEverySettingExact(doc, ids, question)).toBeGreaterThan(0);
  });

  it('agrees with separate searches on random graphs, through a partner\'s view too (fast-check)', async () => {
    const cases = fc.record({
      world: arbitrarySmallWorld(['User', 'User', 'Person', 'Person', 'Organization']),
      maxHops: fc.integer({ min: 1, max: 5 }),
      first: fc.constantFrom(1, 1, 3),
      // Per entry: which users it prefers and which nodes it is for (bit masks over the lists).
      preferred: fc.array(fc.record({ from: fc.nat(), to: fc.nat() }), { minLength: 1, maxLength: 2 }),
    });
    let compared = 0;
    await fc.assert(
      fc.asyncProperty(cases, async ({ world: { doc, visibleKeys }, maxHops, first, preferred }) => {
        await server.reset();
        const ids = await server.importGraph(doc);
        const all = doc.nodes.map((n) => ids[n.key]);
        const users = doc.nodes.filter((n) => n.type === 'User').map((n) => ids[n.key]);
        const pick = <T>(items: T[], mask: number) => items.filter((_, i) => (mask >> i) & 1);
        const question: Question = {
          fromIds: users,
          toIds: all,
          maxHops,
          first,
          preferred: preferred.map(({ from, to }) => ({ fromIds: pick(users, from), toIds: pick(all, to) })),
          visible: visibleKeys && visibleKeys.map((key) => ids[key]),
        };
        compared += await expectEverySettingExact(doc, ids, question);
      }),
      { seed: SEED, numRuns: RUNS },
    );
    expect(compared).toBeGreaterThan(0);
  });

  it.each([1, 2, 3, 4])('agrees with separate searches on a graph with hubs (seed %i)', async (seed) => {
    const doc = hubGraph(seed * 977);
    const ids = await server.importGraph(doc);
    const random = mulberry32(seed);
    const all = doc.nodes.map((node) => ids[node.key]);
    const users = doc.nodes.filter((n) => n.type === 'User').map((n) => ids[n.key]);
    // Each user is the owner of a random third of the nodes; all users and a crowd of people are the sources.
    const crowd = [...users, ...all.filter((id) => !users.includes(id) && random() < 0.3)];
    const preferred = users.map((user) => ({ fromIds: [user], toIds: all.filter(() => random() < 0.35) }));
    let compared = 0;
    for (const [maxHops, first] of [[4, 1], [6, 3]]) {
      compared += await expectEverySettingExact(doc, ids, { fromIds: crowd, toIds: all, maxHops, first, preferred });
    }
    expect(compared).toBeGreaterThan(0);
  });
});
