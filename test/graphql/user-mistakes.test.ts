import { startTestServer, type TestServer } from '../support/test-server';

const cursor = (text: string) => Buffer.from(text).toString('base64url');

/** The first error of a result, which must be the user's to fix. */
function expectUserMistake(result: { errors?: { message: string; extensions?: Record<string, any> }[] }, message: RegExp) {
  expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  expect(result.errors?.[0].message).toMatch(message);
}

describe('user mistakes are BAD_USER_INPUT with a message that says what to change', () => {
  let server: TestServer;
  let ids: Record<string, string>;
  beforeAll(async () => {
    server = await startTestServer({ production: true });
    ids = await server.importGraph({
      nodes: [
        { type: 'Organization', key: 'org-a', properties: { name: 'Acme Heizung' } },
        { type: 'Person', key: 'p-anna', properties: { name: 'Anna Weber' } },
        { type: 'User', key: 'u-kim', properties: { name: 'Kim Berg' } },
      ],
      relationships: [{ type: 'WORKS_AT', from: 'p-anna', to: 'org-a' }],
    });
  });
  afterAll(() => server.stop());

  it.each([
    ['a forged offset too large for any page', cursor('o:99999999999999999999')],
    ['a negative offset', cursor('o:-5')],
    ['text that is no cursor at all', 'garbage!!'],
    ['an empty cursor', ''],
  ])('refuses a cursor that is %s', async (_what, after) => {
    for (const query of [
      'query ($after: String) { organizations(first: 2, after: $after) { totalCount } }',
      'query ($after: String) { people(after: $after) { totalCount } }',
      'query ($after: String) { users(after: $after) { totalCount } }',
      'query ($after: String) { opportunities(after: $after) { totalCount } }',
    ]) {
      expectUserMistake(await server.gql(query, { after }), /"after" is not a cursor this API gave out: .*Use pageInfo\.endCursor/);
    }
  });

  it('refuses search text too long to be a search', async () => {
    const search = 'query ($text: String!) { search(text: $text) { score } }';
    expectUserMistake(await server.gql(search, { text: 'a'.repeat(30_000) }), /30000 characters long; at most 200 are allowed/);
    const words = Array.from({ length: 40 }, (_, i) => `w${i}`).join(' ');
    expectUserMistake(await server.gql(search, { text: words }), /40 words; at most 20 are allowed/);
    expect((await server.data(search, { text: 'acme heiz' })).search).toHaveLength(1);
  });

  it('refuses ids of the wrong type, naming the type that is needed', async () => {
    expectUserMistake(
      await server.gql('query ($to: ID!, $from: [ID!]) { warmIntroductions(targetId: $to, fromUserIds: $from) { hops } }', { to: ids['p-anna'], from: [ids['p-anna']] }),
      /"fromUserIds" must name users; .* is a Person/,
    );
    expectUserMistake(
      await server.gql('mutation ($account: ID!, $owner: ID!) { createOpportunity(input: { name: "x", accountId: $account, ownerId: $owner }) { id } }', {
        account: ids['p-anna'],
        owner: ids['u-kim'],
      }),
      /accountId must be the id of a Organization, but .* is a Person/,
    );
  });

  it('refuses an import row whose type is not a type name', async () => {
    const result = await server.gql('mutation ($graph: JSON!) { importGraph(graph: $graph) { nodesCreated } }', {
      graph: {
        nodes: [{ type: { x: 1 }, key: 'k-1' }],
        relationships: [{ type: ['KNOWS'], from: 'k-1', to: 'p-anna' }],
      },
    });
    expectUserMistake(result, /The import was rejected/);
    expect(result.errors?.[0].extensions?.problems).toEqual(
      expect.arrayContaining([
        // The row's values are never repeated (a huge value would blow up the answer).
        { path: 'nodes[0].type', message: expect.stringMatching(/^must be one of Organization, [A-Za-z, ]+$/) },
        { path: 'relationships[0].type', message: expect.stringMatching(/^must be one of WORKS_AT, [A-Z_, ]+$/) },
      ]),
    );
  });

  it('refuses a date that names no day', async () => {
    const revenue = 'query ($id: ID!, $from: Date!, $to: Date!) { organization(id: $id) { revenue(from: $from, to: $to) } }';
    expectUserMistake(
      await server.gql(revenue, { id: ids['org-a'], from: '2026-02-30', to: '2026-03-31' }),
      /Date must be an ISO-8601 string like 2026-03-01, got "2026-02-30"/,
    );
    expectUserMistake(
      await server.gql(revenue, { id: ids['org-a'], from: '2100-02-29', to: '2100-03-31' }),
      /Date must be an ISO-8601 string like 2026-03-01, got "2100-02-29"/,
    );
    for (const leapDay of ['2024-02-29', '2000-02-29', '0400-02-29']) {
      expect((await server.gql(revenue, { id: ids['org-a'], from: leapDay, to: '2026-03-31' })).errors).toBeUndefined();
    }
  });

  it('refuses a list argument too long to be meant, at any depth of an input', async () => {
    const many = Array.from({ length: 1001 }, (_, i) => `id-${i}`);
    expectUserMistake(
      await server.gql('query ($to: ID!, $from: [ID!]) { warmIntroductions(targetId: $to, fromUserIds: $from) { hops } }', { to: ids['p-anna'], from: many }),
      /"fromUserIds" has 1001 items; at most 1000 are allowed/,
    );
    expectUserMistake(
      await server.gql('mutation ($ids: [ID!]!) { logInteraction(input: { type: CALL, occurredAt: "2026-01-01T10:00:00Z", participantIds: $ids }) { id } }', { ids: many }),
      /"input.participantIds" has 1001 items; at most 1000 are allowed/,
    );
  });

  it('refuses a day count beyond any calendar', async () => {
    expectUserMistake(await server.gql('{ openCases(olderThanDays: 2000000000) { totalCount } }'), /olderThanDays must be from 0 to 36500/);
  });
});
