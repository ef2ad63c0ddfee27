import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { startTestServer, type TestServer } from '../support/test-server';

/** Starts test/support/embedded-child.ts in its own Node process; resolves with its Bolt URI and JVM pid. */
async function startEmbeddedInChild(dataDir: string): Promise<{ child: ChildProcess; uri: string; jvmPid: number }> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(__dirname, '../support/embedded-child.ts'), dataDir], {
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

  beforeAll(async () => {
    embedded = await startEmbeddedInChild(dataDir);
    server = await startTestServer({ uri: embedded.uri });
  });
  afterAll(async () => {
    await server.stop();
    if (isAlive(embedded.jvmPid)) process.kill(embedded.jvmPid, 'SIGKILL');
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

  it('answers SERVICE_UNAVAILABLE and reports not ready, but stays alive', async () => {
    const result = await server.gql(/* GraphQL */ `{ nodeByKey(key: "x") { id } }`);
    expect(result.errors?.[0].extensions?.code).toBe('SERVICE_UNAVAILABLE');
    expect(result.errors?.[0].message).toMatch(/not reachable/);
    expect((await fetch(`${server.baseUrl}/readyz`)).status).toBe(503);
    expect((await fetch(`${server.baseUrl}/healthz`)).status).toBe(200);
  });
});
