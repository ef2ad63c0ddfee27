import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCli } from '../support/run-cli';
import { useTestServer } from '../support/test-server';

/** Runs `npm run import -- <args>` (the same entry) against the suite's Neo4j. */
const runImport = (args: string[]) => runCli('src/import/cli.ts', args);

function writeFile(name: string, text: string): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'xrm-import-cli-')), name);
  fs.writeFileSync(file, text);
  return file;
}

describe('npm run import', () => {
  const { server } = useTestServer();

  const count = async () => (await server.db.read<{ n: number }>('MATCH (n) RETURN count(n) AS n'))[0].n;

  it('imports a document in batches with progress lines and the report, exit code 0', async () => {
    const nodes = Array.from({ length: 25 }, (_, i) => ({ type: 'Organization', key: `org-${i}`, properties: { name: `Org ${i}` } }));
    const relationships = Array.from({ length: 24 }, (_, i) => ({ type: 'SERVES', from: 'org-0', to: `org-${i + 1}`, properties: { as: 'DISTRIBUTOR' } }));
    const file = writeFile('good.json', JSON.stringify({ nodes, relationships }));
    const result = await runImport([file, '--batch-size', '10']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^ {2}10 rows in \d+ s · [\d,]+ rows\/s · \d+% of the file · ETA /m);
    expect(result.stdout).toMatch(/imported 49 rows in \d+ s \([\d,]+ rows\/s\) — nodes: 25 created, 0 updated; relationships: 24 created, 0 updated/);
    expect(await count()).toBe(25 + 1); // the file's nodes and the signed-in Test Admin

    const again = await runImport([file]);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/nodes: 0 created, 0 updated; relationships: 0 created, 0 updated/);
  });

  it('streams NDJSON, one row per line, to the same graph', async () => {
    await server.reset();
    const lines = [
      { node: { type: 'Organization', key: 'org-a', properties: { name: 'A' } } },
      { node: { type: 'Person', key: 'p-a', properties: { name: 'Pa' } } },
      { relationship: { type: 'WORKS_AT', from: 'p-a', to: 'org-a', properties: { title: 'Boss' } } },
    ];
    const file = writeFile('good.ndjson', `${lines.map((line) => JSON.stringify(line)).join('\n')}\n\n`);
    const result = await runImport([file, '--batch-size', '2']);
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/nodes: 2 created, 0 updated; relationships: 1 created, 0 updated/);
    const rows = await server.db.read('MATCH (:Person {key: "p-a"})-[w:WORKS_AT]->(:Organization {key: "org-a"}) RETURN w.title AS title');
    expect(rows).toEqual([{ title: 'Boss' }]);
  });

  it('prints every problem of a rejected batch as "path: message", writes nothing of it, exit code 1', async () => {
    const before = await count();
    const file = writeFile('bad.json', JSON.stringify({
      nodes: [{ type: 'Person', key: 'p-x', properties: { name: 'X', email: 'nope' } }, { type: 'Robot', key: 'r-1' }],
      relationships: [{ type: 'KNOWS', from: 'p-x', to: 'p-missing', properties: { strength: 2 } }],
    }));
    const result = await runImport([file]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^ {2}nodes\[0\]\.properties\.email: must be an e-mail address/m);
    expect(result.stderr).toMatch(/^ {2}nodes\[1\]\.type: must be one of/m);
    expect(result.stderr).toMatch(/^ {2}relationships\[0\]\.properties\.strength: /m);
    expect(result.stderr).toMatch(/^ {2}relationships\[0\]\.to: no node with this key/m);
    expect(result.stderr).toMatch(/Nothing was imported; nothing of this batch \(nodes\[0\] to relationships\[0\]\) was written/);
    expect(await count()).toBe(before);
  });

  it('stops at a bad batch of an NDJSON file, keeps the batches before it, and goes on with --skip once it is fixed', async () => {
    await server.reset();
    const good = Array.from({ length: 6 }, (_, i) => ({ node: { type: 'Organization', key: `org-${i}`, properties: { name: `Org ${i}` } } }));
    const bad = { relationship: { type: 'SERVES', from: 'org-0', to: 'org-nowhere' } };
    const text = (rows: unknown[]) => rows.map((row) => JSON.stringify(row)).join('\n');
    const file = writeFile('partly.ndjson', `${text(good)}\nnot json\n${text([bad])}\n`);
    const result = await runImport([file, '--batch-size', '3']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^ {2}line 7: is not valid JSON$/m);
    expect(result.stderr).toMatch(/^ {2}line 8\.relationship\.to: no node with this key in this import or the database$/m);
    expect(result.stderr).toMatch(/The 6 rows before it \(2 batches\) were imported and stay; nothing of this batch \(line 7 to line 8\.relationship\) was written/);
    expect(result.stderr).toMatch(/go on from here with --skip 6\./);
    expect(await count()).toBe(6 + 1); // and the signed-in Test Admin

    const fixed = writeFile('fixed.ndjson', `${text(good)}\n${text([{ relationship: { type: 'SERVES', from: 'org-0', to: 'org-5' } }])}\n`);
    const resumed = await runImport([fixed, '--skip', '6']);
    expect(resumed.stderr).toBe('');
    expect(resumed.stdout).toMatch(/imported 1 rows .* nodes: 0 created, 0 updated; relationships: 1 created/);
  });

  it('explains its usage when the arguments are wrong', async () => {
    const result = await runImport(['--batch-size', '0', 'x.json']);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(/--batch-size must be a whole number/);
  });
});
