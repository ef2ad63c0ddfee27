import fs from 'node:fs';
import {
  connectTo, descendants, isAlive, killTree, requestInFlight, startApiProcess, startApiProcessOn, waitUntil, within,
  type ApiProcessOnServer, type Target,
} from '../support/api-process';

jest.setTimeout(300_000);

/** The shutdown contract: everything is gone this long after the signal. */
const SHUTDOWN_LIMIT_MS = 15_000;

type Delivery = 'to the process' | 'to its process group (Ctrl-C in a terminal)';

/**
 * Whose Neo4j the API uses: its own embedded one, which must go down with it, or the suite's
 * (NEO4J_URI), where only the API's own processes are at stake. Through the tsx and npm wrappers
 * the question is whether the signal reaches the API and every wrapper exits: node's own cases
 * and npm's Ctrl-C prove that the embedded JVM follows, so the wrappers' signals run without
 * starting a JVM each.
 */
type Neo4j = 'its embedded Neo4j' | "the suite's Neo4j";

const CASES: [NodeJS.Signals, Target, Delivery, Neo4j][] = [
  ['SIGTERM', 'node', 'to the process', 'its embedded Neo4j'],
  ['SIGINT', 'node', 'to the process', 'its embedded Neo4j'],
  ['SIGTERM', 'tsx', 'to the process', "the suite's Neo4j"],
  ['SIGINT', 'tsx', 'to the process', "the suite's Neo4j"],
  ['SIGTERM', 'npm', 'to the process', "the suite's Neo4j"],
  ['SIGINT', 'npm', 'to the process', "the suite's Neo4j"],
  ['SIGINT', 'npm', 'to its process group (Ctrl-C in a terminal)', 'its embedded Neo4j'],
];

/** The suite's Neo4j (the worker's, see test/support/worker-neo4j.ts). */
function suiteNeo4jUri(): string {
  const uri = process.env.NEO4J_URI;
  if (!uri) throw new Error('NEO4J_URI is not set: run the tests with npm test');
  return uri;
}

describe('shutdown', () => {
  const figures: string[] = [];
  let api: ApiProcessOnServer | undefined;
  let tree: number[] = [];

  afterEach(() => {
    killTree(tree);
    if (api) fs.rmSync(api.dataDir, { recursive: true, force: true });
    api = undefined;
    tree = [];
  });
  afterAll(() => process.stdout.write(`\nshutdown (signal → every process gone):\n${figures.join('\n')}\n`));

  it.each(CASES)('on %s to %s, sent %s, on %s: answers the request in flight, exits 0 and leaves no process behind', async (signal, target, delivery, neo4j) => {
    if (neo4j === 'its embedded Neo4j') {
      const embedded = await startApiProcess(target);
      api = embedded;
      tree = [embedded.child.pid!, ...descendants(embedded.child.pid!)];
      expect(tree).toContain(embedded.jvmPid);
    } else {
      api = await startApiProcessOn(suiteNeo4jUri(), target);
      tree = [api.child.pid!, ...descendants(api.child.pid!)];
    }
    const leader = api.child.pid!;

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
    figures.push(`  ${signal} to ${target} ${delivery}, on ${neo4j}: ${Date.now() - signalledAt} ms (${steps.join(', ')})`);
    expect(api.logs.at(-1)).toMatchObject({ msg: 'xrm-graph stopped', clean: true });
    if (neo4j === "the suite's Neo4j") {
      // A server the API did not start stays up.
      const db = connectTo(suiteNeo4jUri());
      try {
        expect(await db.read('RETURN 1 AS one')).toEqual([{ one: 1 }]);
      } finally {
        await db.close();
      }
    }
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
