import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { ensureBuilt, javaCommand, LAUNCHER_CLASSPATH } from './embedded';

/** The CSV files (typed headers, `:ID` / `:START_ID` / `:END_ID` columns) one offline import reads. */
export interface OfflineImportFiles {
  nodes: { labels: string[]; file: string }[];
  relationships: { type: string; file: string }[];
}

export interface OfflineImportOptions {
  /** The embedded store folder (NEO4J_DATA_DIR); it must hold no database. */
  dataDir: string;
  files: OfflineImportFiles;
  /** The character between the items of a list property. */
  arrayDelimiter: string;
  /** Where the importer's own progress lines go. */
  progress: (line: string) => void;
  /** The nodes and relationships the files hold: anything else and the store is not kept. */
  expected: { nodes: number; relationships: number };
  heapMb?: number;
  offHeapMb?: number;
}

const DATABASE = 'neo4j';
/** Lines of the importer's output worth passing on (its stages and totals, not its rows of dots). */
const WORTH_SHOWING = /^\s*(\(\d+\/\d+\)|IMPORT|Imported|\d+ (nodes|relationships|properties)$|Peak memory)/;

/** Where the database lands in an embedded store folder (the launcher's home). */
export function databaseFolders(dataDir: string): { store: string; transactions: string } {
  return { store: path.join(dataDir, 'data/databases', DATABASE), transactions: path.join(dataDir, 'data/transactions', DATABASE) };
}

/** Whether the embedded store folder holds no database yet (a first start or an offline import would make one). */
export function holdsNoDatabase(dataDir: string): boolean {
  return !fs.existsSync(databaseFolders(dataDir).store);
}

/**
 * Builds the embedded store's database with Neo4j's offline batch importer (the launcher's
 * xrm.offline.OfflineImport, which runs `neo4j-admin database import full`), in a folder of its
 * own, and moves it into the store folder only when the importer succeeded with not one bad
 * entry and with every node and relationship of the files: a failed import leaves the store folder as it was (no database), never half a store
 * that a start would take for a good one. Answers what the importer says it imported.
 */
export async function importOffline(options: OfflineImportOptions): Promise<{ nodes: number; relationships: number }> {
  if (!holdsNoDatabase(options.dataDir)) throw new Error(`${options.dataDir} already holds a database; the offline importer only builds a new one`);
  ensureBuilt(options.progress);
  const home = path.join(options.dataDir, '.offline-import-home');
  fs.rmSync(home, { recursive: true, force: true });
  try {
    const counts = await runImporter(home, options);
    const { expected } = options;
    if (counts.nodes !== expected.nodes || counts.relationships !== expected.relationships) {
      throw new Error(`Neo4j's offline importer built ${counts.nodes} nodes and ${counts.relationships} relationships from files of ${expected.nodes} and ${expected.relationships}`);
    }
    const built = databaseFolders(home);
    const target = databaseFolders(options.dataDir);
    fs.rmSync(target.transactions, { recursive: true, force: true });
    fs.mkdirSync(path.dirname(target.store), { recursive: true });
    fs.mkdirSync(path.dirname(target.transactions), { recursive: true });
    // The store folder last: until it is there, the folder holds no database.
    fs.renameSync(built.transactions, target.transactions);
    fs.renameSync(built.store, target.store);
    return counts;
  } finally {
    fs.rmSync(home, { recursive: true, force: true });
  }
}

function runImporter(home: string, options: OfflineImportOptions): Promise<{ nodes: number; relationships: number }> {
  const report = path.join(home, 'import.report');
  const args = [
    `-Xmx${options.heapMb ?? 1024}m`,
    '-cp',
    LAUNCHER_CLASSPATH,
    'xrm.offline.OfflineImport',
    '--home',
    home,
    ...options.files.nodes.map(({ labels, file }) => `--nodes=${labels.join(':')}=${file}`),
    ...options.files.relationships.map(({ type, file }) => `--relationships=${type}=${file}`),
    '--id-type=string',
    `--array-delimiter=${options.arrayDelimiter}`,
    '--bad-tolerance=0',
    `--report-file=${report}`,
    `--max-off-heap-memory=${options.offHeapMb ?? 2048}m`,
    DATABASE,
  ];
  return new Promise((resolve, reject) => {
    fs.mkdirSync(home, { recursive: true });
    const child = spawn(javaCommand(), args, { stdio: ['ignore', 'pipe', 'pipe'] });
    const output: string[] = [];
    const counts = { nodes: -1, relationships: -1 };
    const onLine = (line: string) => {
      output.push(line);
      if (output.length > 40) output.shift();
      const total = /^\s*(\d+) (nodes|relationships)$/.exec(line);
      if (total) counts[total[2] as 'nodes' | 'relationships'] = Number(total[1]);
      if (WORTH_SHOWING.test(line)) options.progress(`  ${line.trim()}`);
    };
    readline.createInterface({ input: child.stdout }).on('line', onLine);
    readline.createInterface({ input: child.stderr }).on('line', onLine);
    child.once('error', reject);
    child.once('close', (code) => {
      if (code === 0 && counts.nodes >= 0 && counts.relationships >= 0) resolve(counts);
      else reject(new Error(`Neo4j's offline importer failed (exit ${code}):\n${output.join('\n')}`));
    });
  });
}
