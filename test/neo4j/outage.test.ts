import fs from 'node:fs';
import { descendants, isAlive, killTree, startApiProcess, waitUntil, within, type ApiProcess } from '../support/api-process';

jest.setTimeout(400_000);

interface Answer {
  status: number;
  retryAfter: string | null;
  body: { data?: any; errors?: { message: string; extensions: Record<string, unknown> }[] };
  ms: number;
}

async function ask(baseUrl: string, query: string, variables?: Record<string, unknown>): Promise<Answer> {
  const started = Date.now();
  const response = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, retryAfter: response.headers.get('retry-after'), body: (await response.json()) as Answer['body'], ms: Date.now() - started };
}

const CREATE = 'mutation { createOrganization(input: { name: "Survivor GmbH" }) { id } }';
const READ = 'query ($id: ID!) { organization(id: $id) { name } }';

describe('when the embedded Neo4j dies under the running API', () => {
  let api: ApiProcess;
  let tree: number[] = [];
  const figures: string[] = [];

  beforeAll(async () => {
    api = await startApiProcess('node');
    tree = [api.child.pid!, ...descendants(api.child.pid!)];
  });
  afterAll(async () => {
    process.stdout.write(`\nembedded Neo4j killed under the API:\n${figures.join('\n')}\n`);
    process.kill(api.child.pid!, 'SIGTERM');
    await within(api.exited, 15_000, 'still running');
    killTree([...tree, ...descendants(api.child.pid!)]);
    fs.rmSync(api.dataDir, { recursive: true, force: true });
  });

  it('answers fast 503s while it is down, restarts it on the same store, and serves again without a restart of the API', async () => {
    const created = await ask(api.baseUrl, CREATE);
    const id = created.body.data.createOrganization.id as string;

    const killedAt = Date.now();
    process.kill(api.jvmPid, 'SIGKILL');
    // Asked at once, on a pooled connection the kill just broke: the driver would retry it for
    // 10 s, but the health probe finds Neo4j gone and the request ends with 503, not TIMEOUT.
    const first = await ask(api.baseUrl, READ, { id });
    expect(await waitUntil(() => !isAlive(api.jvmPid), 10_000)).toBe(true);

    // While it is down: SERVICE_UNAVAILABLE with HTTP 503 and Retry-After, /readyz 503, /healthz 200.
    const down: Answer[] = [first];
    for (let i = 0; i < 4; i++) down.push(await ask(api.baseUrl, READ, { id }));
    for (const answer of down) {
      expect(answer.status).toBe(503);
      expect(answer.retryAfter).toBe('5');
      expect(answer.body.errors?.[0].extensions).toMatchObject({ code: 'SERVICE_UNAVAILABLE', reason: 'DATABASE_UNREACHABLE', retryAfter: 5 });
    }
    const readyStarted = Date.now();
    const ready = await fetch(`${api.baseUrl}/readyz`);
    const readyMs = Date.now() - readyStarted;
    expect(ready.status).toBe(503);
    expect(ready.headers.get('retry-after')).toBe('5');
    expect((await fetch(`${api.baseUrl}/healthz`)).status).toBe(200);
    figures.push(`  requests while it is down answered 503 in ${down.map((answer) => answer.ms).join(', ')} ms; /readyz 503 in ${readyMs} ms`);

    // The supervisor logs the death and starts it again; the API's driver finds it by itself.
    const death = await api.waitForLog(/died/, 30_000);
    expect(death).toMatchObject({ level: 50 });
    const back = await api.waitForLog(/running again/, 300_000);
    expect(back.pid).not.toBe(api.jvmPid);
    expect(isAlive(Number(back.pid))).toBe(true);
    expect(await waitUntil(() => api.logs.some((line) => line.msg === 'Neo4j answers again'), 30_000)).toBe(true);
    figures.push(`  back (restarted and answering) ${Date.now() - killedAt} ms after the kill`);

    // A cold JVM on a loaded machine may take a while over its first real query: ask until it answers.
    let again = await ask(api.baseUrl, READ, { id });
    for (let tries = 1; tries < 10 && again.body.errors; tries++) again = await ask(api.baseUrl, READ, { id });
    expect(again.body).toEqual({ data: { organization: { name: 'Survivor GmbH' } } });
    expect((await fetch(`${api.baseUrl}/readyz`)).status).toBe(200);
    expect((await ask(api.baseUrl, CREATE)).body.data.createOrganization.id).toEqual(expect.any(String));
    tree.push(Number(back.pid));
  });
});
