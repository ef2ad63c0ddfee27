import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type KeyLike } from 'jose';
import { isLastUseStale } from '../../src/access/sign-in';
import type { ImportDocument } from '../../src/import';
import { ensureExplorerBuilt } from '../../src/web';
import { startTestServer, TEST_ADMIN, useTestServer, type TestServer } from '../support/test-server';

const WORLD: ImportDocument = {
  nodes: [
    { type: 'Organization', key: 'nordgross', properties: { name: 'Nordgroß', kinds: ['DISTRIBUTOR'] } },
    { type: 'User', key: 'kim', properties: { name: 'Kim Berg', roles: ['KEY_ACCOUNT_MANAGER', 'SALES'] } },
    { type: 'User', key: 'jana', properties: { name: 'Jana Kröger', roles: ['PARTNER'] } },
  ],
  relationships: [{ type: 'ACTS_FOR', from: 'jana', to: 'nordgross' }],
};

const VIEWER = /* GraphQL */ `{ viewer { user { key name } roles actsFor { key } apiKey { name roles } } }`;

/** An HS256 token of the server's secret with the given claims (exp in seconds since the epoch). */
function hs256(server: TestServer, claims: { sub?: string; exp?: number; iss?: string; aud?: string }, alg = 'HS256'): Promise<string> {
  return new SignJWT(claims).setProtectedHeader({ alg }).sign(new TextEncoder().encode(server.auth.jwtSecret));
}

const inAnHour = () => Math.floor(Date.now() / 1000) + 3600;

/** Expects HTTP 401 with exactly one UNAUTHENTICATED error and no data. */
async function expectRefused(server: TestServer, headers: Record<string, string>, message: RegExp): Promise<void> {
  const response = await fetch(server.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query: VIEWER }),
  });
  expect(response.status).toBe(401);
  expect(response.headers.get('www-authenticate')).toBe('Bearer realm="xrm-graph"');
  const body = await response.json();
  expect(body).toEqual({ errors: [{ message: expect.stringMatching(message), extensions: { code: 'UNAUTHENTICATED' } }] });
}

describe('signing in with a token', () => {
  // With sign-ins kept, as in production: a change through the API must still count at once.
  const { server, ids } = useTestServer({ graph: WORLD, app: { authCacheSeconds: 60 } });
  // The IDE page is served from the explorer's build, which a fresh clone has yet to make.
  beforeAll(() => ensureExplorerBuilt(), 600_000);

  it('names the user of the token by key or by id, with their roles', async () => {
    const byKey = await server.as({ user: 'kim' }).data(VIEWER);
    expect(byKey.viewer).toEqual({ user: { key: 'kim', name: 'Kim Berg' }, roles: ['KEY_ACCOUNT_MANAGER', 'SALES'], actsFor: null, apiKey: null });
    const byId = await server.as({ user: ids.kim }).data(VIEWER);
    expect(byId.viewer.user.key).toBe('kim');
  });

  it('names the partner a PARTNER acts for', async () => {
    const { viewer } = await server.as({ user: 'jana' }).data(VIEWER);
    expect(viewer).toMatchObject({ user: { key: 'jana' }, roles: ['PARTNER'], actsFor: { key: 'nordgross' } });
  });

  it('refuses a request without a credential, or with a malformed one', async () => {
    await expectRefused(server, {}, /Sign in: send "Authorization: Bearer <token>"/);
    await expectRefused(server, { authorization: 'Basic a2ltOnNlY3JldA==' }, /must read "Bearer <token>"/);
    await expectRefused(server, { authorization: 'Bearer not-a-jwt' }, /malformed/);
    await expectRefused(server, { authorization: `Bearer ${await hs256(server, { sub: 'kim', exp: inAnHour() })}`, 'x-api-key': 'xrm_x' }, /one credential/);
  });

  it('refuses an expired token, one without exp or sub, a forged one and an algorithm it does not accept', async () => {
    await expectRefused(server, { authorization: `Bearer ${await hs256(server, { sub: 'kim', exp: Math.floor(Date.now() / 1000) - 60 })}` }, /expired/);
    await expectRefused(server, { authorization: `Bearer ${await hs256(server, { sub: 'kim' })}` }, /"exp" claim/);
    await expectRefused(server, { authorization: `Bearer ${await hs256(server, { exp: inAnHour() })}` }, /"sub" claim/);
    const forged = await new SignJWT({ sub: 'kim', exp: inAnHour() }).setProtectedHeader({ alg: 'HS256' }).sign(new TextEncoder().encode('another secret of 32 characters!!'));
    await expectRefused(server, { authorization: `Bearer ${forged}` }, /signature does not verify/);
    await expectRefused(server, { authorization: `Bearer ${await hs256(server, { sub: 'kim', exp: inAnHour() }, 'HS512')}` }, /"HS512" are not accepted/);
  });

  it('refuses a token naming nobody, and a deactivated user until an ADMIN activates them again', async () => {
    await expectRefused(server, { authorization: `Bearer ${await hs256(server, { sub: 'u-ghost', exp: inAnHour() })}` }, /No user has the key or id "u-ghost"/);
    const kim = { authorization: `Bearer ${await hs256(server, { sub: 'kim', exp: inAnHour() })}` };
    await server.data(/* GraphQL */ `mutation ($id: ID!) { updateUser(id: $id, input: { active: false }) { active } }`, { id: ids.kim });
    await expectRefused(server, kim, /"kim" is deactivated/);
    const { updateUser } = await server.data(/* GraphQL */ `mutation ($id: ID!) { updateUser(id: $id, input: { active: true }) { active } }`, { id: ids.kim });
    expect(updateUser.active).toBe(true);
    expect((await server.as({ token: kim.authorization.slice(7) }).data(VIEWER)).viewer.user.key).toBe('kim');
  });

  it('needs no credential for /healthz, /readyz and the IDE page, and answers them as before', async () => {
    expect((await fetch(`${server.baseUrl}/healthz`)).status).toBe(200);
    expect((await fetch(`${server.baseUrl}/readyz`)).status).toBe(200);
    const page = await fetch(server.url, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    expect((await fetch(`${server.url}?query=%7B__typename%7D`, { headers: { accept: 'text/html' } })).status).toBe(401);
  });
});

describe('signing in with an identity provider (JWKS)', () => {
  const ISSUER = 'https://idp.example/realms/xrm';
  const AUDIENCE = 'xrm-graph';
  const keys: Record<'rsa' | 'ec' | 'stranger', { privateKey: KeyLike; alg: string }> = {} as never;
  const jwks = http.createServer();
  let jwksUrl = '';
  beforeAll(async () => {
    const published: object[] = [];
    for (const [kid, alg] of [['rsa', 'RS256'], ['ec', 'ES256'], ['stranger', 'RS256']] as const) {
      const pair = await generateKeyPair(alg);
      keys[kid] = { privateKey: pair.privateKey, alg };
      if (kid !== 'stranger') published.push({ ...(await exportJWK(pair.publicKey)), kid, alg, use: 'sig' });
    }
    jwks.on('request', (_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: published })));
    await new Promise<void>((resolve) => jwks.listen(0, resolve));
    jwksUrl = `http://localhost:${(jwks.address() as AddressInfo).port}/protocol/openid-connect/certs`;
  });
  afterAll(() => new Promise((resolve) => jwks.close(resolve)));

  // The JWKS URL is known only once the key server listens, so the API starts in a nested describe.
  describe('with issuer and audience checked', () => {
    let server: TestServer;
    beforeAll(async () => {
      server = await startTestServer({ auth: { jwksUrl, issuer: ISSUER, audience: AUDIENCE } });
    });
    afterAll(() => server.stop());

    const signed = (kid: 'rsa' | 'ec' | 'stranger', claims: Record<string, unknown>) =>
      new SignJWT({ iss: ISSUER, aud: AUDIENCE, exp: inAnHour(), sub: TEST_ADMIN.key, ...claims })
        .setProtectedHeader({ alg: keys[kid].alg, kid })
        .sign(keys[kid].privateKey);

    it('accepts RS256 and ES256 tokens signed with the published keys', async () => {
      for (const kid of ['rsa', 'ec'] as const) {
        const { viewer } = await server.as({ token: await signed(kid, {}) }).data(VIEWER);
        expect(viewer.user.key).toBe(TEST_ADMIN.key);
      }
    });

    it('refuses a foreign key, another issuer or another audience', async () => {
      await expectRefused(server, { authorization: `Bearer ${await signed('stranger', {})}` }, /No key of the identity provider/);
      await expectRefused(server, { authorization: `Bearer ${await signed('rsa', { iss: 'https://evil.example' })}` }, /"iss" claim/);
      await expectRefused(server, { authorization: `Bearer ${await signed('rsa', { aud: 'another-app' })}` }, /"aud" claim/);
    });
  });

  it('answers 503 SERVICE_UNAVAILABLE, not 401, while the identity provider cannot be reached', async () => {
    const server = await startTestServer({ keepData: true, auth: { jwksUrl: 'http://localhost:1/certs' } });
    try {
      const token = await new SignJWT({ sub: TEST_ADMIN.key, exp: inAnHour() }).setProtectedHeader({ alg: 'RS256', kid: 'rsa' }).sign(keys.rsa.privateKey);
      const { status, body } = await server.as({ token }).post(VIEWER);
      expect(status).toBe(503);
      // Like every 503 of the API: Retry-After, and retryAfter in the error.
      expect(body.errors).toEqual([{ message: expect.stringMatching(/identity provider's keys/), extensions: { code: 'SERVICE_UNAVAILABLE', retryAfter: 5 } }]);
    } finally {
      await server.stop();
    }
  });
});

describe('signing in with an API key', () => {
  const { server, ids } = useTestServer({ graph: WORLD, app: { authCacheSeconds: 60 } });
  const CREATE = /* GraphQL */ `mutation ($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret apiKey { id name prefix roles actsFor { key } owner { key } lastUsedAt revokedAt } } }`;

  it('is created by an ADMIN, shown once and stored only as a hash; the app signs in with the key\'s own roles', async () => {
    const { createApiKey } = await server.data(CREATE, { input: { name: 'website back end', roles: ['SALES'] } });
    expect(createApiKey.secret).toMatch(/^xrm_[A-Za-z0-9_-]{43}$/);
    expect(createApiKey.apiKey).toMatchObject({ name: 'website back end', roles: ['SALES'], actsFor: null, owner: { key: TEST_ADMIN.key }, lastUsedAt: null, revokedAt: null });
    expect(createApiKey.secret.startsWith(createApiKey.apiKey.prefix)).toBe(true);

    const [stored] = await server.db.read<{ properties: Record<string, unknown>; labels: string[] }>(
      'MATCH (k:ApiKey {id: $id}) RETURN properties(k) AS properties, labels(k) AS labels', { id: createApiKey.apiKey.id });
    expect(stored.labels).toEqual(['ApiKey']);
    expect(JSON.stringify(stored.properties)).not.toContain(createApiKey.secret);

    const { viewer } = await server.as({ apiKey: createApiKey.secret }).data(VIEWER);
    expect(viewer).toEqual({ user: { key: TEST_ADMIN.key, name: TEST_ADMIN.name }, roles: ['SALES'], actsFor: null, apiKey: { name: 'website back end', roles: ['SALES'] } });
    const refused = await server.as({ apiKey: createApiKey.secret }).gql(/* GraphQL */ `{ apiKeys { id } }`);
    expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('is never an entity: lookups, lists and search do not find it', async () => {
    const { createApiKey } = await server.data(CREATE, { input: { name: 'search probe', roles: ['READ_ONLY'] } });
    expect((await server.data(/* GraphQL */ `query ($id: ID!) { node(id: $id) { id } }`, { id: createApiKey.apiKey.id })).node).toBeNull();
    expect((await server.data(/* GraphQL */ `{ search(text: "search probe") { node { id } } }`)).search).toEqual([]);
  });

  it('records its last use, and lists every key newest first without a secret', async () => {
    const { createApiKey } = await server.data(CREATE, { input: { name: 'call center tool', roles: ['SERVICE'] } });
    await server.as({ apiKey: createApiKey.secret }).data(VIEWER);
    const { apiKeys } = await server.data(/* GraphQL */ `{ apiKeys { id name lastUsedAt createdAt } }`);
    expect(apiKeys[0]).toMatchObject({ id: createApiKey.apiKey.id, name: 'call center tool', lastUsedAt: expect.any(String) });
    expect(apiKeys.map((key: { createdAt: string }) => key.createdAt)).toEqual([...apiKeys.map((key: { createdAt: string }) => key.createdAt)].sort().reverse());
  });

  it('writes the last use at most once a minute', () => {
    const now = new Date('2026-11-20T10:00:00Z');
    expect(isLastUseStale(null, now)).toBe(true);
    expect(isLastUseStale('2026-11-20T09:59:01Z', now)).toBe(false);
    expect(isLastUseStale('2026-11-20T09:59:00Z', now)).toBe(true);
  });

  it('acts for a partner when it carries the PARTNER role', async () => {
    const { createApiKey } = await server.data(CREATE, { input: { name: 'Nordgroß shop', roles: ['PARTNER'], actsForId: ids.nordgross } });
    expect(createApiKey.apiKey.actsFor).toEqual({ key: 'nordgross' });
    const { viewer } = await server.as({ apiKey: createApiKey.secret }).data(VIEWER);
    expect(viewer).toMatchObject({ roles: ['PARTNER'], actsFor: { key: 'nordgross' }, apiKey: { name: 'Nordgroß shop' } });
  });

  it('refuses keys that make no sense', async () => {
    const attempts: [Record<string, unknown>, string, RegExp][] = [
      [{ name: 'no roles', roles: [] }, 'BAD_USER_INPUT', /at least one role/],
      [{ name: ' ', roles: ['SALES'] }, 'BAD_USER_INPUT', /input\.name/],
      [{ name: 'partner without partner', roles: ['PARTNER'] }, 'BAD_USER_INPUT', /actsForId/],
      [{ name: 'partner of nothing', roles: ['PARTNER'], actsForId: '00000000-0000-4000-8000-000000000000' }, 'NOT_FOUND', /Organization/],
      [{ name: 'sales with a partner', roles: ['SALES'], actsForId: ids.nordgross }, 'BAD_USER_INPUT', /only for keys with the PARTNER role/],
    ];
    for (const [input, code, message] of attempts) {
      const result = await server.gql(CREATE, { input });
      expect(result.errors?.[0]).toMatchObject({ extensions: { code }, message: expect.stringMatching(message) });
    }
  });

  it('stops working when revoked, or when its owner is deactivated or deleted; an unknown key never works', async () => {
    await expectRefused(server, { 'x-api-key': 'xrm_unknown' }, /not known/);

    const { createApiKey: revoked } = await server.data(CREATE, { input: { name: 'old integration', roles: ['SALES'] } });
    const first = await server.data(/* GraphQL */ `mutation ($id: ID!) { revokeApiKey(id: $id) { revokedAt } }`, { id: revoked.apiKey.id });
    const again = await server.data(/* GraphQL */ `mutation ($id: ID!) { revokeApiKey(id: $id) { revokedAt } }`, { id: revoked.apiKey.id });
    expect(again.revokeApiKey.revokedAt).toBe(first.revokeApiKey.revokedAt);
    await expectRefused(server, { 'x-api-key': revoked.secret }, /revoked/);
    expect((await server.gql(/* GraphQL */ `mutation { revokeApiKey(id: "00000000-0000-4000-8000-000000000000") { id } }`)).errors?.[0].extensions?.code).toBe('NOT_FOUND');

    // Kim, an ADMIN for a moment, creates a key; the key follows Kim's fate.
    await server.data(/* GraphQL */ `mutation ($id: ID!) { updateUser(id: $id, input: { roles: [ADMIN] }) { id } }`, { id: ids.kim });
    const { createApiKey: kims } = await server.as({ user: 'kim' }).data(CREATE, { input: { name: 'Kim\'s script', roles: ['READ_ONLY'] } });
    expect(kims.apiKey.owner).toEqual({ key: 'kim' });
    await server.data(/* GraphQL */ `mutation ($id: ID!) { updateUser(id: $id, input: { active: false }) { id } }`, { id: ids.kim });
    await expectRefused(server, { 'x-api-key': kims.secret }, /deactivated/);
    await server.data(/* GraphQL */ `mutation ($id: ID!) { deleteUser(id: $id) }`, { id: ids.kim });
    await expectRefused(server, { 'x-api-key': kims.secret }, /is deleted/);
  });
});
