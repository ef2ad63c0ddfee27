/**
 * The servers the bench measures, each in a process of its own: the API as production runs it
 * (the `npm run build` output, NODE_ENV=production) and @neo4j/graphql on Apollo Server 5, both
 * on the bench store's Neo4j. They stop with the bench.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import { randomBytes } from 'node:crypto';
import net from 'node:net';
import path from 'node:path';
import { PROJECT_ROOT } from '../src/project-root';

export interface ServerProcess {
  url: string;
  pid: number;
  stop(): Promise<void>;
}

/** The resident memory of process `pid` in MB (Linux's /proc), or undefined where that is not readable. */
export function residentMb(pid: number): number | undefined {
  try {
    const kb = /VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb === undefined ? undefined : Math.round(Number(kb) / 1024);
  } catch {
    return undefined;
  }
}

/** CPU seconds (user + system, all threads) process `pid` has used so far (Linux's /proc), or undefined where that is not readable. */
export function cpuSeconds(pid: number): number | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // After the command name in parentheses: the state is field 3, utime 14 and stime 15, in clock ticks.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS_PER_SECOND;
  } catch {
    return undefined;
  }
}

/** USER_HZ: what /proc counts CPU time in, 100 on every Linux Node runs on. */
const CLOCK_TICKS_PER_SECOND = 100;

/** Runs `npm run build` (compiled API and explorer) unless BENCH_BUILD=false. */
export function buildApi(log: (line: string) => void): void {
  if (process.env.BENCH_BUILD === 'false') return log('BENCH_BUILD=false: using the existing dist/ build');
  log('building the API as production runs it (npm run build)');
  const result = spawnSync('npm', ['run', '-s', 'build'], { cwd: PROJECT_ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  if (result.status !== 0) throw new Error('npm run build failed; the bench measures the compiled API only');
}

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Where a build of the API lives (its `dist/`) and the flags its node gets. */
export interface ApiBuild {
  root: string;
  nodeArgs: string[];
}

/** This checkout's build, with BENCH_API_NODE_ARGS, e.g. "--cpu-prof --cpu-prof-dir=/tmp/profiles" to see where the API's time goes. */
export const THIS_BUILD: ApiBuild = { root: PROJECT_ROOT, nodeArgs: process.env.BENCH_API_NODE_ARGS?.split(' ').filter(Boolean) ?? [] };

/** Starts the compiled API on `neo4jUri` with NODE_ENV=production, checking tokens signed with `jwtSecret`; waits until /readyz answers. */
export async function startApi(neo4jUri: string, jwtSecret: string, build: ApiBuild = THIS_BUILD): Promise<ServerProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, [...build.nodeArgs, path.join(build.root, 'dist/src/main.js')], {
    cwd: build.root,
    env: { ...process.env, NODE_ENV: 'production', NEO4J_URI: neo4jUri, NEO4J_USER: 'neo4j', NEO4J_PASSWORD: '', PORT: String(port), SEED: 'false', LOG_LEVEL: 'warn', AUTH_JWT_SECRET: jwtSecret,
      // Required in production; the bench opens no preference link.
      LINK_SIGNING_SECRET: randomBytes(32).toString('base64url'),
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  await waitFor(child, async () => (await fetch(`${base}/readyz`)).ok, 'the API');
  return { url: `${base}/graphql`, pid: child.pid!, stop: () => stop(child) };
}

/** Starts @neo4j/graphql (bench/neo4j-graphql/server.ts) on `neo4jUri`, also with NODE_ENV=production. */
export async function startNeo4jGraphQL(neo4jUri: string): Promise<ServerProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(__dirname, 'neo4j-graphql/server.ts')], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, NODE_ENV: 'production', NEO4J_URI: neo4jUri, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let ready = false;
  child.stdout!.on('data', (chunk: Buffer) => {
    if (chunk.toString().includes('READY ')) ready = true;
  });
  await waitFor(child, async () => ready, '@neo4j/graphql');
  return { url: `http://127.0.0.1:${port}/`, pid: child.pid!, stop: () => stop(child) };
}

async function waitFor(child: ChildProcess, ready: () => Promise<boolean>, name: string): Promise<void> {
  const deadline = Date.now() + 120_000;
  let exited = false;
  child.once('exit', () => (exited = true));
  for (;;) {
    if (exited) throw new Error(`${name} exited before it was ready (exit code ${child.exitCode})`);
    try {
      if (await ready()) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`${name} was not ready within 120 s`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
