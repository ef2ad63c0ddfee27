import type { Reader } from '../neo4j/database';
import { isNodeLabel, isRelationshipType } from '../model/graph-model';
import { withoutNameKey } from '../model/name-key';
import type { BackupNode, BackupRelationship, ImportLine } from './document';

const PAGE = 2_000;

const NODES_AFTER = `
MATCH (n:Entity) WHERE n.id > $after
WITH n ORDER BY n.id LIMIT ${PAGE}
RETURN n.id AS id, [label IN labels(n) WHERE label <> 'Entity'] AS labels, properties(n) AS properties`;

const RELATIONSHIPS_FROM_NODES_AFTER = `
MATCH (a:Entity) WHERE a.id > $after
WITH a ORDER BY a.id LIMIT ${PAGE}
RETURN a.id AS id, a.key AS key, COLLECT {
  MATCH (a)-[r]->(b)
  RETURN {type: type(r), toId: b.id, toKey: b.key, toEntity: b:Entity, properties: properties(r)}
} AS relationships`;

const OTHER_NODES = `
MATCH (n) WHERE NOT n:Entity
UNWIND labels(n) AS label
RETURN label, count(*) AS count ORDER BY label`;

/** What an export left out because the import format cannot carry it (the export says so). */
export interface ExportSkipped {
  /** Nodes without the Entity label (bookkeeping such as SeedState), by label. */
  otherNodes: Record<string, number>;
  /** Entities whose labels are not exactly one of the graph model's. */
  unknownNodes: number;
  /** Relationships of a type outside the model, or to a node that is not an Entity. */
  unknownRelationships: number;
}

interface StoredNode {
  id: string;
  labels: string[];
  properties: Record<string, unknown>;
}

interface StoredRelationship {
  type: string;
  toId: string | null;
  toKey: string | null;
  toEntity: boolean;
  properties: Record<string, unknown>;
}

/**
 * The whole graph as import rows (ImportLine), every node first, then every relationship, read
 * in pages of 2,000 nodes by id so that memory holds a page, never the graph. Nodes keep their
 * id, createdAt and updatedAt; a node without a key is named by its id. Each page is its own read,
 * so an export of a store that is written meanwhile is not a snapshot (see the README).
 */
export async function* exportLines(db: Reader, skipped: ExportSkipped): AsyncGenerator<ImportLine> {
  for (const row of await db.read<{ label: string; count: number }>(OTHER_NODES)) skipped.otherNodes[row.label] = row.count;
  for await (const node of pages<StoredNode>(db, NODES_AFTER)) {
    const label = node.labels.length === 1 ? node.labels[0] : undefined;
    if (!isNodeLabel(label)) {
      skipped.unknownNodes += 1;
      continue;
    }
    yield { node: backupNode(label, node) };
  }
  for await (const start of pages<{ id: string; key: string | null; relationships: StoredRelationship[] }>(db, RELATIONSHIPS_FROM_NODES_AFTER)) {
    for (const rel of start.relationships) {
      if (!isRelationshipType(rel.type) || !rel.toEntity || rel.toId === null) {
        skipped.unknownRelationships += 1;
        continue;
      }
      yield { relationship: backupRelationship(rel.type, start, rel) };
    }
  }
}

async function* pages<T extends { id: string }>(db: Reader, cypher: string): AsyncGenerator<T> {
  let after = '';
  for (;;) {
    const rows = await db.read<T>(cypher, { after });
    yield* rows;
    if (rows.length < PAGE) return;
    after = rows[rows.length - 1].id;
  }
}

function backupNode(type: BackupNode['type'], { id, properties }: StoredNode): BackupNode {
  const { key, id: _id, createdAt, updatedAt, ...rest } = withoutNameKey(properties);
  return {
    type,
    ...(typeof key === 'string' ? { key } : {}),
    id,
    ...timestamps(createdAt, updatedAt),
    properties: rest,
  };
}

function backupRelationship(
  type: BackupRelationship['type'],
  from: { id: string; key: string | null },
  to: StoredRelationship,
): BackupRelationship {
  const { createdAt, updatedAt, ...rest } = to.properties;
  return {
    type,
    ...(from.key !== null ? { from: from.key } : { fromId: from.id }),
    ...(to.toKey !== null ? { to: to.toKey } : { toId: to.toId! }),
    ...timestamps(createdAt, updatedAt),
    properties: rest,
  };
}

function timestamps(createdAt: unknown, updatedAt: unknown): { createdAt?: string; updatedAt?: string } {
  return {
    ...(typeof createdAt === 'string' ? { createdAt } : {}),
    ...(typeof updatedAt === 'string' ? { updatedAt } : {}),
  };
}
