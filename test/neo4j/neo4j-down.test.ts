import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { startTestServer, type TestServer } from '../support/test-server';

/** Starts test/support/embedded-child.ts in its own Node process; resolves with its Bolt URI and JVM pid. */
async function startEmbeddedInChild(dataDir: string, port = 0): Promise<{ child: ChildProcess; uri: string; jvmPid: number }> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(__dirname, '../support/embedded-child.ts'), dataDir, String(port)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const line = await new Promise<string>((resolve, reject) => {
    readline.createInterface({ input: child.stdout! }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`embedded child exited with ${code}`)));
  });
  const [uri, pid] = line.split(' ');
  return { child, uri, jvmPid: Number(pid) };
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function waitUntil(condition: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (condition()) return true;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return condition();
}

describe('when Neo4j goes away', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'xrm-graph-down-'));
  let server: TestServer;
  let embedded: Awaited<ReturnType<typeof startEmbeddedInChild>>;
  let restarted: Awaited<ReturnType<typeof startEmbeddedInChild>> | undefined;
  let credentials: Record<string, string>;

  beforeAll(async () => {
    embedded = await startEmbeddedInChild(dataDir);
    server = await startTestServer({ uri: embedded.uri });
    credentials = await server.credentials('ADMIN'); // minted while Neo4j still answers
  });
  afterAll(async () => {
    await server.stop();
    for (const neo4j of [embedded, restarted]) {
      if (neo4j && isAlive(neo4j.jvmPid)) process.kill(neo4j.jvmPid, 'SIGKILL');
      neo4j?.child.kill('SIGKILL');
    }
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('serves while Neo4j runs', async () => {
    expect((await fetch(`${server.baseUrl}/readyz`)).status).toBe(200);
    expect((await server.data(/* GraphQL */ `{ nodeByKey(key: "x") { id } }`)).nodeByKey).toBeNull();
  });

  it('stops the embedded JVM when the process that started it dies', async () => {
    embedded.child.kill('SIGKILL');
    expect(await waitUntil(() => !isAlive(embedded.jvmPid), 60_000)).toBe(true);
  });

  it('answers SERVICE_UNAVAILABLE with HTTP 503 and Retry-After, reports not ready, but stays alive', async () => {
    const response = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...credentials },
      body: JSON.stringify({ query: '{ nodeByKey(key: "x") { id } }' }),
    });
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('5');
    const result = (await response.json()) as { errors: { message: string; extensions: Record<string, unknown> }[] };
    expect(result.errors[0].extensions).toMatchObject({ code: 'SERVICE_UNAVAILABLE', reason: 'DATABASE_UNREACHABLE', retryAfter: 5 });
    expect(result.errors[0].message).toMatch(/not reachable/);
    const ready = await fetch(`${server.baseUrl}/readyz`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toMatchObject({ status: 'neo4j unreachable' });
    expect((await fetch(`${server.baseUrl}/healthz`)).status).toBe(200);
  });

  it('reconnects by itself when the server is back at the same address', async () => {
    restarted = await startEmbeddedInChild(dataDir, Number(new URL(embedded.uri.replace('bolt:', 'http:')).port));
    expect(restarted.uri).toBe(embedded.uri);
    expect(await waitUntilAsync(async () => (await fetch(`${server.baseUrl}/readyz`)).status === 200, 60_000)).toBe(true);
    // A cold JVM on a loaded machine may take a while over its first real query: ask until it answers.
    expect(await waitUntilAsync(async () => (await server.gql(/* GraphQL */ `{ nodeByKey(key: "x") { id } }`)).errors === undefined, 120_000)).toBe(true);
    expect((await server.data(/* GraphQL */ `{ nodeByKey(key: "x") { id } }`)).nodeByKey).toBeNull();
  });
});

async function waitUntilAsync(condition: () => Promise<boolean>, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await condition()) return true;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return condition();
}
