import type { ImportDocument } from '../../src/import';
import { startTestServer, type TestServer } from '../support/test-server';

const WORLD: ImportDocument = {
  nodes: [
    { type: 'User', key: 'kim', properties: { name: 'Kim Berg', roles: ['SALES'] } },
    { type: 'Person', key: 'anna', properties: { name: 'Anna Weber' } },
  ],
  relationships: [],
};

const VIEWER = /* GraphQL */ `{ viewer { user { key name } roles } }`;

/** Database round trips `request` costs. */
async function roundTripsOf(server: TestServer, request: () => Promise<unknown>): Promise<number> {
  const before = server.db.roundTrips;
  await request();
  return server.db.roundTrips - before;
}

describe('signing in once per credential (AUTH_CACHE_SECONDS)', () => {
  let server: TestServer;
  let ids: Record<string, string>;
  beforeAll(async () => {
    server = await startTestServer({ app: { authCacheSeconds: 60 } });
    ids = await server.importGraph(WORLD);
  });
  afterAll(() => server.stop());

  it('looks up who a token names on its first request only', async () => {
    const kim = server.as({ user: 'kim' });
    // the sign-in, then the viewer's user is already at hand
    expect(await roundTripsOf(server, () => kim.data(VIEWER))).toBe(1);
    expect(await roundTripsOf(server, () => kim.data(VIEWER))).toBe(0);
    expect((await kim.data(VIEWER)).viewer).toEqual({ user: { key: 'kim', name: 'Kim Berg' }, roles: ['SALES'] });
  });

  it('sees a change made through this API at once: new roles, a deactivation, a deletion', async () => {
    const kim = server.as({ user: 'kim' });
    await kim.data(VIEWER);
    await server.data(/* GraphQL */ `mutation ($id: ID!) { updateUser(id: $id, input: { roles: [READ_ONLY], name: "Kim B." }) { id } }`, { id: ids.kim });
    expect((await kim.data(VIEWER)).viewer).toEqual({ user: { key: 'kim', name: 'Kim B.' }, roles: ['READ_ONLY'] });

    await server.data(/* GraphQL */ `mutation ($id: ID!) { updateUser(id: $id, input: { active: false }) { id } }`, { id: ids.kim });
    const refused = await kim.post(VIEWER);
    expect(refused.status).toBe(401);
    expect(refused.body.errors?.[0].message).toMatch(/"kim" is deactivated/);

    await server.data(/* GraphQL */ `mutation ($id: ID!) { updateUser(id: $id, input: { active: true }) { id } }`, { id: ids.kim });
    await kim.data(VIEWER);
    await server.data(/* GraphQL */ `mutation ($id: ID!) { deleteUser(id: $id) }`, { id: ids.kim });
    expect((await kim.post(VIEWER)).body.errors?.[0].message).toMatch(/No user has the key or id "kim"/);
  });

  it('keeps an API key\'s sign-in too, and refuses it at once when revoked', async () => {
    const { createApiKey } = await server.data(/* GraphQL */ `mutation { createApiKey(input: { name: "shop", roles: [SALES] }) { secret apiKey { id } } }`);
    const shop = server.as({ apiKey: createApiKey.secret });
    // the key's lookup and the write of its first use
    expect(await roundTripsOf(server, () => shop.data(/* GraphQL */ `{ viewer { roles } }`))).toBe(2);
    expect(await roundTripsOf(server, () => shop.data(/* GraphQL */ `{ viewer { roles } }`))).toBe(0);
    await server.data(/* GraphQL */ `mutation ($id: ID!) { revokeApiKey(id: $id) { id } }`, { id: createApiKey.apiKey.id });
    expect((await shop.post(/* GraphQL */ `{ viewer { roles } }`)).body.errors?.[0].message).toMatch(/revoked/);
  });

  it('takes a change made past this process (another replica, a script) within the kept time', async () => {
    const short = await startTestServer({ keepData: true, app: { authCacheSeconds: 1 } });
    try {
      await short.data(/* GraphQL */ `mutation { createUser(input: { key: "lea", name: "Lea", roles: [SALES] }) { id } }`);
      const lea = short.as({ user: 'lea' });
      expect((await lea.data(VIEWER)).viewer.roles).toEqual(['SALES']);
      await short.db.write(`MATCH (u:User {key: 'lea'}) SET u.active = false`);
      await new Promise((resolve) => setTimeout(resolve, 1_100));
      expect((await lea.post(VIEWER)).status).toBe(401);
    } finally {
      await short.stop();
    }
  });

  it('looks the user up on every request with AUTH_CACHE_SECONDS=0', async () => {
    const uncached = await startTestServer({ keepData: true, app: { authCacheSeconds: 0 } });
    try {
      await uncached.data(VIEWER);
      expect(await roundTripsOf(uncached, () => uncached.data(VIEWER))).toBe(1);
      expect(await roundTripsOf(uncached, () => uncached.data(VIEWER))).toBe(1);
    } finally {
      await uncached.stop();
    }
  });
});
