import fs from 'node:fs';
import {
  descendants, isAlive, killTree, requestInFlight, startApiProcess, waitUntil, within,
  type ApiProcess, type Target,
} from '../support/api-process';

jest.setTimeout(300_000);

/** The shutdown contract: everything is gone this long after the signal. */
const SHUTDOWN_LIMIT_MS = 15_000;

type Delivery = 'to the process' | 'to its process group (Ctrl-C in a terminal)';

const CASES: [NodeJS.Signals, Target, Delivery][] = [
  ['SIGTERM', 'node', 'to the process'],
  ['SIGINT', 'node', 'to the process'],
  ['SIGTERM', 'tsx', 'to the process'],
  ['SIGINT', 'tsx', 'to the process'],
  ['SIGTERM', 'npm', 'to the process'],
  ['SIGINT', 'npm', 'to the process'],
  ['SIGINT', 'npm', 'to its process group (Ctrl-C in a terminal)'],
];

describe('shutdown', () => {
  const figures: string[] = [];
  let api: ApiProcess | undefined;
  let tree: number[] = [];

  afterEach(() => {
    killTree(tree);
    if (api) fs.rmSync(api.dataDir, { recursive: true, force: true });
    api = undefined;
    tree = [];
  });
  afterAll(() => process.stdout.write(`\nshutdown (signal → every process gone):\n${figures.join('\n')}\n`));

  it.each(CASES)('on %s to %s, sent %s: answers the request in flight, exits 0 and leaves no process behind', async (signal, target, delivery) => {
    api = await startApiProcess(target);
    const leader = api.child.pid!;
    tree = [leader, ...descendants(leader)];
    expect(tree).toContain(api.jvmPid);

    const QUERY = '{ organizations(first: 1) { totalCount } }';
    // Once before, so that the one in flight finds its Cypher planned and a connection open.
    await fetch(`${api.baseUrl}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: QUERY }) });
    const inFlight = requestInFlight(api.baseUrl, QUERY, api.authorization);
    await new Promise((resolve) => setTimeout(resolve, 200)); // the server has the request's first half
    const signalledAt = Date.now();
    process.kill(delivery === 'to the process' ? leader : -leader, signal);
    await api.waitForLog(/shutting down/, 5_000);

    const answer = await inFlight.finish();
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toEqual({ data: { organizations: { totalCount: 0 } } });

    const exit = await within(api.exited, SHUTDOWN_LIMIT_MS, 'still running');
    expect(exit).toEqual({ code: 0, signal: null });
    expect(await waitUntil(() => tree.every((pid) => !isAlive(pid)), SHUTDOWN_LIMIT_MS - (Date.now() - signalledAt))).toBe(true);
    const steps = api.logs.filter((line) => line.step).map((line) => `${String(line.step).split(':')[0]} ${line.ms} ms`);
    figures.push(`  ${signal} to ${target} ${delivery}: ${Date.now() - signalledAt} ms (${steps.join(', ')})`);
    expect(api.logs.at(-1)).toMatchObject({ msg: 'xrm-graph stopped', clean: true });
  });

  it('exits at once on a second signal, and the embedded Neo4j follows', async () => {
    api = await startApiProcess('node');
    const leader = api.child.pid!;
    tree = [leader, ...descendants(leader)];
    requestInFlight(api.baseUrl, '{ __typename }', api.authorization); // never finished: the drain would wait for it
    await new Promise((resolve) => setTimeout(resolve, 200));
    process.kill(leader, 'SIGTERM');
    await api.waitForLog(/shutting down/, 5_000);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    process.kill(leader, 'SIGTERM');

    expect(await api.exited).toEqual({ code: 128 + 15, signal: null });
    expect(await waitUntil(() => tree.every((pid) => !isAlive(pid)), SHUTDOWN_LIMIT_MS)).toBe(true);
  });
});
