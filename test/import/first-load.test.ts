import fs from 'node:fs';
import { FirstLoad } from '../../src/import/first-load';
import { importRows } from '../../src/import/import-rows';
import { parseBatch, type ImportItem } from '../../src/import/parse-batch';
import { ndjsonItems } from '../../src/import/read-ndjson';
import { WrittenSoFar } from '../../src/import/written-so-far';
import { worldRows } from '../../seeds/generator/generate-world';
import { runCli } from '../support/run-cli';
import { graphAsSeen, ndjsonFile } from '../support/import-files';
import { useTestServer } from '../support/test-server';

const runImport = (args: string[]) => runCli('src/import/cli.ts', args);


const item = (row: Record<string, unknown>): ImportItem => ({ kind: 'relationship', path: `${String(row.from ?? row.fromId)}>${String(row.to ?? row.toId)}`, row });
const knows = (from: string, to: string) => item({ type: 'KNOWS', from, to });
const responded = (from: string, to: string, kind: string) => item({ type: 'RESPONDED', from, to, properties: { kind } });
/** The rows of each batch that FirstLoad calls new, by path, batch after batch. */
function newPerBatch(...batches: ImportItem[][]): string[][] {
  const firstLoad = new FirstLoad();
  return batches.map((items) => [...firstLoad.surelyNew(parseBatch(items)).relationships].map((row) => row.path));
}

describe('which relationships of a first load are surely new', () => {
  it('every row of the first batch; in a later batch only what no earlier batch wrote, in either direction of an undirected type', () => {
    expect(newPerBatch([knows('p', 'q'), knows('p', 'r')], [knows('q', 'p'), knows('q', 'r')], [knows('p', 'r')])).toEqual([['p>q', 'p>r'], ['q>r'], []]);
  });

  it('a relationship keyed by a property is new per value of it', () => {
    expect(newPerBatch([responded('p', 'c', 'OPENED')], [responded('p', 'c', 'CLICKED'), responded('p', 'c', 'OPENED')])).toEqual([['p>c'], ['p>c']]);
  });

  it('none from the first row that names an end by id on (a keyed node may be named both ways)', () => {
    const byId = item({ type: 'KNOWS', fromId: 'id-p', to: 'q' });
    expect(newPerBatch([knows('a', 'b'), byId], [knows('c', 'd')])).toEqual([['a>b'], []]);
  });
});

const node = (key: string, id?: string): ImportItem => ({ kind: 'node', path: key, row: { type: 'Person', key, ...(id ? { id } : {}), properties: { name: key } } });

describe('which nodes of a first load are surely new', () => {
  it('those no earlier batch named, by key or by id', () => {
    const firstLoad = new FirstLoad();
    const newRefs = (...items: ImportItem[]) => [...firstLoad.surelyNew(parseBatch(items)).nodeRefs];
    expect(newRefs(node('p-1', 'id-1'), node('p-2'))).toEqual(['key:p-1', 'id:id-1', 'key:p-2']);
    expect(newRefs(node('p-1'), node('p-3', 'id-1'), node('p-4'))).toEqual(['key:p-3', 'key:p-4']);
  });
});

describe('WrittenSoFar', () => {
  it('holds everything added, and little else', () => {
    const written = new WrittenSoFar();
    for (let i = 0; i < 20_000; i += 1) written.add(`KNOWS|key:p-${i}|key:q-${i}`);
    let missing = 0;
    let falselyHeld = 0;
    for (let i = 0; i < 20_000; i += 1) {
      if (!written.mayHold(`KNOWS|key:p-${i}|key:q-${i}`)) missing += 1;
      if (written.mayHold(`KNOWS|key:p-${i}|key:r-${i}`)) falselyHeld += 1;
    }
    expect(missing).toBe(0);
    expect(falselyHeld).toBeLessThan(5);
  });
});

describe('npm run import into a store without entities (relationships created, not merged)', () => {
  const { server } = useTestServer();


  const person = (key: string) => ({ node: { type: 'Person', key, properties: { name: key } } });
  const link = (type: string, from: string, to: string, properties: Record<string, unknown> = {}) => ({ relationship: { type, from, to, properties } });
  /**
   * Batches of 3: people and a campaign; then relationships, among them one written again in a
   * later batch with a new property, an undirected one again the other way round, and two
   * responses of one person to one campaign (parallel relationships, one per kind); at the end,
   * a person again with an e-mail.
   */
  const rows = [
    person('p-1'), person('p-2'), person('p-3'),
    { node: { type: 'Campaign', key: 'c-1', properties: { name: 'Spring', channel: 'EMAIL', purpose: 'launch' } } },
    { node: { type: 'Organization', key: 'org-1', properties: { name: 'Acme' } } },
    person('p-4'),
    link('KNOWS', 'p-1', 'p-2', { strength: 0.4 }),
    link('WORKS_AT', 'p-1', 'org-1', { title: 'Buyer', since: '2021-03-02' }),
    link('RESPONDED', 'p-1', 'c-1', { kind: 'OPENED', at: '2026-01-05T10:00:00Z' }),
    link('RESPONDED', 'p-1', 'c-1', { kind: 'CLICKED', at: '2026-01-05T10:01:00Z' }),
    link('KNOWS', 'p-2', 'p-1', { strength: 0.4 }),
    link('WORKS_AT', 'p-1', 'org-1', { title: 'Head of Purchasing', since: '2021-03-02' }),
    link('KNOWS', 'p-3', 'p-4'),
    link('RESPONDED', 'p-1', 'c-1', { kind: 'OPENED', at: '2026-01-05T10:00:00Z' }),
    { node: { type: 'Person', key: 'p-3', properties: { name: 'p-3', email: 'p3@example.com' } } },
  ];
  const REPORT = /nodes: 6 created, 1 updated; relationships: 5 created, 1 updated/;

  it('gives the graph and the report that merging every relationship gives, with two writers; again, it creates nothing', async () => {
    const file = ndjsonFile(rows);
    const created = await server.onEmptyDatabase(async () => {
      const first = await runImport([file, '--batch-size', '3', '--writers', '2']);
      expect(first.stderr).toBe('');
      expect(first.code).toBe(0);
      expect(first.stdout).toMatch(REPORT);
      const loaded = await graphAsSeen(server.db);
      const again = await runImport([file, '--batch-size', '3', '--writers', '2']);
      // The file updates one relationship of its own (WORKS_AT's title), and does so again.
      expect(again.stdout).toMatch(/nodes: 0 created, 0 updated; relationships: 0 created, 2 updated/);
      expect(await graphAsSeen(server.db)).toEqual(loaded);
      return loaded;
    });
    const merged = await server.onEmptyDatabase(async () => {
      const report = await importRows(server.db.forImport(), ndjsonItems(fs.createReadStream(file)), { batchSize: 3, writers: 2 });
      expect(report).toEqual({ nodesCreated: 6, nodesUpdated: 1, relationshipsCreated: 5, relationshipsUpdated: 1 });
      return graphAsSeen(server.db);
    });
    expect(created).toEqual(merged);
    expect(created.relationships.filter((row) => row.includes('"RESPONDED"'))).toHaveLength(2);
    expect(created.relationships.find((row) => row.includes('"WORKS_AT"'))).toMatch(/"title","Head of Purchasing"/);
  });

  it('gives a generated world the same graph as merging it', async () => {
    const file = ndjsonFile([...worldRows({ nodes: 600, seed: 11 })].map((row) => (row.section === 'nodes' ? { node: row.row } : { relationship: row.row })));
    const created = await server.onEmptyDatabase(async () => {
      const result = await runImport([file, '--batch-size', '250']);
      expect(result.code).toBe(0);
      return graphAsSeen(server.db);
    });
    const merged = await server.onEmptyDatabase(async () => {
      await importRows(server.db.forImport(), ndjsonItems(fs.createReadStream(file)), { batchSize: 250, writers: 2 });
      return graphAsSeen(server.db);
    });
    expect(created.relationships.length).toBeGreaterThan(600);
    expect(created).toEqual(merged);
  });

  it('a batch whose created relationship misses an end writes nothing of itself', async () => {
    const file = ndjsonFile([person('p-1'), person('p-2'), person('p-3'), link('KNOWS', 'p-1', 'p-2'), link('KNOWS', 'p-1', 'p-nowhere'), person('p-5')]);
    await server.onEmptyDatabase(async () => {
      const result = await runImport([file, '--batch-size', '3']);
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/^ {2}line 5\.relationship\.to: no node with this key in this import or the database$/m);
      expect(result.stderr).toMatch(/The 3 rows before it \(1 batch\) were imported and stay/);
      expect(await server.db.read('MATCH (n:Entity) RETURN n.key AS key ORDER BY key')).toEqual([{ key: 'p-1' }, { key: 'p-2' }, { key: 'p-3' }]);
      expect(await server.db.read('MATCH ()-[r]->() RETURN r')).toEqual([]);
    });
  });
});
