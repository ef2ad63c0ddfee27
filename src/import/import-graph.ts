import { badUserInput, type InputProblem } from '../graphql/errors';
import type { Database, Tx } from '../neo4j/database';
import { param } from '../neo4j/values';
import { NODE_LABELS, RELATIONSHIP_SPECS, type NodeLabel, type RelationshipTypeName } from '../model/graph-model';
import { erasedKeyMessage, erasedKeys } from '../privacy';
import { parseGraph, type NodeRow, type ParsedGraph, type RelationshipRow } from './parse-graph';

export interface ImportReport {
  nodesCreated: number;
  nodesUpdated: number;
  relationshipsCreated: number;
  relationshipsUpdated: number;
}

export interface ImportOptions {
  /** Rows per transaction. Unset: the whole document in one transaction (all-or-nothing). */
  batchSize?: number;
  onProgress?: (done: number, total: number, report: ImportReport) => void;
}

const UNWIND_CHUNK = 5_000;

/**
 * Imports a graph document (DESIGN §6) in batches, each in its own transaction (the import
 * command, seeds). Every row is checked first, against the document and the database; any
 * problem rejects the whole document with one BAD_USER_INPUT error listing each bad row, and
 * nothing is written. Nodes MERGE on `key`, relationships on (type, from, to), so importing the
 * same document twice changes nothing.
 */
export async function importGraph(db: Database, input: unknown, options: ImportOptions = {}): Promise<ImportReport> {
  const parsed = await db.readTransaction((tx) => checkedGraph(tx, input));
  const report = emptyReport();
  const total = parsed.nodes.length + parsed.relationships.length;
  const batchSize = options.batchSize ?? Math.max(total, 1);
  const now = param.now();
  let done = 0;
  // Nodes first, so that every relationship batch finds both of its ends.
  for (const batch of chunk(parsed.nodes, batchSize)) {
    await db.writeTransaction(async (tx) => add(report, await writeNodes(tx, batch, now)));
    options.onProgress?.((done += batch.length), total, report);
  }
  for (const batch of chunk(parsed.relationships, batchSize)) {
    await db.writeTransaction(async (tx) => add(report, await writeRelationships(tx, batch, now)));
    options.onProgress?.((done += batch.length), total, report);
  }
  return report;
}

/** The same import as one write step: checks and writes all run in the caller's transaction (the mutation). */
export async function importDocument(tx: Tx, input: unknown): Promise<ImportReport> {
  const parsed = await checkedGraph(tx, input);
  const now = param.now();
  const report = emptyReport();
  add(report, await writeNodes(tx, parsed.nodes, now));
  add(report, await writeRelationships(tx, parsed.relationships, now));
  return report;
}

/** The parsed document, or one BAD_USER_INPUT listing every problem with it (checked against the database too). */
async function checkedGraph(tx: Tx, input: unknown): Promise<ParsedGraph> {
  const parsed = parseGraph(input);
  const existing = await existingLabels(tx, parsed);
  const erased = await erasedKeys(tx, keysOf(parsed));
  const problems = [
    ...parsed.problems, ...endpointProblems(parsed, existing, erased), ...nodeProblems(parsed, existing), ...erasedProblems(parsed, erased),
  ];
  if (problems.length) {
    problems.sort((a, b) => comparePaths(a.path, b.path));
    throw badUserInput(
      `The import was rejected: ${problems.length} problem${problems.length === 1 ? '' : 's'} (see extensions.problems). Nothing was written.`,
      problems,
    );
  }
  return parsed;
}

const EXISTING_LABELS = `
UNWIND $keys AS key
MATCH (n:Entity {key: key})
RETURN key, [label IN labels(n) WHERE label <> 'Entity'][0] AS label`;

/** Every key the document names: its nodes' and its relationships' ends. */
function keysOf(parsed: ParsedGraph): Set<string> {
  const keys = new Set<string>();
  for (const node of parsed.nodes) keys.add(node.key);
  for (const rel of parsed.relationships) keys.add(rel.from).add(rel.to);
  return keys;
}

async function existingLabels(tx: Tx, parsed: ParsedGraph): Promise<Map<string, string>> {
  const keys = keysOf(parsed);
  if (keys.size === 0) return new Map();
  const rows = await tx.run<{ key: string; label: string }>(EXISTING_LABELS, { keys: [...keys] });
  return new Map(rows.map((row) => [row.key, row.label]));
}

/** A node row may not bring back an erased person's key (DESIGN §9). */
function erasedProblems(parsed: ParsedGraph, erased: Map<string, string>): InputProblem[] {
  return parsed.nodes
    .filter((node) => erased.has(node.key))
    .map((node) => ({ path: `nodes[${node.index}].key`, message: erasedKeyMessage(node.key, erased.get(node.key)!) }));
}

function nodeProblems(parsed: ParsedGraph, existing: Map<string, string>): InputProblem[] {
  return parsed.nodes.flatMap((node) => {
    const label = existing.get(node.key);
    if (label === undefined) return node.missingRequired;
    if (label !== node.label) {
      return [{ path: `nodes[${node.index}].type`, message: `the key "${node.key}" already belongs to a ${label}, not a ${node.label}` }];
    }
    return [];
  });
}

function endpointProblems(parsed: ParsedGraph, existing: Map<string, string>, erased: Map<string, string>): InputProblem[] {
  const inFile = new Map(parsed.nodes.map((node) => [node.key, node.label as string]));
  const problems: InputProblem[] = [];
  for (const rel of parsed.relationships) {
    const spec = RELATIONSHIP_SPECS[rel.type];
    for (const end of ['from', 'to'] as const) {
      const key = rel[end];
      const label = inFile.get(key) ?? existing.get(key);
      const allowed = end === 'from' ? spec.from : spec.to;
      if (label === undefined) {
        const erasedOn = erased.get(key);
        const message = erasedOn ? erasedKeyMessage(key, erasedOn) : `no node with key "${key}" in this import or the database`;
        problems.push({ path: `relationships[${rel.index}].${end}`, message });
      } else if (!(allowed as readonly string[]).includes(label)) {
        problems.push({
          path: `relationships[${rel.index}].${end}`,
          message: `${rel.type} must ${end === 'from' ? 'start at' : 'end at'} ${allowed.join(' or ')}, but "${key}" is a ${label}`,
        });
      }
    }
  }
  return problems;
}

/** MERGE by key; counts a node as updated only when a given property really changed. */
function mergeNodesCypher(label: NodeLabel): string {
  return `
UNWIND $rows AS row
OPTIONAL MATCH (old:Entity {key: row.key})
WITH row, old IS NULL AS isNew,
     old IS NOT NULL AND any(name IN keys(row.properties) WHERE old[name] IS NULL OR old[name] <> row.properties[name]) AS changed
MERGE (n:Entity {key: row.key})
  ON CREATE SET n:${label}, n += row.properties, n.id = randomUUID(), n.createdAt = $now, n.updatedAt = $now
FOREACH (_ IN CASE WHEN changed THEN [1] ELSE [] END | SET n += row.properties, n.updatedAt = $now)
RETURN count(CASE WHEN isNew THEN 1 END) AS created, count(CASE WHEN changed THEN 1 END) AS updated`;
}
const MERGE_NODES = Object.fromEntries(NODE_LABELS.map((label) => [label, mergeNodesCypher(label)])) as Record<NodeLabel, string>;

async function writeNodes(tx: Tx, rows: NodeRow[], now: unknown): Promise<ImportReport> {
  const report = emptyReport();
  for (const [label, group] of groupBy(rows, (row) => row.label)) {
    for (const part of chunk(group, UNWIND_CHUNK)) {
      const [counts] = await tx.run<{ created: number; updated: number }>(MERGE_NODES[label], {
        rows: part.map((row) => ({ key: row.key, properties: row.properties })),
        now,
      });
      report.nodesCreated += counts.created;
      report.nodesUpdated += counts.updated;
    }
  }
  return report;
}

/** MERGE by (type, from, to), either direction for undirected types; counts real changes only. */
function mergeRelationshipsCypher(type: RelationshipTypeName): string {
  const pattern = RELATIONSHIP_SPECS[type].undirected ? `(a)-[old:${type}]-(b)` : `(a)-[old:${type}]->(b)`;
  return `
UNWIND $rows AS row
MATCH (a:Entity {key: row.from})
MATCH (b:Entity {key: row.to})
OPTIONAL MATCH ${pattern}
WITH a, b, row, head(collect(old)) AS old
WITH a, b, row, old, old IS NULL AS isNew,
     old IS NOT NULL AND any(name IN keys(row.properties) WHERE old[name] IS NULL OR old[name] <> row.properties[name]) AS changed
FOREACH (_ IN CASE WHEN isNew THEN [1] ELSE [] END |
  CREATE (a)-[r:${type}]->(b) SET r += row.properties, r.createdAt = $now, r.updatedAt = $now)
FOREACH (_ IN CASE WHEN changed THEN [1] ELSE [] END | SET old += row.properties, old.updatedAt = $now)
RETURN count(CASE WHEN isNew THEN 1 END) AS created, count(CASE WHEN changed THEN 1 END) AS updated`;
}
const MERGE_RELATIONSHIPS = Object.fromEntries(
  Object.keys(RELATIONSHIP_SPECS).map((type) => [type, mergeRelationshipsCypher(type as RelationshipTypeName)]),
) as Record<RelationshipTypeName, string>;

async function writeRelationships(tx: Tx, rows: RelationshipRow[], now: unknown): Promise<ImportReport> {
  const report = emptyReport();
  for (const [type, group] of groupBy(rows, (row) => row.type)) {
    for (const part of chunk(group, UNWIND_CHUNK)) {
      const [counts] = await tx.run<{ created: number; updated: number }>(MERGE_RELATIONSHIPS[type], {
        rows: part.map((row) => ({ from: row.from, to: row.to, properties: row.properties })),
        now,
      });
      report.relationshipsCreated += counts.created;
      report.relationshipsUpdated += counts.updated;
    }
  }
  return report;
}

function emptyReport(): ImportReport {
  return { nodesCreated: 0, nodesUpdated: 0, relationshipsCreated: 0, relationshipsUpdated: 0 };
}

function add(total: ImportReport, part: ImportReport): void {
  total.nodesCreated += part.nodesCreated;
  total.nodesUpdated += part.nodesUpdated;
  total.relationshipsCreated += part.relationshipsCreated;
  total.relationshipsUpdated += part.relationshipsUpdated;
}

function chunk<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

function groupBy<T, K>(items: T[], keyOf: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

/** Orders "relationships[10].to" after "relationships[9].to". */
function comparePaths(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true });
}
