import type { ImportDocument } from '../../src/import';
import { SIGN_IN_ROUND_TRIPS, startTestServer, type TestServer } from '../support/test-server';

// Five Bavarian installers' people with a current e-mail newsletter grant, one without any.
const NAMES = ['anna', 'bert', 'cora', 'dora', 'emil'];
const WORLD: ImportDocument = {
  nodes: [
    { type: 'Organization', key: 'inst', properties: { name: 'Heizung Huber', kinds: ['CUSTOMER'], region: 'Bayern' } },
    ...[...NAMES, 'fritz'].map((name) => ({ type: 'Person' as const, key: name, properties: { name } })),
    ...NAMES.map((name) => ({
      type: 'Consent' as const, key: `c-${name}`,
      properties: { channel: 'EMAIL', purpose: 'newsletter', granted: true, at: '2026-01-01T00:00:00Z', source: 'web-form', textVersion: 'v1' },
    })),
  ],
  relationships: [
    ...[...NAMES, 'fritz'].map((name) => ({ type: 'WORKS_AT' as const, from: name, to: 'inst' })),
    ...NAMES.map((name) => ({ type: 'GAVE' as const, from: name, to: `c-${name}` })),
  ],
};

const PAGE = /* GraphQL */ `
  query AudiencePage($first: Int, $after: String) {
    audience(filter: { regions: ["Bayern"] }, channel: EMAIL, purpose: "newsletter", asOf: "2026-06-30T00:00:00Z") {
      included
      excludedWithoutConsent
      people(first: $first, after: $after) { totalCount edges { node { name } } pageInfo { hasNextPage endCursor } }
    }
  }
`;

describe('Audience.people pages with its own first and after', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
    await server.importGraph(WORLD);
  });
  afterAll(() => server.stop());

  it('walks the audience page by page, each person once, by name', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (const expected of [['anna', 'bert'], ['cora', 'dora'], ['emil']]) {
      const { audience }: { audience: any } = await server.data(PAGE, { first: 2, after });
      expect(audience.included).toBe(5);
      expect(audience.excludedWithoutConsent).toBe(1);
      expect(audience.people.totalCount).toBe(5);
      expect(audience.people.edges.map((edge: { node: { name: string } }) => edge.node.name)).toEqual(expected);
      seen.push(...expected);
      after = audience.people.pageInfo.endCursor;
      expect(audience.people.pageInfo.hasNextPage).toBe(seen.length < 5);
    }
    expect(seen).toEqual(NAMES);
  });

  it('answers the counts and a page in one round trip, and two pages in two (besides signing in)', async () => {
    let before = server.db.roundTrips;
    await server.data(PAGE, { first: 2 });
    expect(server.db.roundTrips - before).toBe(SIGN_IN_ROUND_TRIPS + 1);

    const afterAnna = (await server.data(PAGE, { first: 1 })).audience.people.pageInfo.endCursor;
    before = server.db.roundTrips;
    const { audience } = await server.data(/* GraphQL */ `
      query TwoPages($afterAnna: String) {
        audience(channel: EMAIL, purpose: "newsletter", asOf: "2026-06-30T00:00:00Z") {
          included
          head: people(first: 1) { edges { node { name } } }
          tail: people(first: 2, after: $afterAnna) { edges { node { name } } }
        }
      }
    `, { afterAnna });
    expect(server.db.roundTrips - before).toBe(SIGN_IN_ROUND_TRIPS + 2);
    expect(audience.head.edges).toEqual([{ node: { name: 'anna' } }]);
    expect(audience.tail.edges).toEqual([{ node: { name: 'bert' } }, { node: { name: 'cora' } }]);
  });

  it("prefers its own first and after to the deprecated audience(first:, after:), which stay the fallback", async () => {
    const { audience } = await server.data(/* GraphQL */ `
      query OldAndNew {
        # eslint-disable-next-line @graphql-eslint/no-deprecated -- old clients page with audience(first:); this checks they still can
        audience(channel: EMAIL, purpose: "newsletter", asOf: "2026-06-30T00:00:00Z", first: 1) {
          fallback: people { edges { node { name } } }
          own: people(first: 3) { edges { node { name } } }
        }
      }
    `);
    expect(audience.fallback.edges).toEqual([{ node: { name: 'anna' } }]);
    expect(audience.own.edges.map((edge: { node: { name: string } }) => edge.node.name)).toEqual(['anna', 'bert', 'cora']);
  });

  it('refuses a page above the cap and a cursor it did not give out', async () => {
    const tooMany = await server.gql(PAGE, { first: 101 });
    expect(tooMany.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(tooMany.errors?.[0].message).toContain('Audience.people');
    const forged = await server.gql(PAGE, { first: 2, after: 'not-a-cursor' });
    expect(forged.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });
});
