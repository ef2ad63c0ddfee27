import { randomBytes } from 'node:crypto';
import pino from 'pino';
import { mintToken, type AuthSettings } from '../../src/access';
import type { UserRole } from '../../src/generated/graphql';
import type { ImportDocument } from '../../src/import';
import { DEFAULT_TIMEOUTS } from '../../src/config';
import { Database } from '../../src/neo4j/database';
import { migrate } from '../../src/neo4j/migrations';
import { nameKeyOf } from '../../src/model/name-key';
import { startApp, type AppOptions, type RunningApp } from '../../src/server';

export interface GraphQLResponse<T = any> {
  data?: T;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, any> }[];
}

/** Sends operations to /graphql with one credential. */
export interface TestClient {
  /** POSTs one operation to /graphql. */
  gql<T = any>(query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<T>>;
  /** Runs one operation and fails the test on any GraphQL error. */
  data<T = any>(query: string, variables?: Record<string, unknown>): Promise<T>;
  /** POSTs one operation and answers the HTTP status with the body (for sign-in tests). */
  post<T = any>(query: string, variables?: Record<string, unknown>): Promise<{ status: number; body: GraphQLResponse<T> }>;
}

/**
 * Who a request signs in as: a user holding only this role (`u-test-<role>`, created when first
 * used), a user of the graph by key or id, a token or API key as given, or nobody (null).
 */
export type Identity = UserRole | { user: string } | { token: string } | { apiKey: string } | null;

/** The HTTP headers of a credential. */
export type CredentialHeaders = Record<string, string>;

/**
 * A running server. Its own gql/data sign in as the test ADMIN: the user `u-test-admin` ("Test
 * Admin", role ADMIN), which every test database holds (it is created again after `reset`);
 * `as(identity)` signs in as someone else.
 */
export interface TestServer extends TestClient {
  url: string;
  baseUrl: string;
  db: Database;
  /** The secret tokens are signed with (HS256), e.g. to mint tokens with other claims. */
  auth: AuthSettings;
  /** A client that signs in as `identity`. */
  as(identity: Identity): TestClient;
  /** The HTTP headers that sign a request in as `identity`, for tests that post raw bodies. */
  credentials(identity: Identity): Promise<CredentialHeaders>;
  /** Imports a graph document through the API and returns node ids by key. */
  importGraph(graph: ImportDocument): Promise<Record<string, string>>;
  /** Deletes everything in the database but the test users. */
  reset(): Promise<void>;
  /**
   * Runs `work` on a database emptied of everything, the test users too (for what needs an empty
   * database, like loading the seeds); the test users are back afterwards.
   */
  onEmptyDatabase<T>(work: () => Promise<T>): Promise<T>;
  stop(): Promise<void>;
}

/** The signed-in identity of every test server; it is a User node of every test database. */
export const TEST_ADMIN = { key: 'u-test-admin', name: 'Test Admin' } as const;

/**
 * How many database round trips signing a request in costs (reading the user of the token): the
 * test server keeps no sign-in (AUTH_CACHE_SECONDS=0), because tests write users straight into the
 * database; test/access/sign-in*.test.ts turn the cache on.
 */
export const SIGN_IN_ROUND_TRIPS = 1;

export interface TestServerOptions {
  production?: boolean;
  /** Defaults to the suite's Neo4j (NEO4J_URI). */
  uri?: string;
  /** Keep existing data (default: start from an empty database). */
  keepData?: boolean;
  /** Limits, deadline, heavy-question bound and logger other than the defaults (the log is silent). */
  app?: Partial<Pick<AppOptions, 'limits' | 'requestTimeoutMs' | 'heavyQuestions' | 'authCacheSeconds' | 'log'>>;
  /** Sign-in settings beside the random HS256 secret (issuer, audience, an identity provider's JWKS). */
  auth?: Omit<AuthSettings, 'jwtSecret'>;
}

const IDS_BY_KEY = 'MATCH (n:Entity) WHERE n.key IS NOT NULL RETURN n.key AS key, n.id AS id';
const ENSURE_USER = `
MERGE (u:Entity:User {key: $key})
ON CREATE SET u.id = randomUUID(), u.name = $name, u.nameKey = $nameKey, u.roles = $roles, u.createdAt = datetime(), u.updatedAt = datetime()`;

const roleUserKey = (role: UserRole) => `u-test-${role.toLowerCase().replace(/_/g, '-')}`;

/** Starts the real HTTP server on a free port against a real Neo4j, on an empty database (but for the test ADMIN). */
export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const uri = options.uri ?? process.env.NEO4J_URI;
  if (!uri) throw new Error('NEO4J_URI is not set: run the tests with npm test');
  const db = Database.connect({
    uri,
    user: process.env.NEO4J_USER || 'neo4j',
    password: process.env.NEO4J_PASSWORD ?? '',
    database: process.env.NEO4J_DATABASE || 'neo4j',
    // Generous, like the request deadline below: tests assert answers, not speed, and a loaded
    // machine may take longer than NEO4J_TX_TIMEOUT_MS's default over a big write.
    timeouts: { ...DEFAULT_TIMEOUTS, transactionMs: 60_000 },
  });
  try {
    await db.waitUntilReachable(30_000);
    await migrate(db);
  } catch (error) {
    await db.close();
    throw error;
  }
  const auth: AuthSettings = { jwtSecret: randomBytes(32).toString('base64url'), ...options.auth };
  const ensureUser = (key: string, name: string, roles: UserRole[]) => db.write(ENSURE_USER, { key, name, nameKey: nameKeyOf(name), roles });
  /** Role users made so far; made again after a reset. */
  const roleUsers = new Set<UserRole>();
  const ensureTestUsers = async () => {
    await ensureUser(TEST_ADMIN.key, TEST_ADMIN.name, ['ADMIN']);
    for (const role of roleUsers) await ensureUser(roleUserKey(role), `Test ${role}`, [role]);
  };
  const reset = async () => {
    await db.write('MATCH (n) DETACH DELETE n');
    await ensureTestUsers();
  };
  if (!options.keepData) await reset();
  else await ensureTestUsers();
  // As npm start does in development: the explorer's sign-in form (and GraphiQL) offer the ADMIN's token.
  const developmentToken = await mintToken(auth, TEST_ADMIN.key, '6h');
  const app: RunningApp = await startApp(
    // A generous deadline: a cold Neo4j on a loaded machine plans its first queries slowly, and
    // tests assert answers, not speed (test/neo4j/time-bounds.test.ts tests the deadline itself).
    {
      db, log: pino({ level: 'silent' }), production: options.production ?? false, auth, developmentToken, requestTimeoutMs: 60_000,
      authCacheSeconds: 0, ...options.app,
    },
    0,
  );

  const tokens = new Map<string, Promise<string>>();
  const tokenOf = (sub: string) => {
    if (!tokens.has(sub)) tokens.set(sub, mintToken(auth, sub, '6h'));
    return tokens.get(sub)!;
  };
  const headersOf = async (identity: Identity): Promise<CredentialHeaders> => {
    if (identity === null) return {};
    if (typeof identity === 'string') {
      if (!roleUsers.has(identity)) {
        roleUsers.add(identity);
        await ensureUser(roleUserKey(identity), `Test ${identity}`, [identity]);
      }
      return { authorization: `Bearer ${await tokenOf(roleUserKey(identity))}` };
    }
    if ('apiKey' in identity) return { 'x-api-key': identity.apiKey };
    const token = 'token' in identity ? identity.token : await tokenOf(identity.user);
    return { authorization: `Bearer ${token}` };
  };
  const client = (identity: Identity): TestClient => {
    const post = async (query: string, variables?: Record<string, unknown>) => {
      const response = await fetch(app.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(await headersOf(identity)) },
        body: JSON.stringify({ query, variables }),
      });
      return { status: response.status, body: (await response.json()) as GraphQLResponse };
    };
    const gql = async (query: string, variables?: Record<string, unknown>) => (await post(query, variables)).body;
    const data = async (query: string, variables?: Record<string, unknown>) => {
      const result = await gql(query, variables);
      if (result.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(result.errors, null, 2)}`);
      return result.data;
    };
    return { gql, data, post };
  };
  const admin = client({ user: TEST_ADMIN.key });
  return {
    url: app.url,
    baseUrl: app.url.replace(/\/graphql$/, ''),
    db,
    auth,
    ...admin,
    as: client,
    credentials: headersOf,
    reset,
    onEmptyDatabase: async (work) => {
      await db.write('MATCH (n) DETACH DELETE n');
      try {
        return await work();
      } finally {
        await ensureTestUsers();
      }
    },
    importGraph: async (graph) => {
      await admin.data(/* GraphQL */ `mutation ($graph: JSON!) { importGraph(graph: $graph) { nodesCreated } }`, { graph });
      const rows = await db.read<{ key: string; id: string }>(IDS_BY_KEY);
      return Object.fromEntries(rows.map((row) => [row.key, row.id]));
    },
    stop: async () => {
      await app.close();
      await db.close();
    },
  };
}

export interface UseTestServerOptions extends TestServerOptions {
  /** Imported once before the tests (or before each test with `freshEach`). */
  graph?: ImportDocument;
  /** Empty the database (and import `graph` again) before each test. */
  freshEach?: boolean;
}

/**
 * The setup every test file shares: starts a test server for the tests of the enclosing
 * `describe` (on an empty database, with `graph` imported) and stops it after them. `server`
 * is usable inside tests and later hooks; `ids` maps the graph's keys to node ids.
 */
export function useTestServer(options: UseTestServerOptions = {}): { server: TestServer; ids: Record<string, string> } {
  const { graph, freshEach, ...serverOptions } = options;
  let started: TestServer | undefined;
  const ids: Record<string, string> = {};
  const running = (): TestServer => {
    if (!started) throw new Error('The test server starts in beforeAll; use it inside tests and hooks.');
    return started;
  };
  const load = async () => {
    for (const key of Object.keys(ids)) delete ids[key];
    if (graph) Object.assign(ids, await running().importGraph(graph));
  };
  beforeAll(async () => {
    started = await startTestServer(serverOptions);
    if (!freshEach) await load();
  });
  if (freshEach) {
    beforeEach(async () => {
      await running().reset();
      await load();
    });
  }
  afterAll(() => started?.stop());
  const server: TestServer = {
    get url() { return running().url; },
    get baseUrl() { return running().baseUrl; },
    get db() { return running().db; },
    get auth() { return running().auth; },
    gql: (query, variables) => running().gql(query, variables),
    data: (query, variables) => running().data(query, variables),
    post: (query, variables) => running().post(query, variables),
    as: (identity) => {
      // Resolved per call, so a client made before beforeAll still reaches the started server.
      const forward = (): TestClient => running().as(identity);
      return {
        gql: (query, variables) => forward().gql(query, variables),
        data: (query, variables) => forward().data(query, variables),
        post: (query, variables) => forward().post(query, variables),
      };
    },
    credentials: (identity) => running().credentials(identity),
    importGraph: (document) => running().importGraph(document),
    reset: () => running().reset(),
    onEmptyDatabase: (work) => running().onEmptyDatabase(work),
    stop: () => running().stop(),
  };
  return { server, ids };
}
