import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { useTestServer } from '../support/test-server';

const ROOT = path.join(__dirname, '../..');
const TSX = path.join(ROOT, 'node_modules/.bin/tsx');

/** Runs `npm run import -- <args>` (the same entry) against the suite's Neo4j. */
function runImport(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(TSX, ['src/import/cli.ts', ...args], { cwd: ROOT, env: { ...process.env, LOG_LEVEL: 'warn' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

function writeJson(name: string, value: unknown): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'xrm-import-cli-')), name);
  fs.writeFileSync(file, JSON.stringify(value));
  return file;
}

describe('npm run import', () => {
  const { server } = useTestServer();

  const count = async () => (await server.db.read<{ n: number }>('MATCH (n) RETURN count(n) AS n'))[0].n;

  it('imports a file in batches with progress lines and the report, exit code 0', async () => {
    const nodes = Array.from({ length: 25 }, (_, i) => ({ type: 'Organization', key: `org-${i}`, properties: { name: `Org ${i}` } }));
    const relationships = Array.from({ length: 24 }, (_, i) => ({ type: 'SERVES', from: 'org-0', to: `org-${i + 1}`, properties: { as: 'DISTRIBUTOR' } }));
    const file = writeJson('good.json', { nodes, relationships });
    const result = await runImport([file, '--batch-size', '10']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('10/49 rows');
    expect(result.stdout).toContain('49/49 rows (100%)');
    expect(result.stdout).toMatch(/nodes: 25 created, 0 updated; relationships: 24 created, 0 updated/);
    expect(await count()).toBe(25 + 1); // the file's nodes and the signed-in Test Admin

    const again = await runImport([file]);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/nodes: 0 created, 0 updated; relationships: 0 created, 0 updated/);
  });

  it('prints every problem of a rejected file as "path: message", writes nothing, exit code 1', async () => {
    const before = await count();
    const file = writeJson('bad.json', {
      nodes: [{ type: 'Person', key: 'p-x', properties: { name: 'X', email: 'nope' } }, { type: 'Robot', key: 'r-1' }],
      relationships: [{ type: 'KNOWS', from: 'p-x', to: 'p-missing', properties: { strength: 2 } }],
    });
    const result = await runImport([file]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^ {2}nodes\[0\]\.properties\.email: must be an e-mail address/m);
    expect(result.stderr).toMatch(/^ {2}nodes\[1\]\.type: must be one of/m);
    expect(result.stderr).toMatch(/^ {2}relationships\[0\]\.properties\.strength: /m);
    expect(result.stderr).toMatch(/^ {2}relationships\[0\]\.to: no node with key "p-missing"/m);
    expect(await count()).toBe(before);
  });

  it('explains its usage when the arguments are wrong', async () => {
    const result = await runImport(['--batch-size', '0', 'x.json']);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(/--batch-size must be a whole number/);
  });
});
