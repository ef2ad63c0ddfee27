import type { ImportDocument } from '../../src/import';
import { useTestServer } from '../support/test-server';

const WORLD: ImportDocument = {
  nodes: [
    { type: 'Organization', key: 'org-a', properties: { name: 'Alpha Bau' } },
    { type: 'Organization', key: 'org-b', properties: { name: 'Beta Haus' } },
    { type: 'Opportunity', key: 'opp-a', properties: { name: 'Alpha heat pumps' } },
    { type: 'User', key: 'u-kim', properties: { name: 'Kim' } },
    { type: 'User', key: 'u-lea', properties: { name: 'Lea' } },
    { type: 'Person', key: 'p-anna', properties: { name: 'Anna' } },
    { type: 'Person', key: 'p-ben', properties: { name: 'Ben' } },
    { type: 'Person', key: 'p-cora', properties: { name: 'Cora' } },
  ],
  relationships: [
    { type: 'FOR_ACCOUNT', from: 'opp-a', to: 'org-a' },
    { type: 'WORKS_AT', from: 'p-anna', to: 'org-a' },
    { type: 'WORKS_AT', from: 'p-cora', to: 'org-b' },
    // declared by hand, stored in the Person → User direction
    { type: 'KNOWS', from: 'p-ben', to: 'u-kim', properties: { strength: 0.6 } },
  ],
};

const LOG = /* GraphQL */ `mutation ($input: LogInteractionInput!) {
  logInteraction(input: $input) { id type direction occurredAt summary outcome participants { id } about { id } }
}`;

interface KnowsRow { count: number; strength: number; declaredStrength: number | null; interactionCount: number; lastInteractionAt: string }
const KNOWS_BETWEEN = `
MATCH (a:Entity {id: $a})-[k:KNOWS]-(b:Entity {id: $b})
RETURN count(k) AS count, max(k.strength) AS strength, max(k.declaredStrength) AS declaredStrength,
  max(k.interactionCount) AS interactionCount, max(k.lastInteractionAt) AS lastInteractionAt`;

describe('logInteraction', () => {
  const { server, ids } = useTestServer({ graph: WORLD, freshEach: true });

  const log = (input: Record<string, unknown>) => server.gql(LOG, { input });
  const knows = async (a: string, b: string) => (await server.db.read<KnowsRow>(KNOWS_BETWEEN, { a: ids[a], b: ids[b] }))[0];
  const call = (participants: string[], occurredAt = '2026-05-04T10:00:00Z', about: string[] = []) =>
    log({ type: 'CALL', occurredAt, participantIds: participants.map((key) => ids[key]), aboutIds: about.map((key) => ids[key]) });

  it('records the interaction with its participants and what it was about', async () => {
    const result = await log({
      type: 'MEETING', direction: 'OUTBOUND', occurredAt: '2026-05-04T10:00:00+02:00', summary: 'Site visit', outcome: 'Offer requested',
      participantIds: [ids['u-kim'], ids['p-anna']], aboutIds: [ids['org-a'], ids['opp-a']],
    });
    expect(result.errors).toBeUndefined();
    const logged = result.data.logInteraction;
    expect(logged).toMatchObject({ type: 'MEETING', direction: 'OUTBOUND', occurredAt: '2026-05-04T08:00:00.000Z', summary: 'Site visit', outcome: 'Offer requested' });
    expect(logged.participants.map((p: any) => p.id).sort()).toEqual([ids['u-kim'], ids['p-anna']].sort());
    expect(logged.about.map((a: any) => a.id).sort()).toEqual([ids['org-a'], ids['opp-a']].sort());
  });

  it('creates KNOWS for a new user–person pair with strength 1 − 0.8^n: 0.2, then 0.36, then 0.488', async () => {
    await call(['u-kim', 'p-anna'], '2026-05-01T09:00:00Z');
    expect(await knows('u-kim', 'p-anna')).toMatchObject({ count: 1, interactionCount: 1, declaredStrength: null, lastInteractionAt: '2026-05-01T09:00:00.000Z' });
    expect((await knows('u-kim', 'p-anna')).strength).toBeCloseTo(0.2, 10);
    await call(['p-anna', 'u-kim'], '2026-06-01T09:00:00Z');
    expect((await knows('u-kim', 'p-anna')).strength).toBeCloseTo(0.36, 10);
    // an older contact logged late does not move lastInteractionAt back
    await call(['u-kim', 'p-anna'], '2026-04-01T09:00:00Z');
    const third = await knows('u-kim', 'p-anna');
    expect(third).toMatchObject({ count: 1, interactionCount: 3, lastInteractionAt: '2026-06-01T09:00:00.000Z' });
    expect(third.strength).toBeCloseTo(0.488, 10);
  });

  it('reaches 0.893 after ten contacts', async () => {
    for (let i = 0; i < 10; i += 1) await call(['u-lea', 'p-cora'], `2026-05-${String(i + 1).padStart(2, '0')}T09:00:00Z`);
    const row = await knows('u-lea', 'p-cora');
    expect(row.interactionCount).toBe(10);
    expect(row.strength).toBeCloseTo(1 - 0.8 ** 10, 10);
    expect(row.strength).toBeCloseTo(0.893, 3);
  });

  it('updates an existing KNOWS stored in the other direction and keeps its declared strength until contacts earn more', async () => {
    await call(['u-kim', 'p-ben']);
    let row = await knows('u-kim', 'p-ben');
    expect(row).toMatchObject({ count: 1, interactionCount: 1, declaredStrength: 0.6, strength: 0.6 });
    for (let i = 0; i < 4; i += 1) await call(['u-kim', 'p-ben']);
    row = await knows('u-kim', 'p-ben');
    // 1 − 0.8^5 = 0.67232 > 0.6
    expect(row).toMatchObject({ count: 1, interactionCount: 5, declaredStrength: 0.6 });
    expect(row.strength).toBeCloseTo(0.67232, 10);
    const [{ direction }] = await server.db.read<{ direction: string }>(
      'MATCH (a:Person {id: $ben})-[k:KNOWS]->(b:User {id: $kim}) RETURN "person-to-user" AS direction', { ben: ids['p-ben'], kim: ids['u-kim'] });
    expect(direction).toBe('person-to-user');
  });

  it('links every user with every person among the participants, never user–user or person–person', async () => {
    await call(['u-kim', 'u-lea', 'p-anna', 'p-cora']);
    for (const [user, person] of [['u-kim', 'p-anna'], ['u-kim', 'p-cora'], ['u-lea', 'p-anna'], ['u-lea', 'p-cora']]) {
      expect(await knows(user, person)).toMatchObject({ count: 1, interactionCount: 1 });
    }
    expect((await knows('u-kim', 'u-lea')).count).toBe(0);
    expect((await knows('p-anna', 'p-cora')).count).toBe(0);
  });

  it('loses no count when 20 loggings of the same pair run at once', async () => {
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => call(['u-kim', 'p-anna'], `2026-07-01T10:${String(i).padStart(2, '0')}:00Z`)));
    expect(results.filter((result) => result.errors)).toEqual([]);
    const row = await knows('u-kim', 'p-anna');
    expect(row).toMatchObject({ count: 1, interactionCount: 20, lastInteractionAt: '2026-07-01T10:19:00.000Z' });
    expect(row.strength).toBeCloseTo(1 - 0.8 ** 20, 10);
    const [{ interactions }] = await server.db.read<{ interactions: number }>('MATCH (i:Interaction) RETURN count(i) AS interactions');
    expect(interactions).toBe(20);
  });

  it('loses no count when the pair is logged at once from both sides of a new KNOWS and with other people', async () => {
    const batches = Array.from({ length: 12 }, (_, i) =>
      call(i % 3 === 0 ? ['p-ben', 'u-lea'] : i % 3 === 1 ? ['u-lea', 'p-ben', 'p-anna'] : ['u-kim', 'u-lea', 'p-ben']));
    const results = await Promise.all(batches);
    expect(results.filter((result) => result.errors)).toEqual([]);
    expect(await knows('u-lea', 'p-ben')).toMatchObject({ count: 1, interactionCount: 12 });
    expect(await knows('u-lea', 'p-anna')).toMatchObject({ count: 1, interactionCount: 4 });
    expect(await knows('u-kim', 'p-ben')).toMatchObject({ count: 1, interactionCount: 4 });
  });

  describe('refuses bad input and writes nothing', () => {
    const nothingWritten = async () => {
      const [row] = await server.db.read<{ interactions: number; links: number; knows: number; counted: number }>(`
        RETURN COUNT { (:Interaction) } AS interactions,
               COUNT { ()-[:PARTICIPATED_IN|ABOUT]->() } AS links,
               COUNT { ()-[:KNOWS]->() } AS knows,
               COUNT { ()-[k:KNOWS]->() WHERE k.interactionCount IS NOT NULL } AS counted`);
      expect(row).toEqual({ interactions: 0, links: 0, knows: 1, counted: 0 });
    };

    it.each([
      ['no participant', () => ({ type: 'CALL', occurredAt: '2026-05-04T10:00:00Z', participantIds: [] }), 'BAD_USER_INPUT'],
      ['an unknown participant', () => ({ type: 'CALL', occurredAt: '2026-05-04T10:00:00Z', participantIds: [ids['u-kim'], ids['p-anna'], 'nobody'] }), 'NOT_FOUND'],
      ['an unknown subject', () => ({ type: 'CALL', occurredAt: '2026-05-04T10:00:00Z', participantIds: [ids['u-kim'], ids['p-anna']], aboutIds: ['nothing'] }), 'NOT_FOUND'],
      ['an organization as participant', () => ({ type: 'CALL', occurredAt: '2026-05-04T10:00:00Z', participantIds: [ids['u-kim'], ids['org-a']] }), 'BAD_USER_INPUT'],
      ['a person as subject', () => ({ type: 'CALL', occurredAt: '2026-05-04T10:00:00Z', participantIds: [ids['u-kim'], ids['p-ben']], aboutIds: [ids['p-anna']] }), 'BAD_USER_INPUT'],
      ['a summary that is too long', () => ({ type: 'CALL', occurredAt: '2026-05-04T10:00:00Z', summary: 'x'.repeat(2001), participantIds: [ids['u-kim'], ids['p-ben']] }), 'BAD_USER_INPUT'],
      ['more than 50 participants', () => ({ type: 'NEWSLETTER', occurredAt: '2026-05-04T10:00:00Z', participantIds: [ids['u-kim'], ...Array.from({ length: 50 }, (_, i) => `p-${i}`)] }), 'BAD_USER_INPUT'],
      ['a date that is no date', () => ({ type: 'CALL', occurredAt: 'yesterday', participantIds: [ids['u-kim'], ids['p-ben']] }), 'BAD_USER_INPUT'],
    ])('%s', async (_what, input, code) => {
      const result = await log(input());
      expect(result.errors?.[0].extensions?.code).toBe(code);
      expect(result.errors?.[0].message).toMatch(/.{20,}/);
      await nothingWritten();
    });
  });

  it('loads participants, subjects and histories of many interactions in a constant number of queries', async () => {
    for (let i = 0; i < 12; i += 1) await call([i % 2 ? 'u-kim' : 'u-lea', ['p-anna', 'p-ben', 'p-cora'][i % 3]], `2026-03-${String(i + 1).padStart(2, '0')}T09:00:00Z`, ['org-a']);
    const before = server.db.roundTrips;
    const { node } = await server.data(/* GraphQL */ `query ($id: ID!) { node(id: $id) { ... on Organization { interactions(first: 50) { edges { node {
      participants { id ... on Person { interactions(first: 5) { totalCount edges { node { about { id } } } } } }
      about { id }
    } } } } } }`, { id: ids['org-a'] });
    expect(node.interactions.edges).toHaveLength(12);
    // organization history + links + person histories + links of those
    expect(server.db.roundTrips - before).toBeLessThanOrEqual(5);
  });

  describe('contact history', () => {
    it('lists an organization’s interactions (about it, its opportunities or with its people) and a person’s, newest first and paged', async () => {
      const made: Record<string, string> = {};
      const record = async (name: string, type: string, occurredAt: string, participants: string[], about: string[]) => {
        const result = await log({ type, occurredAt, summary: name, participantIds: participants.map((k) => ids[k]), aboutIds: about.map((k) => ids[k]) });
        made[name] = result.data.logInteraction.id;
      };
      await record('about account', 'EMAIL', '2026-01-10T09:00:00Z', ['u-kim'], ['org-a']);
      await record('about deal', 'MEETING', '2026-03-10T09:00:00Z', ['u-lea'], ['opp-a']);
      await record('with Anna', 'CALL', '2026-02-10T09:00:00Z', ['u-kim', 'p-anna'], []);
      await record('with Cora', 'CALL', '2026-04-10T09:00:00Z', ['u-lea', 'p-cora'], []);
      await record('Anna and Cora', 'VISIT', '2026-05-10T09:00:00Z', ['p-anna', 'p-cora'], ['org-b']);

      const history = /* GraphQL */ `query ($id: ID!, $first: Int, $after: String, $types: [InteractionType!]) { node(id: $id) {
        ... on Organization { interactions(first: $first, after: $after, types: $types) { totalCount pageInfo { hasNextPage endCursor } edges { node { summary } } } }
        ... on Person { interactions(first: $first, after: $after, types: $types) { totalCount pageInfo { hasNextPage endCursor } edges { node { summary } } } }
        ... on Opportunity { interactions(first: $first, after: $after, types: $types) { totalCount pageInfo { hasNextPage endCursor } edges { node { summary } } } }
      } }`;
      const summaries = async (key: string, variables: Record<string, unknown> = {}) => {
        const { node } = await server.data(history, { id: ids[key], ...variables });
        return { total: node.interactions.totalCount, summaries: node.interactions.edges.map((e: any) => e.node.summary), pageInfo: node.interactions.pageInfo };
      };
      expect((await summaries('org-a')).summaries).toEqual(['Anna and Cora', 'about deal', 'with Anna', 'about account']);
      expect((await summaries('org-b')).summaries).toEqual(['Anna and Cora', 'with Cora']);
      expect((await summaries('p-anna')).summaries).toEqual(['Anna and Cora', 'with Anna']);
      expect((await summaries('p-ben')).summaries).toEqual([]);
      expect((await summaries('opp-a')).summaries).toEqual(['about deal']);
      expect((await summaries('org-a', { types: ['CALL', 'EMAIL'] })).summaries).toEqual(['with Anna', 'about account']);

      const page1 = await summaries('org-a', { first: 3 });
      expect(page1).toMatchObject({ total: 4, summaries: ['Anna and Cora', 'about deal', 'with Anna'], pageInfo: { hasNextPage: true } });
      const page2 = await summaries('org-a', { first: 3, after: page1.pageInfo.endCursor });
      expect(page2).toMatchObject({ total: 4, summaries: ['about account'], pageInfo: { hasNextPage: false } });
    });
  });
});
