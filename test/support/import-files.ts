import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Reader } from '../../src/neo4j/database';

/** Writes `rows` as an NDJSON file in a fresh temporary folder; returns its path. */
export function ndjsonFile(rows: unknown[]): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'xrm-import-')), 'rows.ndjson');
  fs.writeFileSync(file, rows.map((row) => JSON.stringify(row)).join('\n'));
  return file;
}

/**
 * The graph as a user sees it, to compare two imports: nodes by key with their labels and
 * properties, every relationship (parallel ones too) between keys; no ids or times.
 */
export async function graphAsSeen(db: Pick<Reader, 'read'>): Promise<{ nodes: string[]; relationships: string[] }> {
  const nodes = await db.read(`
    MATCH (n:Entity) RETURN n.key AS key, labels(n) AS labels,
      [name IN keys(n) WHERE NOT name IN ['id', 'createdAt', 'updatedAt'] | [name, n[name]]] AS properties`);
  const relationships = await db.read(`
    MATCH (a)-[r]->(b) RETURN type(r) AS type, a.key AS from, b.key AS to,
      [name IN keys(r) WHERE NOT name IN ['createdAt', 'updatedAt'] | [name, r[name]]] AS properties`);
  const sorted = (rows: unknown[]) => rows.map((row) => JSON.stringify(row)).sort();
  return { nodes: sorted(nodes), relationships: sorted(relationships) };
}
