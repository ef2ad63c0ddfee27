import pino from 'pino';
import type { ImportDocument } from '../../src/import';
import { Database } from '../../src/neo4j/database';
import { migrate } from '../../src/neo4j/migrations';
import type { Scope } from '../../src/neo4j/scoped-database';
import { startApp, type RunningApp } from '../../src/server';

export interface GraphQLResponse<T = any> {
  data?: T;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, any> }[];
}

export interface TestServer {
  url: string;
  baseUrl: string;
  db: Database;
  /** POSTs one operation to /graphql. */
  gql<T = any>(query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<T>>;
  /** Runs one operation and fails the test on any GraphQL error. */
  data<T = any>(query: string, variables?: Record<string, unknown>): Promise<T>;
  /** Imports a graph document through the API and returns node ids by key. */
  importGraph(graph: ImportDocument): Promise<Record<string, string>>;
  /** Deletes everything in the database. */
  reset(): Promise<void>;
  stop(): Promise<void>;
}

export interface TestServerOptions {
  production?: boolean;
  /** Defaults to the suite's Neo4j (NEO4J_URI). */
  uri?: string;
  /** Keep existing data (default: start from an empty database). */
  keepData?: boolean;
  /**
   * What every request may see (DESIGN §9), handed to the server as its scope (default:
   * everything). See switchableScope for a scope a test changes between requests.
   */
  scope?: Scope;
}

const IDS_BY_KEY = 'MATCH (n:Entity) WHERE n.key IS NOT NULL RETURN n.key AS key, n.id AS id';

/** Starts the real HTTP server on a free port against a real Neo4j, on an empty database. */
export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const uri = options.uri ?? process.env.NEO4J_URI;
  if (!uri) throw new Error('NEO4J_URI is not set: run the tests with npm test');
  const db = Database.connect({
    uri,
    user: process.env.NEO4J_USER || 'neo4j',
    password: process.env.NEO4J_PASSWORD ?? '',
    database: process.env.NEO4J_DATABASE || 'neo4j',
  });
  await migrate(db);
  const reset = () => db.write('MATCH (n) DETACH DELETE n').then(() => undefined);
  if (!options.keepData) await reset();
  const app: RunningApp = await startApp(
    { db, log: pino({ level: 'silent' }), production: options.production ?? false, scope: options.scope },
    0,
  );

  const gql = async (query: string, variables?: Record<string, unknown>) => {
    const response = await fetch(app.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as GraphQLResponse;
  };
  const data = async (query: string, variables?: Record<string, unknown>) => {
    const result = await gql(query, variables);
    if (result.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(result.errors, null, 2)}`);
    return result.data;
  };
  return {
    url: app.url,
    baseUrl: app.url.replace(/\/graphql$/, ''),
    db,
    gql,
    data,
    reset,
    importGraph: async (graph) => {
      await data(/* GraphQL */ `mutation ($graph: JSON!) { importGraph(graph: $graph) { nodesCreated } }`, { graph });
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
    gql: (query, variables) => running().gql(query, variables),
    data: (query, variables) => running().data(query, variables),
    importGraph: (document) => running().importGraph(document),
    reset: () => running().reset(),
    stop: () => running().stop(),
  };
  return { server, ids };
}
