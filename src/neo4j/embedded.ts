import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { PROJECT_ROOT } from '../project-root';

/** A running embedded Neo4j (see embedded-neo4j/). */
export interface EmbeddedNeo4j {
  uri: string;
  port: number;
  /** Process id of the JVM. */
  pid: number;
  /** Settles when the JVM exits, for whatever reason (a crash, a kill, stop()). */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Stops the JVM and waits for it to release the store; kills it after `killAfterMs` (default 30 s). */
  stop(killAfterMs?: number): Promise<void>;
}

export interface EmbeddedOptions {
  dataDir: string;
  /** 0 picks a free port. */
  port?: number;
  heapMb?: number;
  pageCacheMb?: number;
  readyTimeoutMs?: number;
  /** Where build progress and JVM failures are reported (default stderr). */
  progress?: (line: string) => void;
}

const PROJECT_DIR = path.join(PROJECT_ROOT, 'embedded-neo4j');
const JAR = path.join(PROJECT_DIR, 'target/embedded-neo4j.jar');
const LIB = path.join(PROJECT_DIR, 'target/lib');
const READY = 'EMBEDDED_NEO4J_READY ';
/** The launcher's jar and Neo4j's, for `java -cp`. */
export const LAUNCHER_CLASSPATH = `${JAR}${path.delimiter}${path.join(LIB, '*')}`;
const PREREQUISITES =
  'JDK 17+ and Maven are needed for the embedded Neo4j; install them, or set NEO4J_URI to an existing Neo4j 5 server.';

export class EmbeddedNeo4jError extends Error {
  override name = 'EmbeddedNeo4jError';
}

/** Builds the launcher if needed, starts it and resolves once Bolt accepts connections. */
export async function startEmbeddedNeo4j(options: EmbeddedOptions): Promise<EmbeddedNeo4j> {
  const progress = options.progress ?? ((line: string) => process.stderr.write(`${line}\n`));
  ensureBuilt(progress);
  fs.mkdirSync(options.dataDir, { recursive: true });

  const child = spawn(
    javaCommand(),
    [
      `-Xmx${options.heapMb ?? 1024}m`,
      '-XX:+UseG1GC',
      '-cp',
      LAUNCHER_CLASSPATH,
      'xrm.embedded.EmbeddedNeo4j',
      '--data',
      options.dataDir,
      '--port',
      String(options.port ?? 0),
      '--pagecache-mb',
      String(options.pageCacheMb ?? 128),
    ],
    {
      // stdin stays open as a lifeline: when this process dies the pipe closes and the JVM stops.
      stdio: ['pipe', 'pipe', 'pipe'],
      // Its own process group: a terminal's Ctrl-C reaches only the API, which drains its requests
      // and then stops the database itself, instead of losing the database under them.
      detached: true,
    },
  );
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  const uri = await waitForReady(child, options.readyTimeoutMs ?? 120_000);
  return { uri, port: Number(new URL(uri.replace(/^bolt:/, 'http:')).port), pid: child.pid!, exited, stop: (killAfterMs) => stopChild(child, killAfterMs) };
}

/** Builds the launcher (embedded-neo4j/) with Maven unless its jar is newer than its sources. */
export function ensureBuilt(progress: (line: string) => void): void {
  if (isBuildCurrent()) return;
  const mvn = spawnSync('mvn', ['-v'], { encoding: 'utf8' });
  const java = spawnSync(javaCommand(), ['-version'], { encoding: 'utf8' });
  if (mvn.error || mvn.status !== 0 || java.error || java.status !== 0) throw new EmbeddedNeo4jError(PREREQUISITES);

  progress('Building the embedded Neo4j with Maven (the first build downloads Neo4j 5.26, about 120 MB)...');
  const build = spawnSync('mvn', ['-B', '--no-transfer-progress', 'package'], {
    cwd: PROJECT_DIR,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    maxBuffer: 64 * 1024 * 1024,
  });
  for (const line of `${build.stdout}`.split('\n')) {
    if (/^\[(INFO|WARNING|ERROR)\] (Building|BUILD|Copying|Compiling|---)/.test(line)) progress(`  ${line}`);
  }
  if (build.status !== 0) {
    throw new EmbeddedNeo4jError(
      `Building embedded-neo4j failed (mvn package, exit ${build.status}):\n${tail(build.stdout + build.stderr, 30)}\n${PREREQUISITES}`,
    );
  }
  progress('Embedded Neo4j built.');
}

/** The jar is current when it exists and is newer than the pom and every source file. */
function isBuildCurrent(): boolean {
  if (!fs.existsSync(JAR) || !fs.existsSync(LIB)) return false;
  const built = fs.statSync(JAR).mtimeMs;
  const inputs = [path.join(PROJECT_DIR, 'pom.xml'), ...listFiles(path.join(PROJECT_DIR, 'src'))];
  return inputs.every((file) => fs.statSync(file).mtimeMs <= built);
}

function listFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? listFiles(full) : [full];
  });
}

/** The JDK's java: JAVA_HOME's when set, else the one on the PATH. */
export function javaCommand(): string {
  return process.env.JAVA_HOME ? path.join(process.env.JAVA_HOME, 'bin', 'java') : 'java';
}

function waitForReady(child: ChildProcess, timeoutMs: number): Promise<string> {
  const stderr: string[] = [];
  child.stderr!.on('data', (chunk: Buffer) => {
    stderr.push(chunk.toString());
    if (stderr.length > 200) stderr.shift();
  });
  return new Promise((resolve, reject) => {
    const fail = (reason: string) => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      const detail = tail(stderr.join(''), 20);
      reject(new EmbeddedNeo4jError(`The embedded Neo4j did not start: ${reason}${detail ? `\n${detail}` : ''}\n${PREREQUISITES}`));
    };
    const timer = setTimeout(() => fail(`no Bolt after ${timeoutMs / 1000} s`), timeoutMs);
    const onError = (error: Error) => fail(error.message);
    const onExit = (code: number | null) => fail(`the JVM exited with code ${code}`);
    child.once('error', onError);
    child.once('exit', onExit);
    // A pipe to a JVM that died reports EPIPE; the exit is what matters, so these are ignored.
    child.stdin!.on('error', () => undefined);
    readline.createInterface({ input: child.stdout! }).on('line', (line) => {
      if (!line.startsWith(READY)) return;
      clearTimeout(timer);
      child.off('exit', onExit);
      child.off('error', onError);
      child.on('error', () => undefined);
      resolve(line.slice(READY.length).trim());
    });
  });
}

function stopChild(child: ChildProcess, killAfterMs = 30_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const killer = setTimeout(() => child.kill('SIGKILL'), killAfterMs);
    child.once('exit', () => {
      clearTimeout(killer);
      resolve();
    });
    child.stdin!.end();
    child.kill('SIGTERM');
  });
}

function tail(text: string, lines: number): string {
  return text.trim().split('\n').slice(-lines).join('\n');
}
