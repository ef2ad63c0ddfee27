import { DEFAULT_TIMEOUTS } from '../../src/config';
import { Database } from '../../src/neo4j/database';
import { startTestServer } from '../support/test-server';

/** Counts to a hundred million: far longer than any bound below. */
const SLOW = 'UNWIND range(1, 100000000) AS x WITH x WHERE x % 7 = 3 RETURN count(x) AS n /* slow-on-purpose */';
const STILL_RUNNING = "SHOW TRANSACTIONS YIELD currentQuery WHERE currentQuery CONTAINS 'slow-on-purpose' AND NOT currentQuery CONTAINS 'SHOW' RETURN count(*) AS n";

function connect(transactionMs = DEFAULT_TIMEOUTS.transactionMs): Database {
  return Database.connect({
    uri: process.env.NEO4J_URI!,
    user: process.env.NEO4J_USER || 'neo4j',
    password: process.env.NEO4J_PASSWORD ?? '',
    database: process.env.NEO4J_DATABASE || 'neo4j',
    timeouts: { ...DEFAULT_TIMEOUTS, transactionMs },
  });
}

describe('time bounds on database work', () => {
  let db: Database;
  beforeAll(async () => {
    db = connect(500);
    await db.waitUntilReachable(30_000);
  });
  afterAll(() => db.close());

  /** Whether Neo4j has no slow-on-purpose transaction left (it may take a moment to notice). */
  async function nothingLeftRunning(): Promise<boolean> {
    const deadline = Date.now() + 10_000;
    while (Date.now() < deadline) {
      const [{ n }] = await db.forImport().read<{ n: number }>(STILL_RUNNING);
      if (n === 0) return true;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    return false;
  }

  it('stops a transaction at NEO4J_TX_TIMEOUT_MS and says TIMEOUT, and Neo4j stops the work too', async () => {
    await expect(db.read(SLOW)).rejects.toMatchObject({
      extensions: { code: 'TIMEOUT' },
      message: expect.stringMatching(/ran past its 0.5 s limit \(NEO4J_TX_TIMEOUT_MS\)/),
    });
    expect(await nothingLeftRunning()).toBe(true);
  });

  it('cuts every transaction of a request at the request deadline', async () => {
    const request = connect().forRequest(300);
    await expect(request.read(SLOW)).rejects.toMatchObject({
      extensions: { code: 'TIMEOUT' },
      message: expect.stringMatching(/ran past its deadline \(REQUEST_TIMEOUT_MS\)/),
    });
    // Once the deadline has passed, nothing more starts.
    await expect(request.read('RETURN 1 AS one')).rejects.toMatchObject({ extensions: { code: 'TIMEOUT' } });
    expect(await nothingLeftRunning()).toBe(true);
  });

  it('gives the import its own, longer bound instead of the request deadline', async () => {
    const request = db.forRequest(1);
    await new Promise((resolve) => setTimeout(resolve, 10));
    await expect(request.read('RETURN 1 AS one')).rejects.toMatchObject({ extensions: { code: 'TIMEOUT' } });
    expect(await request.forImport().read('RETURN 1 AS one')).toEqual([{ one: 1 }]);
  });
});

describe('the request deadline over HTTP', () => {
  it('answers TIMEOUT for a request that runs out of time, and keeps serving', async () => {
    const server = await startTestServer({ app: { requestTimeoutMs: 1 } });
    try {
      const result = await server.gql('{ organizations(first: 1) { totalCount } }');
      expect(result.errors?.[0].extensions?.code).toBe('TIMEOUT');
      expect(result.errors?.[0].message).toMatch(/REQUEST_TIMEOUT_MS.*ask for less/);
      expect((await fetch(`${server.baseUrl}/healthz`)).status).toBe(200);
      expect((await server.gql('{ __typename }')).data).toEqual({ __typename: 'Query' });
    } finally {
      await server.stop();
    }
  });
});
