import { independent } from '../../src/import/import-rows';
import { parseBatch, type ImportItem } from '../../src/import/parse-batch';
import { worldRows } from '../../seeds/generator/generate-world';
import { runCli } from '../support/run-cli';
import { graphAsSeen, ndjsonFile } from '../support/import-files';
import { useTestServer } from '../support/test-server';

const runImport = (args: string[]) => runCli('src/import/cli.ts', args);


const node = (key: string, id?: string) => ({ kind: 'node', path: key, row: { type: 'Organization', key, ...(id ? { id } : {}), properties: { name: key } } }) as ImportItem;
const serves = (from: string, to: string) => ({ kind: 'relationship', path: `${from}>${to}`, row: { type: 'SERVES', from, to, properties: { as: 'DISTRIBUTOR' } } }) as ImportItem;
const knows = (from: string, to: string) => ({ kind: 'relationship', path: `${from}~${to}`, row: { type: 'KNOWS', from, to } }) as ImportItem;
const batch = (...items: ImportItem[]) => parseBatch(items);

describe('which batches are written at once', () => {
  it('node batches naming different nodes, and relationship batches writing different relationships', () => {
    expect(independent(batch(node('a'), node('b')), batch(node('c')))).toBe(true);
    expect(independent(batch(serves('a', 'b')), batch(serves('a', 'c'), serves('b', 'c')))).toBe(true);
  });

  it('not when they name the same node, by key or by id', () => {
    expect(independent(batch(node('a'), node('b')), batch(node('b')))).toBe(false);
    expect(independent(batch(node('a', 'id-1')), batch(node('b', 'id-1')))).toBe(false);
  });

  it('not when they write the same relationship, in either direction of an undirected type', () => {
    expect(independent(batch(serves('a', 'b')), batch(serves('a', 'b')))).toBe(false);
    expect(independent(batch(knows('p', 'q')), batch(knows('q', 'p')))).toBe(false);
  });

  it('not when either mixes nodes and relationships, or one has nodes and the other relationships', () => {
    expect(independent(batch(node('a')), batch(serves('a', 'b')))).toBe(false);
    expect(independent(batch(serves('a', 'b')), batch(node('c')))).toBe(false);
    expect(independent(batch(node('a'), serves('x', 'y')), batch(node('b')))).toBe(false);
  });
});

describe('npm run import with two writers', () => {
  const { server } = useTestServer();


  it('writes the same graph as one writer, and importing again creates nothing', async () => {
    const file = ndjsonFile([...worldRows({ nodes: 800, seed: 5 })].map((item) => (item.section === 'nodes' ? { node: item.row } : { relationship: item.row })));
    await server.reset();
    const one = await runImport([file, '--batch-size', '100', '--writers', '1']);
    expect(one.code).toBe(0);
    const expected = await graphAsSeen(server.db);

    await server.reset();
    const two = await runImport([file, '--batch-size', '100', '--writers', '2']);
    expect(two.stderr).toBe('');
    expect(two.code).toBe(0);
    expect(two.stdout).toMatch(/in batches of 100, 2 at once when independent/);
    expect(await graphAsSeen(server.db)).toEqual(expected);
    expect(expected.relationships.length).toBeGreaterThan(800);

    const again = await runImport([file, '--batch-size', '100', '--writers', '2']);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/nodes: 0 created, 0 updated; relationships: 0 created, 0 updated/);
  });

  it('a refused batch writes nothing of itself; the one written beside it is imported, and the message says so', async () => {
    await server.reset();
    const nodes = ['org-a', 'org-b', 'org-c', 'org-d'].map((key) => ({ node: { type: 'Organization', key, properties: { name: key } } }));
    const link = (from: string, to: string) => ({ relationship: { type: 'SERVES', from, to, properties: { as: 'DISTRIBUTOR' } } });
    const file = ndjsonFile([...nodes, link('org-a', 'org-b'), link('org-a', 'org-nowhere'), link('org-b', 'org-c'), link('org-c', 'org-a')]);
    // Batches of two: the nodes, then (a→b, a→nowhere) written beside (b→c, c→a).
    const result = await runImport([file, '--batch-size', '2', '--writers', '2']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^ {2}line 6\.relationship\.to: no node with this key in this import or the database$/m);
    expect(result.stderr).toMatch(/The 4 rows before it \(2 batches\) were imported and stay; nothing of this batch \(line 5\.relationship to line 6\.relationship\) was written\./);
    expect(result.stderr).toMatch(/The next batch \(line 7\.relationship to line 8\.relationship\), written beside it, was imported\./);
    expect(result.stderr).toMatch(/go on from here with --skip 4\./);
    const links = await server.db.read<{ from: string; to: string }>('MATCH (a)-[:SERVES]->(b) RETURN a.key AS from, b.key AS to ORDER BY from');
    expect(links).toEqual([{ from: 'org-b', to: 'org-c' }, { from: 'org-c', to: 'org-a' }]);
  });
});
