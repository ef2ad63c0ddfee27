import fs from 'node:fs';
import { Database } from '../../src/neo4j/database';
import { descendants, isAlive, killTree, startApiProcess, waitUntil, within, type ApiProcess } from '../support/api-process';

jest.setTimeout(400_000);

/** The write load: WRITERS clients, each logging contacts one after another with an Idempotency-Key. */
const WRITERS = 6;
/** The load runs at least this long; Neo4j is killed once every writer has WARM_WRITES acknowledged (the plans are cached). */
const LOAD_MS = 30_000;
const WARM_WRITES = 3;
/** And it goes on this long after Neo4j answers again, so writes after the restart are checked too. */
const AFTER_BACK_MS = 5_000;
/** Every few acknowledged writes, a writer sends the same request once more, as a client unsure of its answer would. */
const RESEND_EVERY = 4;

interface Answer {
  status: number;
  retryAfter: string | null;
  replayed: boolean;
  body: { data?: any; errors?: { message: string; extensions: Record<string, unknown> }[] };
  ms: number;
}

/** Who the writers sign in as: the ADMIN startApiProcess made. */
let authorization = '';

async function ask(baseUrl: string, query: string, variables?: Record<string, unknown>, key?: string): Promise<Answer> {
  const started = Date.now();
  const response = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization, ...(key ? { 'idempotency-key': `"${key}"` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return {
    status: response.status,
    retryAfter: response.headers.get('retry-after'),
    replayed: response.headers.get('idempotent-replayed') === 'true',
    body: (await response.json()) as Answer['body'],
    ms: Date.now() - started,
  };
}

const IMPORT = /* GraphQL */ `mutation Import($graph: JSON!) { importGraph(graph: $graph) { nodesCreated } }`;
const LOG_CALL = /* GraphQL */ `mutation LogCall($input: LogInteractionInput!) { logInteraction(input: $input) { id summary } }`;
const FIND = /* GraphQL */ `query Find($key: String!) { nodeByKey(key: $key) { id } }`;

/** What one writer saw: its acknowledged writes, and every answer that was not an acknowledgement. */
interface WriterLog {
  acknowledged: { key: string; id: string; summary: string; replayed: boolean; at: number }[];
  failures: { status: number; code: unknown; retryAfter: string | null; ms: number; at: number }[];
  networkErrors: number;
  resends: number;
  resendsReplayed: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('when the embedded Neo4j dies under a write load with idempotency keys', () => {
  let api: ApiProcess;
  let tree: number[] = [];
  let check: Database | undefined;
  const figures: string[] = [];

  beforeAll(async () => {
    // Deadlines as long as a cold JVM on a loaded machine may need for its first plans: the test
    // is about the outage, and fail-fast while Neo4j is down does not wait for them.
    api = await startApiProcess('node', { REQUEST_TIMEOUT_MS: '30000', NEO4J_TX_TIMEOUT_MS: '30000' });
    tree = [api.child.pid!, ...descendants(api.child.pid!)];
    authorization = api.authorization;
  });
  afterAll(async () => {
    process.stdout.write(`\nembedded Neo4j killed under ${WRITERS} writers with idempotency keys:\n${figures.join('\n')}\n`);
    await check?.close();
    process.kill(api.child.pid!, 'SIGTERM');
    await within(api.exited, 15_000, 'still running');
    killTree([...tree, ...descendants(api.child.pid!)]);
    fs.rmSync(api.dataDir, { recursive: true, force: true });
  });

  it('fails fast while it is down, restarts it, and keeps every acknowledged write exactly once and whole', async () => {
    const nodes = Array.from({ length: WRITERS }, (_, w) => [
      { type: 'User', key: `u-writer-${w}`, properties: { name: `Writer ${w}` } },
      { type: 'Person', key: `p-contact-${w}`, properties: { name: `Contact ${w}` } },
    ]).flat();
    // A cold JVM on a loaded machine may plan its first queries past the deadline; the import
    // MERGEs on keys, so asking again is safe.
    let imported = await ask(api.baseUrl, IMPORT, { graph: { nodes } });
    for (let tries = 1; tries < 10 && imported.body.errors; tries++) imported = await ask(api.baseUrl, IMPORT, { graph: { nodes } });
    expect(imported.body.errors).toBeUndefined();
    const idOf = async (key: string) => (await ask(api.baseUrl, FIND, { key })).body.data.nodeByKey.id as string;

    const started = Date.now();
    let backAt: number | undefined;
    const stopAt = () => Math.max(started + LOAD_MS, (backAt ?? Infinity) + AFTER_BACK_MS);

    // One writer: contact after contact between its user and its person, each retried with the
    // same key until acknowledged (following Retry-After, at most a second apart).
    const writerLogs: WriterLog[] = Array.from({ length: WRITERS }, () => ({ acknowledged: [], failures: [], networkErrors: 0, resends: 0, resendsReplayed: 0 }));
    const writer = async (w: number): Promise<WriterLog> => {
      const log = writerLogs[w];
      const participantIds = [await idOf(`u-writer-${w}`), await idOf(`p-contact-${w}`)];
      for (let i = 0; Date.now() < stopAt(); i++) {
        const key = `fault-${w}-${i}`;
        const input = { type: 'CALL', occurredAt: new Date(Date.UTC(2025, 0, 1, 0, i)).toISOString(), summary: `writer ${w} call ${i}`, participantIds };
        let firstTry = true;
        for (;;) {
          let answer: Answer;
          try {
            answer = await ask(api.baseUrl, LOG_CALL, { input }, key);
          } catch {
            log.networkErrors += 1;
            await sleep(250);
            continue;
          }
          if (answer.status === 200 && !answer.body.errors) {
            const { id, summary } = answer.body.data.logInteraction;
            // A replay on a first try would mean a key was reused; after a failed try it means the
            // write had committed but its answer was lost.
            expect(firstTry && answer.replayed).toBe(false);
            log.acknowledged.push({ key, id, summary, replayed: answer.replayed, at: Date.now() });
            if (i % RESEND_EVERY === 0) {
              const again = await ask(api.baseUrl, LOG_CALL, { input }, key).catch(() => undefined);
              if (again && again.status === 200) {
                log.resends += 1;
                expect(again.body).toEqual(answer.body);
                if (again.replayed) log.resendsReplayed += 1;
              }
            }
            break;
          }
          firstTry = false;
          log.failures.push({ status: answer.status, code: answer.body.errors?.[0].extensions.code, retryAfter: answer.retryAfter, ms: answer.ms, at: Date.now() });
          await sleep(Math.min(Number(answer.retryAfter ?? 0.25) * 1000, 1_000));
        }
        await sleep(20);
      }
      return log;
    };
    const writing = Promise.all(Array.from({ length: WRITERS }, (_, w) => writer(w)));

    // Kill the JVM mid-load; watch /readyz and /healthz until the supervisor has it back.
    expect(await waitUntil(() => writerLogs.every((log) => log.acknowledged.length >= WARM_WRITES), 120_000)).toBe(true);
    const killedAt = Date.now();
    process.kill(api.jvmPid, 'SIGKILL');
    expect(await waitUntil(() => !isAlive(api.jvmPid), 10_000)).toBe(true);
    await api.waitForLog(/does not answer/, 10_000); // the health probe noticed
    const readyWhileDown: { status: number; retryAfter: string | null; ms: number }[] = [];
    const healthWhileDown: number[] = [];
    for (;;) {
      const asked = Date.now();
      const ready = await fetch(`${api.baseUrl}/readyz`);
      if (ready.status === 200) break;
      readyWhileDown.push({ status: ready.status, retryAfter: ready.headers.get('retry-after'), ms: Date.now() - asked });
      healthWhileDown.push((await fetch(`${api.baseUrl}/healthz`)).status);
      expect(Date.now() - killedAt).toBeLessThan(300_000);
      await sleep(500);
    }
    backAt = Date.now();

    // The supervisor logged the death and started Neo4j again on the same store.
    expect(await api.waitForLog(/died/, 1_000)).toMatchObject({ level: 50 });
    const back = await api.waitForLog(/running again/, 1_000);
    tree.push(Number(back.pid));
    expect(back.pid).not.toBe(api.jvmPid);
    expect(api.logs.some((line) => line.msg === 'Neo4j answers again')).toBe(true);

    const logs = await writing;
    expect(logs.every((log) => log.acknowledged.some((write) => write.at > backAt!))).toBe(true);
    const acknowledged = logs.flatMap((log) => log.acknowledged);
    const failures = logs.flatMap((log) => log.failures);

    // While it was down: /readyz 503 with Retry-After, /healthz 200, and the writers were told
    // SERVICE_UNAVAILABLE with HTTP 503 and Retry-After.
    expect(readyWhileDown.length).toBeGreaterThan(0);
    expect(readyWhileDown.every((ready) => ready.status === 503 && ready.retryAfter === '5')).toBe(true);
    expect(healthWhileDown.every((status) => status === 200)).toBe(true);
    const unavailable = failures.filter((failure) => failure.code === 'SERVICE_UNAVAILABLE');
    expect(unavailable.length).toBeGreaterThan(0);
    expect(unavailable.every((failure) => failure.status === 503 && failure.retryAfter !== null)).toBe(true);

    // Afterwards, straight from Neo4j: each acknowledged write once, nothing that was not
    // acknowledged, every contact whole (both participants), KNOWS counting each contact once.
    check = Database.connect({ uri: String(back.uri), user: 'neo4j', password: '', database: 'neo4j' });
    await check.waitUntilReachable(60_000);
    const stored = await check.read<{ id: string; summary: string; participants: string[] }>(
      `MATCH (i:Interaction) RETURN i.id AS id, i.summary AS summary,
         COLLECT { MATCH (i)<-[:PARTICIPATED_IN]-(p) RETURN p.key ORDER BY p.key } AS participants`,
    );
    expect(stored.map((row) => row.id).sort()).toEqual(acknowledged.map((write) => write.id).sort());
    expect(new Set(stored.map((row) => row.summary)).size).toBe(stored.length);
    for (const row of stored) {
      const w = /^writer (\d+) call \d+$/.exec(row.summary)![1];
      expect(row.participants).toEqual([`p-contact-${w}`, `u-writer-${w}`]);
    }
    const knows = await check.read<{ w: string; interactions: number }>(
      `MATCH (u:User)-[k:KNOWS]-(p:Person) WHERE u.key STARTS WITH 'u-writer-'
       RETURN substring(u.key, 9) AS w, k.interactionCount AS interactions ORDER BY w`,
    );
    expect(knows).toEqual(logs.map((log, w) => ({ w: String(w), interactions: log.acknowledged.length })));
    const [keys] = await check.read<{ count: number }>("MATCH (k:IdempotencyKey) WHERE k.key STARTS WITH 'fault-' RETURN count(k) AS count");
    expect(keys.count).toBe(acknowledged.length);

    const lostAnswers = acknowledged.filter((write) => write.replayed).length;
    const downMs = failures.filter((failure) => failure.status === 503).map((failure) => failure.ms).sort((a, b) => a - b);
    figures.push(
      `  load: ${WRITERS} writers for ${Math.round((Date.now() - started) / 1000)} s; Neo4j killed after ${Math.round((killedAt - started) / 1000)} s (${acknowledged.filter((write) => write.at < killedAt).length} writes acknowledged by then), answering again ${backAt - killedAt} ms after the kill`,
      `  acknowledged writes: ${acknowledged.length}, each stored exactly once (${stored.length} contacts, KNOWS counts ${knows.map((row) => row.interactions).join('/')})`,
      `  retries answered from the stored first result: ${lostAnswers} (committed, but the first answer was lost); resends of acknowledged writes: ${logs.reduce((sum, log) => sum + log.resends, 0)}, all replayed: ${logs.every((log) => log.resends === log.resendsReplayed)}`,
      `  answers that were not acknowledgements: ${failures.length} (${[...new Set(failures.map((failure) => `${failure.status} ${String(failure.code)}`))].join(', ')}), network errors: ${logs.reduce((sum, log) => sum + log.networkErrors, 0)}`,
      `  503 answers while down: median ${downMs[Math.floor(downMs.length / 2)] ?? '-'} ms, slowest ${downMs.at(-1) ?? '-'} ms; /readyz 503 in at most ${Math.max(...readyWhileDown.map((ready) => ready.ms))} ms`,
    );
    expect(logs.every((log) => log.resends === log.resendsReplayed)).toBe(true);
  });
});
