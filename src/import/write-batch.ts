import type { Tx } from '../neo4j/database';
import { RELATIONSHIP_SPECS, type NodeLabel, type RelationshipTypeName } from '../model/graph-model';
import type { ParsedBatch } from './parse-batch';
import type { NodeRow, RelationshipRow } from './parse-row';

export interface ImportReport {
  nodesCreated: number;
  nodesUpdated: number;
  relationshipsCreated: number;
  relationshipsUpdated: number;
}

const UNWIND_CHUNK = 5_000;

/** Writes a checked batch: its nodes first, so that its relationships find both ends. */
export async function writeBatch(tx: Tx, batch: ParsedBatch, now: unknown): Promise<ImportReport> {
  const report = emptyReport();
  await writeNodes(tx, batch.nodes, now, report);
  await writeRelationships(tx, batch.relationships, now, report);
  return report;
}

/**
 * MERGE by key (or by id for a node without one); counts a node as updated only when a given
 * property really changed. A given id, createdAt and updatedAt (a backup's) are kept on create.
 */
function mergeNodesCypher(label: NodeLabel, by: 'key' | 'id'): string {
  return `
UNWIND $rows AS row
OPTIONAL MATCH (old:Entity {${by}: row.ref})
WITH row, old IS NULL AS isNew,
     old IS NOT NULL AND any(name IN keys(row.properties) WHERE old[name] IS NULL OR old[name] <> row.properties[name]) AS changed
MERGE (n:Entity {${by}: row.ref})
  ON CREATE SET n:${label}, n += row.properties, n.id = coalesce(row.id, randomUUID()),
                n.createdAt = coalesce(row.createdAt, $now), n.updatedAt = coalesce(row.updatedAt, $now)
FOREACH (_ IN CASE WHEN changed THEN [1] ELSE [] END | SET n += row.properties, n.updatedAt = coalesce(row.updatedAt, $now))
RETURN count(CASE WHEN isNew THEN 1 END) AS created, count(CASE WHEN changed THEN 1 END) AS updated`;
}

async function writeNodes(tx: Tx, rows: NodeRow[], now: unknown, report: ImportReport): Promise<void> {
  for (const [group, part] of groups(rows, (row) => `${row.label}|${row.ref.by}`)) {
    const { label, ref } = part[0];
    const [counts] = await tx.run<{ created: number; updated: number }>(cached(group, () => mergeNodesCypher(label, ref.by)), {
      rows: part.map((row) => ({
        ref: row.ref.value, id: row.id ?? null, properties: row.properties,
        createdAt: row.createdAt ?? null, updatedAt: row.updatedAt ?? null,
      })),
      now,
    });
    report.nodesCreated += counts.created;
    report.nodesUpdated += counts.updated;
  }
}

/** MERGE by (type, from, to), either direction for undirected types; counts real changes only. */
function mergeRelationshipsCypher(type: RelationshipTypeName, fromBy: 'key' | 'id', toBy: 'key' | 'id'): string {
  const pattern = RELATIONSHIP_SPECS[type].undirected ? `(a)-[old:${type}]-(b)` : `(a)-[old:${type}]->(b)`;
  return `
UNWIND $rows AS row
MATCH (a:Entity {${fromBy}: row.from})
MATCH (b:Entity {${toBy}: row.to})
OPTIONAL MATCH ${pattern}
WITH a, b, row, head(collect(old)) AS old
WITH a, b, row, old, old IS NULL AS isNew,
     old IS NOT NULL AND any(name IN keys(row.properties) WHERE old[name] IS NULL OR old[name] <> row.properties[name]) AS changed
FOREACH (_ IN CASE WHEN isNew THEN [1] ELSE [] END |
  CREATE (a)-[r:${type}]->(b)
  SET r += row.properties, r.createdAt = coalesce(row.createdAt, $now), r.updatedAt = coalesce(row.updatedAt, $now))
FOREACH (_ IN CASE WHEN changed THEN [1] ELSE [] END | SET old += row.properties, old.updatedAt = coalesce(row.updatedAt, $now))
RETURN count(CASE WHEN isNew THEN 1 END) AS created, count(CASE WHEN changed THEN 1 END) AS updated`;
}

async function writeRelationships(tx: Tx, rows: RelationshipRow[], now: unknown, report: ImportReport): Promise<void> {
  for (const [group, part] of groups(rows, (row) => `${row.type}|${row.from.by}|${row.to.by}`)) {
    const { type, from, to } = part[0];
    const [counts] = await tx.run<{ created: number; updated: number }>(cached(group, () => mergeRelationshipsCypher(type, from.by, to.by)), {
      rows: part.map((row) => ({
        from: row.from.value, to: row.to.value, properties: row.properties,
        createdAt: row.createdAt ?? null, updatedAt: row.updatedAt ?? null,
      })),
      now,
    });
    report.relationshipsCreated += counts.created;
    report.relationshipsUpdated += counts.updated;
  }
}

const statements = new Map<string, string>();

/** The Cypher of one kind of row, built once (labels and types come from the allowlist). */
function cached(group: string, build: () => string): string {
  let cypher = statements.get(group);
  if (cypher === undefined) statements.set(group, (cypher = build()));
  return cypher;
}

/** Rows grouped by kind, each group cut into UNWIND-sized parts. */
function* groups<T>(rows: T[], kindOf: (row: T) => string): Generator<[string, T[]]> {
  const byKind = new Map<string, T[]>();
  for (const row of rows) {
    const kind = kindOf(row);
    const group = byKind.get(kind);
    if (group) group.push(row);
    else byKind.set(kind, [row]);
  }
  for (const [kind, group] of byKind) {
    for (let i = 0; i < group.length; i += UNWIND_CHUNK) yield [kind, group.slice(i, i + UNWIND_CHUNK)];
  }
}

export function emptyReport(): ImportReport {
  return { nodesCreated: 0, nodesUpdated: 0, relationshipsCreated: 0, relationshipsUpdated: 0 };
}

export function addReport(total: ImportReport, part: ImportReport): void {
  total.nodesCreated += part.nodesCreated;
  total.nodesUpdated += part.nodesUpdated;
  total.relationshipsCreated += part.relationshipsCreated;
  total.relationshipsUpdated += part.relationshipsUpdated;
}
