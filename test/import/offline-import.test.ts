import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Database, type Reader } from '../../src/neo4j/database';
import { startEmbeddedNeo4j } from '../../src/neo4j/embedded';
import { databaseFolders } from '../../src/neo4j/offline-importer';
import { seedFiles } from '../../src/import';
import { worldRows } from '../../seeds/generator/generate-world';
import { ndjsonFile } from '../support/import-files';
import { runCli } from '../support/run-cli';
import { useTestServer } from '../support/test-server';

/** The import command on an embedded store of its own (NEO4J_URI unset), as `npm run import` runs on a machine without a server. */
const importInto = (store: string, args: string[]) => runCli('src/import/cli.ts', args, { NEO4J_URI: '', NEO4J_DATA_DIR: store, NEO4J_HEAP_MB: '512', NEO4J_PAGECACHE_MB: '32' });
const freshStore = () => fs.mkdtempSync(path.join(os.tmpdir(), 'xrm-offline-'));
const startedAt = Date.now();
/** Each test starts several JVMs (the offline importer, Neo4j on the store it built, one to read it). */
const SLOW = 600_000;
const { server } = useTestServer();

/**
 * The whole graph a database holds, to compare two imports completely: every node by its key
 * (or its id when it has none) with its labels and every property with its Neo4j type; every
 * relationship with its type, its ends and its properties. A node's generated id is only checked
 * to be a string, and a time written by the import itself (not given by the row) reads "now".
 */
async function wholeGraph(db: Pick<Reader, 'read'>): Promise<{ nodes: string[]; relationships: string[] }> {
  const properties = (v: string) => `[name IN keys(${v}) | [name, valueType(${v}[name]), ${v}[name]]]`;
  const name = (v: string) => `coalesce(${v}.key, ${v}.id)`;
  const nodes = await db.read(`MATCH (n) RETURN ${name('n')} AS name, n.key IS NULL AS keyless, labels(n) AS labels, ${properties('n')} AS properties`);
  const relationships = await db.read(`MATCH (a)-[r]->(b) RETURN type(r) AS type, ${name('a')} AS from, ${name('b')} AS to, ${properties('r')} AS properties`);
  const shown = (rows: Record<string, unknown>[]) =>
    rows
      .map(({ keyless, ...row }) => {
        const props = (row.properties as [string, string, unknown][]).map(([key, type, value]) => {
          if (key === 'id' && !keyless && 'labels' in row) return [key, type];
          const now = typeof value === 'string' && /DATETIME/.test(type) && Date.parse(value) >= startedAt;
          return [key, type, now ? 'now' : value];
        });
        return JSON.stringify({ ...row, labels: (row.labels as string[] | undefined)?.sort(), properties: props.sort() });
      })
      .sort();
  return { nodes: shown(nodes), relationships: shown(relationships) };
}

/** The whole graph of an embedded store the suite's Neo4j does not hold. */
async function storeGraph(store: string): Promise<Awaited<ReturnType<typeof wholeGraph>>> {
  const neo4j = await startEmbeddedNeo4j({ dataDir: store, heapMb: 256, pageCacheMb: 16 });
  const db = Database.connect({ uri: neo4j.uri, user: 'neo4j', password: '', database: 'neo4j' });
  try {
    return await wholeGraph(db);
  } finally {
    await db.close();
    await neo4j.stop();
  }
}

/** `file` imported through Bolt into the suite's Neo4j, emptied for it (the test users too), and the graph it made. */
function boltImport(file: string, args: string[]) {
  return server.onEmptyDatabase(async () => {
    const result = await runCli('src/import/cli.ts', [file, '--bolt', ...args]);
    return { ...result, graph: await wholeGraph(server.db) };
  });
}

const reportLine = (stdout: string) => /^imported [\d,]+ rows in .* — (nodes: .*)$/m.exec(stdout)?.[1];

/** Imports `file` offline into a fresh store and through Bolt; expects the same report and the same graph; answers the offline store. */
async function expectSameAsBolt(file: string, args: string[] = []): Promise<{ store: string; graph: Awaited<ReturnType<typeof wholeGraph>>; stdout: string }> {
  const offlineStore = freshStore();
  const offline = await importInto(offlineStore, [file, ...args]);
  const bolt = await boltImport(file, args);
  expect(offline.stdout).toMatch(/^offline import — a first load into an empty embedded store/m);
  expect(bolt.stdout).toMatch(/^Bolt import — every row through Bolt/m);
  expect({ code: offline.code, stderr: offline.stderr }).toEqual({ code: 0, stderr: '' });
  expect(bolt.code).toBe(0);
  expect(reportLine(offline.stdout)).toBeDefined();
  expect(reportLine(offline.stdout)).toBe(reportLine(bolt.stdout));
  const graph = await storeGraph(offlineStore);
  expect(graph).toEqual(bolt.graph);
  return { store: offlineStore, graph, stdout: offline.stdout };
}

describe('a first load through the offline importer', () => {
  it('builds the same sample world and generated world as the Bolt import, and importing them again creates nothing', async () => {
    const seeds = seedFiles().flatMap((file) => {
      const doc = JSON.parse(fs.readFileSync(file, 'utf8')) as { nodes?: unknown[]; relationships?: unknown[] };
      return [...(doc.nodes ?? []).map((node) => ({ node })), ...(doc.relationships ?? []).map((relationship) => ({ relationship }))];
    });
    // 300 generated nodes bring every kind of row the generator makes (hubs, REPORTS_TO chains,
    // KNOWS, INFLUENCES, SERVES …) as 1,000 did; the file is imported three times, so its size
    // is what the test pays for, and the size is not what it tests.
    const generated = [...worldRows({ nodes: 300, seed: 11 })].map((item) => (item.section === 'nodes' ? { node: item.row } : { relationship: item.row }));
    const file = ndjsonFile([...seeds, ...generated]);
    const { store, graph, stdout } = await expectSameAsBolt(file, ['--batch-size', '200']);
    // Every node row made its node (no key repeats); every relationship row made or updated one.
    const rows = [...seeds, ...generated];
    const nodeRows = rows.filter((row) => 'node' in row).length;
    expect(graph.nodes).toHaveLength(nodeRows);
    const [, created, updated] = /relationships: (\d+) created, (\d+) updated$/.exec(reportLine(stdout)!)!.map(Number);
    expect(created + updated).toBe(rows.length - nodeRows);
    expect(graph.relationships).toHaveLength(created);

    const again = await importInto(store, [file, '--batch-size', '200']);
    expect({ code: again.code, stderr: again.stderr }).toEqual({ code: 0, stderr: '' });
    expect(again.stdout).toMatch(/^Bolt import — every row through Bolt: the store at .* already holds a database$/m);
    // The sample world updates some relationships twice (a later file restates them), so a re-import updates them again; it creates nothing.
    expect(again.stdout).toMatch(/nodes: 0 created, 0 updated; relationships: 0 created, \d+ updated/);
    fs.rmSync(store, { recursive: true, force: true });
  }, SLOW);

  it('gives repeats, updates, ends by id, lists, times, numbers and awkward strings the same outcome as the Bolt import', async () => {
    const org = (key: string, properties: Record<string, unknown>) => ({ node: { type: 'Organization', key, properties } });
    const rel = (type: string, from: Record<string, string>, to: Record<string, string>, properties?: Record<string, unknown>) => ({ relationship: { type, ...from, ...to, properties } });
    const rows = [
      org('org-a', { name: 'Acme "Heating", Ltd', kinds: ['CUSTOMER', 'DISTRIBUTOR'], employees: 12, annualRevenue: 1500000.5, domain: '' }),
      org('org-b', { name: 'Line\nbreak GmbH', kinds: [], employees: 0 }),
      { node: { type: 'Person', key: 'p-1', id: 'given-id-1', properties: { name: 'Anna; Weber', email: 'ANNA@Example.com' } } },
      { node: { type: 'Person', key: 'p-2', properties: { name: 'Ben', title: ' spaced ' }, createdAt: '2020-05-01T10:00:00+02:00', updatedAt: '2021-01-01T00:00:00Z' } },
      { node: { type: 'User', key: 'u-1', properties: { name: 'Kim', roles: ['KEY_ACCOUNT_MANAGER', 'SALES'], active: true } } },
      { node: { type: 'Opportunity', key: 'opp-1', properties: { name: 'Boilers', amount: 20000, probability: 0.25, expectedCloseDate: '2026-06-30', closedAt: '2026-07-01T12:30:00.250+01:00' } } },
      { node: { type: 'Campaign', key: 'camp-1', properties: { name: 'Spring', channel: 'EMAIL', purpose: 'newsletter' } } },
      { node: { type: 'Consent', id: 'consent-1', properties: { channel: 'EMAIL', purpose: 'newsletter', granted: true, at: '2026-01-02T03:04:05Z' } } },
      rel('WORKS_AT', { from: 'p-1' }, { to: 'org-a' }, { title: 'Buyer', since: '2019-01-01' }),
      rel('KNOWS', { from: 'u-1' }, { to: 'p-1' }, { strength: 0.8 }),
      rel('RESPONDED', { from: 'p-1' }, { to: 'camp-1' }, { kind: 'OPENED', at: '2026-03-01T08:00:00Z' }),
      rel('SERVES', { from: 'org-a' }, { to: 'org-b' }, { as: 'DISTRIBUTOR' }),
      // a second batch on: updates of nodes and relationships, the other direction of KNOWS, a second RESPONDED kind
      org('org-a', { name: 'Acme Heating Ltd', employees: 13 }),
      { node: { type: 'Person', key: 'p-3', properties: { name: 'Cleo' } } },
      rel('KNOWS', { from: 'p-1' }, { to: 'u-1' }, { strength: 0.9 }),
      rel('RESPONDED', { from: 'p-1' }, { to: 'camp-1' }, { kind: 'CLICKED', at: '2026-03-01T09:00:00Z' }),
      rel('WORKS_AT', { from: 'p-1' }, { to: 'org-a' }, { title: 'Head of Buying' }),
      rel('WORKS_AT', { from: 'p-3' }, { to: 'org-b' }),
      rel('GAVE', { from: 'p-1' }, { toId: 'consent-1' }),
      // after a row naming an end by id: what is new is still created, through Bolt
      rel('WORKS_AT', { fromId: 'given-id-1' }, { to: 'org-b' }, { title: 'Advisor' }),
      rel('KNOWS', { from: 'p-2' }, { to: 'p-3' }),
      rel('WORKS_AT', { from: 'p-2' }, { to: 'org-b' }),
      { node: { type: 'Person', key: 'p-2', properties: { title: 'Chief' } } },
    ];
    const { store, graph, stdout } = await expectSameAsBolt(ndjsonFile(rows), ['--batch-size', '4']);
    // Both ways were taken: some rows offline, the others replayed.
    expect(stdout).toMatch(/^the offline importer built .* from [1-9]\d* rows in .*; [1-9]\d* rows are replayed through Bolt$/m);
    expect(graph.nodes).toHaveLength(9);
    expect(graph.relationships).toHaveLength(10);
    fs.rmSync(store, { recursive: true, force: true });
  }, SLOW);

  it('rejects a bad batch as the Bolt import does: the batches before it stay, nothing of it is written, and the store is whole', async () => {
    const rows = [
      ...Array.from({ length: 6 }, (_, i) => ({ node: { type: 'Organization', key: `org-${i}`, properties: { name: `Org ${i}` } } })),
      { relationship: { type: 'SERVES', from: 'org-0', to: 'org-1', properties: { as: 'DISTRIBUTOR' } } },
      { relationship: { type: 'SERVES', from: 'org-0', to: 'org-nowhere', properties: { as: 'DISTRIBUTOR' } } },
      { relationship: { type: 'SERVES', from: 'org-2', to: 'org-3', properties: { as: 'RESELLER' } } },
    ];
    const file = ndjsonFile(rows);
    const offlineStore = freshStore();
    const offline = await importInto(offlineStore, [file, '--batch-size', '3']);
    const bolt = await boltImport(file, ['--batch-size', '3']);
    expect(offline.code).toBe(1);
    expect(bolt.code).toBe(1);
    const problems = (stderr: string) => stderr.split('\n').filter((line) => line.startsWith('  '));
    expect(problems(offline.stderr)).toEqual(['  line 8.relationship.to: no node with this key in this import or the database']);
    expect(problems(offline.stderr)).toEqual(problems(bolt.stderr));
    expect(offline.stderr).toMatch(/go on from here with --skip 6\./);
    const graph = await storeGraph(offlineStore);
    expect(graph.nodes).toHaveLength(6);
    expect(graph).toEqual(bolt.graph);
    fs.rmSync(offlineStore, { recursive: true, force: true });
  }, SLOW);

  it('leaves no database behind when the offline importer fails, and says how to go on', async () => {
    const store = freshStore();
    const rows = [{ node: { type: 'Organization', key: 'org-1', properties: { name: 'One' } } }];
    // No JDK where JAVA_HOME says: the importer cannot run (the launcher is already built by the tests before).
    const result = await runCli('src/import/cli.ts', [ndjsonFile(rows)], { NEO4J_URI: '', NEO4J_DATA_DIR: store, JAVA_HOME: path.join(store, 'no-jdk') });
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(/^the offline import failed, and the store at .* was left without a database: .*\nRun the same command again, or import through Bolt with --bolt\.$/ms);
    expect(fs.existsSync(databaseFolders(store).store)).toBe(false);
    expect(fs.readdirSync(store)).toEqual([]);
    fs.rmSync(store, { recursive: true, force: true });
  }, SLOW);
});
