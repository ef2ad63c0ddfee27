import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { EXPLORER_DIST } from '../../src/web/explorer-build';
import { ensureExplorerBuilt, isExplorerBuildCurrent } from '../../src/web';
import { startTestServer, type TestServer } from '../support/test-server';
import { SETUP_TIMEOUT_MS } from './sample-world';

/** A GET with the path exactly as given (fetch would normalise "..") and the headers a browser sends. */
function get(server: TestServer, rawPath: string, accept = 'text/html'): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    http
      .get(`${server.baseUrl}${rawPath}`, { headers: { accept } }, (response) => {
        let body = '';
        response.on('data', (chunk) => (body += chunk));
        response.on('end', () => resolve({ status: response.statusCode!, headers: response.headers, body }));
      })
      .on('error', reject);
  });
}

describe('serving the explorer and GraphiQL', () => {
  let server: TestServer;
  beforeAll(async () => {
    await ensureExplorerBuilt();
    server = await startTestServer();
  }, SETUP_TIMEOUT_MS);
  afterAll(() => server.stop());

  it('sends / and /explorer to /explorer/, which is the app, allowed to talk only to its own origin', async () => {
    expect(await get(server, '/')).toMatchObject({ status: 302, headers: { location: '/explorer/' } });
    expect(await get(server, '/explorer')).toMatchObject({ status: 308, headers: { location: '/explorer/' } });
    const page = await get(server, '/explorer/');
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.headers['content-security-policy']).toContain("default-src 'self'");
    expect(page.body).toContain('id="sign-in"');
    const script = /src="(\/explorer\/assets\/[^"]+\.js)"/.exec(page.body)![1];
    const asset = await get(server, script, '*/*');
    expect(asset.status).toBe(200);
    expect(asset.headers['content-type']).toMatch(/javascript/);
  });

  it('answers 404 for files that are not there, and never serves files outside the build', async () => {
    expect((await get(server, '/explorer/assets/nothing-here.js')).status).toBe(404);
    const outside = await get(server, '/explorer/..%2f..%2fpackage.json');
    expect(outside.status).toBe(404);
    expect(outside.body).not.toContain('"name": "xrm-graph"');
  });

  it('gives a browser GraphiQL at /graphql in development, and leaves POST /graphql to the API', async () => {
    const page = await get(server, '/graphql');
    expect(page.status).toBe(200);
    expect(page.body).toContain('id="graphiql"');
    expect(page.body).toMatch(/src="\/explorer\/assets\/graphiql-[^"]+\.js"/);
    expect(await server.data('{ __typename }')).toEqual({ __typename: 'Query' });
  });

  it("offers the development ADMIN token to the sign-in form in development, and that token signs in", async () => {
    const offered = await get(server, '/explorer/development-token.json', 'application/json');
    expect(offered.status).toBe(200);
    expect(offered.headers['cache-control']).toBe('no-store');
    const { token } = JSON.parse(offered.body);
    expect((await server.as({ token }).data('{ viewer { user { key } roles } }')).viewer).toEqual({ user: { key: 'u-test-admin' }, roles: ['ADMIN'] });
  });

  it('serves no GraphiQL and no development token in production', async () => {
    const production = await startTestServer({ production: true, keepData: true });
    try {
      const page = await get(production, '/graphql');
      expect(page.body).not.toContain('id="graphiql"');
      const offered = await get(production, '/explorer/development-token.json', 'application/json');
      expect(offered.status).toBe(404);
      expect(offered.body).not.toContain('"token"');
    } finally {
      await production.stop();
    }
  });

  it('rebuilds the explorer when its build is older than its sources, and only then', async () => {
    // On a copy: the other worker's browser tests serve the build in explorer/dist meanwhile.
    const dist = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'xrm-graph-explorer-')), 'dist');
    try {
      fs.cpSync(EXPLORER_DIST, dist, { recursive: true, preserveTimestamps: true });
      expect(isExplorerBuildCurrent(dist)).toBe(true);
      await expect(ensureExplorerBuilt(undefined, dist)).resolves.toBe('current');
      const marker = path.join(dist, 'index.html');
      const longAgo = new Date('2000-01-01T00:00:00Z');
      fs.utimesSync(marker, longAgo, longAgo);
      expect(isExplorerBuildCurrent(dist)).toBe(false);
      const progress: string[] = [];
      await expect(ensureExplorerBuilt((line) => progress.push(line), dist)).resolves.toBe('built');
      expect(progress[0]).toMatch(/^Building the explorer with Vite/);
      expect(isExplorerBuildCurrent(dist)).toBe(true);
      expect(fs.readdirSync(path.dirname(dist))).toEqual(['dist']);
    } finally {
      fs.rmSync(path.dirname(dist), { recursive: true, force: true });
    }
  }, SETUP_TIMEOUT_MS);
});
