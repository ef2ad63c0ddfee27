import type { Tx } from '../neo4j/database';
import { RELATIONSHIP_SPECS, type NodeLabel, type RelationshipTypeName } from '../model/graph-model';
import { withNameKey } from '../model/name-key';
import { NOTHING_SURELY_NEW, type SurelyNew } from './first-load';
import { checkErasedKeys, checkNodes, checkRelationshipEnds, existingNodes, nodeRowRefs, type ExistingNodes } from './check-batch';
import type { ParsedBatch } from './parse-batch';
import { refId, type NodeRow, type RelationshipRow } from './parse-row';
import { rejectedImport } from './problems';
import { newNodeProperties, newRelationshipProperties, rowTimes } from './row-writes';

export interface ImportReport {
  nodesCreated: number;
  nodesUpdated: number;
  relationshipsCreated: number;
  relationshipsUpdated: number;
}

const UNWIND_CHUNK = 5_000;

/**
 * Checks a parsed batch against itself and the database and writes it, in the caller's
 * transaction: nodes first (created or updated as the lookup found them), then relationships,
 * whose writes match both ends with their allowed types. Any problem — of shape, of a node, or
 * an end the relationship writes did not find — throws one BAD_USER_INPUT naming every problem
 * of the batch and `outcome`; the transaction then writes nothing. Relationship ends are only
 * looked up on their own when something is wrong, so a good batch costs one lookup per node row.
 * What a first load knows to be new (`surelyNew`, see FirstLoad) is written without a look for
 * an old one.
 */
export async function importBatch(
  tx: Tx,
  batch: ParsedBatch,
  now: unknown,
  outcome: string,
  details: Record<string, unknown> = {},
  surelyNew: SurelyNew = NOTHING_SURELY_NEW,
): Promise<ImportReport> {
  // A copy, so that a retried transaction does not count the same problems twice.
  const problems = batch.problems.copy();
  const existing = await existingNodes(tx, [...nodeRowRefs(batch)].filter((ref) => !surelyNew.nodeRefs.has(refId(ref))));
  checkNodes(batch, existing, problems);
  await checkErasedKeys(tx, batch, existing, problems);
  if (problems.total > 0) {
    await checkRelationshipEnds(tx, batch, problems);
    throw rejectedImport(problems, outcome, details);
  }
  const report = emptyReport();
  await writeNodes(tx, batch.nodes, existing, now, report);
  if (!(await writeRelationships(tx, batch.relationships, surelyNew.relationships, now, report))) {
    await checkRelationshipEnds(tx, batch, problems);
    throw rejectedImport(problems, outcome, details);
  }
  return report;
}

/** Nodes created with every property they get (newNodeProperties). */
function createNodesCypher(label: NodeLabel): string {
  return `
UNWIND $rows AS row
CREATE (n:Entity:${label})
SET n = row.properties`;
}

/** Sets the given properties of existing nodes; counts a node as updated only when one really changed. */
function updateNodesCypher(by: 'key' | 'id'): string {
  return `
UNWIND $rows AS row
MATCH (n:Entity {${by}: row.ref})
WITH n, row WHERE any(name IN keys(row.properties) WHERE n[name] IS NULL OR n[name] <> row.properties[name])
SET n += row.properties, n.updatedAt = row.updatedAt
RETURN count(*) AS updated`;
}

async function writeNodes(tx: Tx, rows: NodeRow[], existing: ExistingNodes, now: unknown, report: ImportReport): Promise<void> {
  const isNew = (row: NodeRow) => !existing.has(refId(row.ref));
  for (const [group, part] of groups(rows.filter(isNew), (row) => `create|${row.label}`)) {
    await tx.run(cached(group, () => createNodesCypher(part[0].label)), { rows: part.map((row) => ({ properties: newNodeProperties(row, now) })) });
    report.nodesCreated += part.length;
  }
  const changing = rows.filter((row) => !isNew(row) && Object.keys(row.properties).length > 0);
  for (const [group, part] of groups(changing, (row) => `update|${row.ref.by}`)) {
    const params = part.map((row) => ({ ref: row.ref.value, properties: withNameKey(row.label, row.properties), updatedAt: rowTimes(row, now).updatedAt }));
    const [{ updated }] = await tx.run<{ updated: number }>(cached(group, () => updateNodesCypher(part[0].ref.by)), { rows: params });
    report.nodesUpdated += updated;
  }
}

const hasLabel = (variable: string, labels: readonly NodeLabel[]) => labels.map((label) => `${variable}:${label}`).join(' OR ');

/**
 * MERGE by (type, from, to), either direction for undirected types, and by the keying property
 * for types that may join two nodes several times (RESPONDED per kind); counts real changes only.
 * Rows whose ends are missing or of the wrong type match nothing: `matched` tells.
 */
function mergeRelationshipsCypher(type: RelationshipTypeName, fromBy: 'key' | 'id', toBy: 'key' | 'id'): string {
  const spec = RELATIONSHIP_SPECS[type];
  const pattern = spec.undirected ? `(a)-[old:${type}]-(b)` : `(a)-[old:${type}]->(b)`;
  const sameKey = spec.keyedBy ? ` WHERE old.${spec.keyedBy} = row.properties.${spec.keyedBy}` : '';
  return `
UNWIND $rows AS row
MATCH (a:Entity {${fromBy}: row.from}) WHERE ${hasLabel('a', spec.from)}
MATCH (b:Entity {${toBy}: row.to}) WHERE ${hasLabel('b', spec.to)}
CALL (a, b, row) { OPTIONAL MATCH ${pattern}${sameKey} RETURN old LIMIT 1 }
WITH a, b, row, old, old IS NULL AS isNew,
     old IS NOT NULL AND any(name IN keys(row.properties) WHERE old[name] IS NULL OR old[name] <> row.properties[name]) AS changed
FOREACH (_ IN CASE WHEN isNew THEN [1] ELSE [] END |
  CREATE (a)-[r:${type}]->(b)
  SET r += row.properties, r.createdAt = row.createdAt, r.updatedAt = row.updatedAt)
FOREACH (_ IN CASE WHEN changed THEN [1] ELSE [] END | SET old += row.properties, old.updatedAt = row.updatedAt)
RETURN count(*) AS matched, count(CASE WHEN isNew THEN 1 END) AS created, count(CASE WHEN changed THEN 1 END) AS updated`;
}

/**
 * Creates relationships known to be new (FirstLoad): the MERGE above without its look for an old
 * one. Rows whose ends are missing or of the wrong type match nothing, as there.
 *
 * The ORDER BY finds every end before the first write (as the MERGE's eager plan does) and locks
 * the ends in one order in both writers: streamed creates in file order ran the 10^6 load slower
 * than the MERGE (6 min 15 s against 5 min 44 s, both cores busy), sorted ones faster.
 */
function createRelationshipsCypher(type: RelationshipTypeName, fromBy: 'key' | 'id', toBy: 'key' | 'id'): string {
  const spec = RELATIONSHIP_SPECS[type];
  return `
UNWIND $rows AS row
MATCH (a:Entity {${fromBy}: row.from}) WHERE ${hasLabel('a', spec.from)}
MATCH (b:Entity {${toBy}: row.to}) WHERE ${hasLabel('b', spec.to)}
WITH a, b, row ORDER BY elementId(a), elementId(b)
CREATE (a)-[r:${type}]->(b)
SET r = row.properties
RETURN count(*) AS matched`;
}

/** Writes the relationships; false when some row did not find both of its ends (nothing to keep then). */
async function writeRelationships(
  tx: Tx,
  rows: RelationshipRow[],
  newRows: ReadonlySet<RelationshipRow>,
  now: unknown,
  report: ImportReport,
): Promise<boolean> {
  const way = (row: RelationshipRow) => (newRows.has(row) ? 'create' : 'merge');
  for (const [group, part] of groups(rows, (row) => `${way(row)}|${row.type}|${row.from.by}|${row.to.by}`)) {
    const { type, from, to } = part[0];
    const creating = way(part[0]) === 'create';
    const cypher = cached(group, () => (creating ? createRelationshipsCypher : mergeRelationshipsCypher)(type, from.by, to.by));
    const [counts] = await tx.run<{ matched: number; created?: number; updated?: number }>(cypher, {
      rows: part.map((row) =>
        creating
          ? { from: row.from.value, to: row.to.value, properties: newRelationshipProperties(row, now) }
          : { from: row.from.value, to: row.to.value, properties: row.properties, ...rowTimes(row, now) },
      ),
    });
    if (counts.matched < part.length) return false;
    report.relationshipsCreated += creating ? counts.matched : counts.created!;
    report.relationshipsUpdated += counts.updated ?? 0;
  }
  return true;
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
