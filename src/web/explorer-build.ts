import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../project-root';

/** The explorer's sources (a Vite project) and the static files the API serves from them. */
export const EXPLORER_SOURCES = path.join(PROJECT_ROOT, 'explorer');
export const EXPLORER_DIST = path.join(EXPLORER_SOURCES, 'dist');
const VITE_BIN = path.join(PROJECT_ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
const VITE_CONFIG = path.join(EXPLORER_SOURCES, 'vite.config.ts');
/** Dependencies change the bundle as much as the sources do. */
const LOCKFILE = path.join(PROJECT_ROOT, 'package-lock.json');
/** A build is marked by its index.html: written last, and its time says how old the build is. */
const builtMarker = (dist: string) => path.join(dist, 'index.html');

export class ExplorerBuildError extends Error {
  override name = 'ExplorerBuildError';
}

export type ExplorerBuildOutcome = 'current' | 'built' | 'prebuilt';

/**
 * Builds the explorer with Vite when its static files are missing or older than any source file
 * (or the lockfile), as the embedded Neo4j's launcher is built: once, and again only after a
 * change. Without sources (a production image ships only the built files) nothing is built.
 * `dist` is where the API serves it from; a test names a copy.
 */
export async function ensureExplorerBuilt(progress: (line: string) => void = stderrLine, dist = EXPLORER_DIST): Promise<ExplorerBuildOutcome> {
  if (!fs.existsSync(VITE_CONFIG)) {
    if (fs.existsSync(builtMarker(dist))) return 'prebuilt';
    throw new ExplorerBuildError(`Neither the explorer's sources nor its built files are in ${path.relative(PROJECT_ROOT, EXPLORER_SOURCES)}/.`);
  }
  if (isExplorerBuildCurrent(dist)) return 'current';
  if (!fs.existsSync(VITE_BIN)) {
    throw new ExplorerBuildError('Vite is not installed, so the explorer cannot be built: run npm ci.');
  }
  const why = fs.existsSync(builtMarker(dist)) ? 'its sources changed' : 'it is not built yet';
  progress(`Building the explorer with Vite (${why})...`);
  const started = Date.now();
  await buildInto(dist);
  progress(`Explorer built in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  return 'built';
}

/** The build is current when its index.html is newer than every source file and the lockfile. */
export function isExplorerBuildCurrent(dist = EXPLORER_DIST): boolean {
  const marker = builtMarker(dist);
  if (!fs.existsSync(marker)) return false;
  const built = fs.statSync(marker).mtimeMs;
  return [LOCKFILE, ...sourceFiles(EXPLORER_SOURCES)].every((file) => fs.statSync(file).mtimeMs <= built);
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.name === 'dist' || entry.name.startsWith('.')) return [];
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? sourceFiles(full) : [full];
  });
}

/**
 * Builds into a private folder and swaps it in, so that a server reading dist/ meanwhile, or a
 * second process building at the same time, never sees half a build.
 */
async function buildInto(target: string): Promise<void> {
  const scratch = path.join(path.dirname(target), `.build-${process.pid}-${Date.now()}`);
  try {
    await runVite(['build', '--config', VITE_CONFIG, '--outDir', scratch, '--emptyOutDir']);
    const old = `${scratch}-old`;
    if (fs.existsSync(target)) fs.renameSync(target, old);
    fs.renameSync(scratch, target);
    fs.rmSync(old, { recursive: true, force: true });
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

function runVite(args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [VITE_BIN, ...args], { cwd: PROJECT_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const keep = (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-20_000);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.once('error', (error) => reject(new ExplorerBuildError(`Vite did not run: ${error.message}`)));
    child.once('exit', (code) => {
      if (code === 0) resolve();
      else reject(new ExplorerBuildError(`Building the explorer failed (vite build, exit ${code}):\n${tail(output, 30)}`));
    });
  });
}

function tail(text: string, lines: number): string {
  return text.trim().split('\n').slice(-lines).join('\n');
}

function stderrLine(line: string): void {
  process.stderr.write(`${line}\n`);
}
