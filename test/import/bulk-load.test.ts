import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { MIGRATION_NAMES, READ_ONLY_ENTITY_INDEXES, migrate } from '../../src/neo4j/migrations';
import { worldRows } from '../../seeds/generator/generate-world';
import { graphAsSeen, ndjsonFile } from '../support/import-files';
import { useTestServer } from '../support/test-server';

const ROOT = path.join(__dirname, '../..');
const TSX = path.join(ROOT, 'node_modules/.bin/tsx');

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Starts `npm run import -- <args>` (the same entry) against the suite's Neo4j, in its own process group. */
function startImport(args: string[]): { child: ChildProcess; done: Promise<Run> } {
  const child = spawn(TSX, ['src/import/cli.ts', ...args], { cwd: ROOT, env: { ...process.env, LOG_LEVEL: 'warn' }, detached: true });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk) => (stdout += chunk));
  child.stderr!.on('data', (chunk) => (stderr += chunk));
  const done = new Promise<Run>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
  return { child, done };
}

const runImport = (args: string[]) => startImport(args).done;


/** A generated world (people, firms, users, relationships of every kind) as NDJSON lines. */
function worldFile(nodes: number): string {
  return ndjsonFile([...worldRows({ nodes, seed: 7 })].map((item) => (item.section === 'nodes' ? { node: item.row } : { relationship: item.row })));
}

const DEFERRED_NOTE = /the store holds no entities: \d+ read-only indexes are built after the load/;

describe('npm run import into a store without entities (indexes after the load)', () => {
  const { server } = useTestServer();

  /** What a fresh store is: no nodes, no index, no constraint. */
  async function freshStore(): Promise<void> {
    await server.db.write('MATCH (n) DETACH DELETE n');
    for (const { name } of await server.db.read<{ name: string }>('SHOW CONSTRAINTS YIELD name RETURN name')) await server.db.write(`DROP CONSTRAINT ${name}`);
    for (const { name } of await server.db.read<{ name: string }>("SHOW INDEXES YIELD name, type WHERE type <> 'LOOKUP' RETURN name")) await server.db.write(`DROP INDEX ${name}`);
  }

  /** Every index and constraint with its state (a constraint's index shows under the constraint's name). */
  async function schema(): Promise<Map<string, string>> {
    const rows = await server.db.read<{ name: string; state: string }>("SHOW INDEXES YIELD name, state, type WHERE type <> 'LOOKUP' RETURN name, state");
    return new Map(rows.map((row) => [row.name, row.state]));
  }

  async function expectEveryMigrationOnline(): Promise<void> {
    const states = await schema();
    for (const name of MIGRATION_NAMES) expect([name, states.get(name)]).toEqual([name, 'ONLINE']);
  }


  /** Runs `work` on a fresh store; every migration is back afterwards, for the tests after these. */
  const onFreshStore = <T>(work: () => Promise<T>) =>
    server.onEmptyDatabase(async () => {
      await freshStore();
      try {
        return await work();
      } finally {
        await migrate(server.db);
      }
    });

  it('gives the same graph, every migration online and a working search, as the import with every index first; again, it creates nothing', async () => {
    const file = worldFile(600);
    const [bulk, normal] = await onFreshStore(async () => {
      const first = await runImport([file, '--batch-size', '500']);
      expect(first.stderr).toBe('');
      expect(first.code).toBe(0);
      expect(first.stdout).toMatch(DEFERRED_NOTE);
      expect(first.stdout).toMatch(/^indexes online after \d+ s; done in /m);
      await expectEveryMigrationOnline();
      // The search index holds the loaded nodes: a person is found by its name.
      const [person] = await server.db.read<{ key: string; name: string }>('MATCH (p:Person) RETURN p.key AS key, p.name AS name ORDER BY p.key LIMIT 1');
      const hits = await server.db.read<{ key: string }>(
        "CALL db.index.fulltext.queryNodes('entity_search', $name) YIELD node RETURN node.key AS key",
        { name: `"${person.name}"` },
      );
      expect(hits.map((hit) => hit.key)).toContain(person.key);
      const bulkGraph = await graphAsSeen(server.db);

      const again = await runImport([file, '--batch-size', '500']);
      expect(again.code).toBe(0);
      expect(again.stdout).not.toMatch(DEFERRED_NOTE);
      expect(again.stdout).toMatch(/nodes: 0 created, 0 updated; relationships: 0 created, 0 updated/);
      expect(await graphAsSeen(server.db)).toEqual(bulkGraph);

      await freshStore();
      const indexesFirst = await runImport([file, '--batch-size', '500', '--indexes-first']);
      expect(indexesFirst.code).toBe(0);
      expect(indexesFirst.stdout).not.toMatch(DEFERRED_NOTE);
      await expectEveryMigrationOnline();
      return [bulkGraph, await graphAsSeen(server.db)];
    });
    expect(bulk.nodes.length).toBe(600);
    expect(bulk.relationships.length).toBeGreaterThan(600);
    expect(bulk).toEqual(normal);
  });

  it('refuses a bad batch as any import does — the batches before it stay, nothing of it is written — and still builds every index', async () => {
    const good = Array.from({ length: 3 }, (_, i) => ({ node: { type: 'Organization', key: `org-${i}`, id: `id-${i}`, properties: { name: `Org ${i}` } } }));
    const bad = [
      { node: { type: 'Organization', key: 'org-9', id: 'id-0', properties: { name: 'Org 9' } } }, // the id of org-0, a batch back
      { node: { type: 'Organization', key: 'org-1', properties: { name: 'Org 1, renamed' } } }, // an update: fine alone
      { relationship: { type: 'SERVES', from: 'org-0', to: 'org-nowhere', properties: { as: 'DISTRIBUTOR' } } },
    ];
    const file = ndjsonFile([...good, ...bad]);
    await onFreshStore(async () => {
      const result = await runImport([file, '--batch-size', '3']);
      expect(result.code).toBe(1);
      expect(result.stdout).toMatch(DEFERRED_NOTE);
      expect(result.stderr).toMatch(/^ {2}line 4\.node\.id: belongs to another node \(a Organization with another key\)$/m);
      expect(result.stderr).toMatch(/^ {2}line 6\.relationship\.to: no node with this key in this import or the database$/m);
      expect(result.stderr).toMatch(/The 3 rows before it \(1 batch\) were imported and stay/);
      const rows = await server.db.read<{ key: string; id: string; name: string }>('MATCH (n:Entity) RETURN n.key AS key, n.id AS id, n.name AS name ORDER BY key');
      expect(rows).toEqual(good.map(({ node }) => ({ key: node.key, id: node.id, name: node.properties.name })));
      expect(await server.db.read('MATCH ()-[r]->() RETURN r')).toEqual([]);
      await expectEveryMigrationOnline();
    });
  });

  it('an import cut off during the load leaves a store that the next start completes, and the next import finishes', async () => {
    // 600 nodes are some 2,500 rows, 50 batches: the cut comes after the first, long before the
    // last (the read-only indexes not built below say it came before the end).
    const file = worldFile(600);
    await onFreshStore(async () => {
      const { child, done } = startImport([file, '--batch-size', '50']);
      // Cut it off once the first batches are in, long before the last.
      for (;;) {
        const [{ count }] = await server.db.read<{ count: number }>('MATCH (n:Entity) RETURN count(n) AS count');
        if (count > 0) break;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      process.kill(-child.pid!, 'SIGKILL');
      await done;
      const cutOff = await schema();
      expect([...READ_ONLY_ENTITY_INDEXES].filter((name) => cutOff.has(name))).toEqual([]);
      expect(cutOff.get('entity_key')).toBe('ONLINE');
      expect(cutOff.get('entity_id')).toBe('ONLINE');

      await migrate(server.db); // what every start of the server does first
      await expectEveryMigrationOnline();

      const resumed = await runImport([file, '--batch-size', '500']);
      expect(resumed.stderr).toBe('');
      expect(resumed.code).toBe(0);
      expect(resumed.stdout).not.toMatch(DEFERRED_NOTE);
      const [{ count }] = await server.db.read<{ count: number }>('MATCH (n:Entity) RETURN count(n) AS count');
      expect(count).toBe(600);
    });
  });
});
