import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { randomBytes } from 'node:crypto';
import { mintToken } from '../../src/access';
import { Database } from '../../src/neo4j/database';

const ROOT = path.join(__dirname, '../..');

/** How the API is started: node directly, through tsx's CLI, or `npm start` (npm → sh → node). */
export type Target = 'node' | 'tsx' | 'npm';

export interface ApiProcess {
  /** The process we spawned (node, tsx's CLI or npm); the leader of its own process group. */
  child: ChildProcess;
  baseUrl: string;
  /** Process id of the embedded Neo4j's JVM (from the start line). */
  jvmPid: number;
  /** Every JSON log line so far. */
  logs: Record<string, unknown>[];
  /** Resolves with the first log line whose msg matches. */
  waitForLog(pattern: RegExp, timeoutMs: number): Promise<Record<string, unknown>>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  dataDir: string;
  /** `Authorization` header value of an ADMIN made for the test (the store starts empty). */
  authorization: string;
}

const TEST_ADMIN_KEY = 'u-test-admin';
const ENSURE_ADMIN = `
MERGE (u:Entity:User {key: $key})
ON CREATE SET u.id = randomUUID(), u.name = 'Test Admin', u.nameKey = 'test admin', u.roles = ['ADMIN'], u.createdAt = datetime(), u.updatedAt = datetime()`;

const COMMANDS: Record<Target, [string, string[]]> = {
  node: [process.execPath, ['--import', 'tsx', 'src/main.ts']],
  tsx: [path.join(ROOT, 'node_modules/.bin/tsx'), ['src/main.ts']],
  npm: ['npm', ['start', '--silent']],
};

/** An API process on a Neo4j it did not start (NEO4J_URI): no JVM of its own. */
export type ApiProcessOnServer = Omit<ApiProcess, 'jvmPid'>;

/**
 * Starts the real API (src/main.ts) with its own embedded Neo4j on a fresh store, in its own
 * process group (as a shell starts a foreground job), and waits for its start line.
 */
export async function startApiProcess(target: Target, env: Record<string, string> = {}): Promise<ApiProcess> {
  const api = await launch(target, env);
  return { ...api, jvmPid: Number(api.startLine.embeddedNeo4jPid) };
}

/**
 * Starts the real API as startApiProcess does, but on the Neo4j at `neo4jUri` (a test's own
 * server, e.g. the worker's): for what does not involve the embedded JVM. That database is
 * emptied first, as a fresh store would be.
 */
export async function startApiProcessOn(neo4jUri: string, target: Target, env: Record<string, string> = {}): Promise<ApiProcessOnServer> {
  const db = connectTo(neo4jUri);
  try {
    await db.write('MATCH (n) DETACH DELETE n');
  } finally {
    await db.close();
  }
  const { startLine: _start, ...api } = await launch(target, { ...env, NEO4J_URI: neo4jUri });
  return api;
}

/** A Neo4j the tests were given, with the suite's credentials. */
export function connectTo(uri: string): Database {
  return Database.connect({ uri, user: process.env.NEO4J_USER || 'neo4j', password: process.env.NEO4J_PASSWORD ?? '', database: process.env.NEO4J_DATABASE || 'neo4j' });
}

async function launch(target: Target, env: Record<string, string>): Promise<ApiProcessOnServer & { startLine: Record<string, unknown> }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'xrm-graph-api-'));
  const jwtSecret = randomBytes(32).toString('base64url');
  const { NEO4J_URI: _uri, NODE_ENV: _env, ...inherited } = process.env;
  const [command, args] = COMMANDS[target];
  const child = spawn(command, args, {
    cwd: ROOT,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...inherited,
      PORT: '0',
      HOST: '127.0.0.1',
      SEED: 'false',
      NEO4J_DATA_DIR: dataDir,
      NEO4J_HEAP_MB: '384',
      NEO4J_PAGECACHE_MB: '16',
      LOG_LEVEL: 'info',
      AUTH_JWT_SECRET: jwtSecret,
      ...env,
    },
  });
  // 'close', not 'exit': by then every log line the process wrote has been read.
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('close', (code, signal) => resolve({ code, signal })),
  );
  const logs: Record<string, unknown>[] = [];
  const waiters: { pattern: RegExp; resolve: (line: Record<string, unknown>) => void }[] = [];
  let stderr = '';
  child.stderr!.on('data', (chunk) => (stderr += chunk.toString()));
  readline.createInterface({ input: child.stdout! }).on('line', (text) => {
    if (!text.startsWith('{')) return;
    const line = JSON.parse(text) as Record<string, unknown>;
    logs.push(line);
    for (const waiter of [...waiters]) {
      if (waiter.pattern.test(String(line.msg))) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(line);
      }
    }
  });
  const waitForLog = (pattern: RegExp, timeoutMs: number) => {
    const seen = logs.find((line) => pattern.test(String(line.msg)));
    if (seen) return Promise.resolve(seen);
    return new Promise<Record<string, unknown>>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no log line ${pattern} within ${timeoutMs} ms; stderr: ${stderr}`)), timeoutMs);
      waiters.push({ pattern, resolve: (line) => (clearTimeout(timer), resolve(line)) });
      void exited.then(({ code }) => reject(new Error(`the API exited (${code}) before ${pattern}; stderr: ${stderr}`)));
    });
  };
  const start = await waitForLog(/listens on/, 240_000);
  // An ADMIN to sign in as, written straight into the API's Neo4j.
  const db = env.NEO4J_URI
    ? connectTo(env.NEO4J_URI)
    : Database.connect({ uri: String((await waitForLog(/the embedded Neo4j is running/, 1_000)).uri), user: 'neo4j', password: '', database: 'neo4j' });
  try {
    await db.write(ENSURE_ADMIN, { key: TEST_ADMIN_KEY });
  } finally {
    await db.close();
  }
  const authorization = `Bearer ${await mintToken({ jwtSecret }, TEST_ADMIN_KEY, '6h')}`;
  return {
    child,
    baseUrl: `http://127.0.0.1:${start.port}`,
    startLine: start,
    logs,
    waitForLog,
    exited,
    dataDir,
    authorization,
  };
}

/** Every process below `pid` (children, grandchildren, …), from /proc. */
export function descendants(pid: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // the process ended while we looked
    }
  }
  const found: number[] = [];
  const walk = (parent: number) => {
    for (const child of children.get(parent) ?? []) {
      found.push(child);
      walk(child);
    }
  };
  walk(pid);
  return found;
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return !fs.readFileSync(`/proc/${pid}/stat`, 'utf8').includes(') Z ');
  } catch {
    return false;
  }
}

/** `promise`'s value, or `fallback` if it takes longer than `ms` (the timer never outlives it). */
export async function within<T, F>(promise: Promise<T>, ms: number, fallback: F): Promise<T | F> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<F>((resolve) => (timer = setTimeout(() => resolve(fallback), ms)));
  try {
    return await Promise.race([promise, late]);
  } finally {
    clearTimeout(timer);
  }
}

export async function waitUntil(condition: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (condition()) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return condition();
}

/**
 * A GraphQL request whose body is sent in two parts: the server has it in flight from the first
 * part on, and answers only once `finish()` sends the rest.
 */
export function requestInFlight(baseUrl: string, query: string, authorization: string): { finish(): Promise<{ status: number; body: string }> } {
  const body = JSON.stringify({ query });
  const cut = Math.floor(body.length / 2);
  const request = http.request(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), authorization },
  });
  const answer = new Promise<{ status: number; body: string }>((resolve, reject) => {
    request.on('response', (response) => {
      let text = '';
      response.on('data', (chunk) => (text += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body: text }));
    });
    request.on('error', reject);
  });
  answer.catch(() => undefined); // a request left unfinished on purpose ends with the connection
  request.write(body.slice(0, cut));
  return {
    finish: () => {
      request.end(body.slice(cut));
      return answer;
    },
  };
}

/** Kills what is left of an API process tree after a failed test. */
export function killTree(pids: number[]): void {
  for (const pid of pids) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
}
