/**
 * Streams a generated world into an empty database in batches of one label or type: CREATE, not
 * MERGE (the store is empty and the generator's keys are unique), with the same converted
 * property values, ids and timestamps an import gives. Memory stays bounded at 10^6 nodes.
 */
import { documentItems, parseBatch } from '../src/import/parse-batch';
import { isNodeLabel, isRelationshipType } from '../src/model/graph-model';
import type { Database } from '../src/neo4j/database';
import { param } from '../src/neo4j/values';
import { worldRows, type WorldOptions, type WorldRow } from '../seeds/generator/generate-world';

const BATCH = 10_000;

const createNodes = (label: string) => `
UNWIND $rows AS row
CREATE (n:Entity:${label} {key: row.key, id: randomUUID(), createdAt: $now, updatedAt: $now})
SET n += row.properties`;

const createRelationships = (type: string) => `
UNWIND $rows AS row
MATCH (a:Entity {key: row.from})
MATCH (b:Entity {key: row.to})
CREATE (a)-[r:${type} {createdAt: $now, updatedAt: $now}]->(b)
SET r += row.properties`;

export interface LoadCounts {
  nodes: number;
  relationships: number;
}

/** Loads the world `options` describes; `progress` hears about every batch. */
export async function loadWorld(db: Database, options: WorldOptions, progress: (counts: LoadCounts) => void): Promise<LoadCounts> {
  const counts: LoadCounts = { nodes: 0, relationships: 0 };
  const now = param.dateTime(new Date().toISOString());
  let pending: WorldRow[] = [];
  const flush = async () => {
    if (pending.length === 0) return;
    const [{ section, row }] = pending;
    const rows = pending.map((item) => item.row);
    pending = [];
    if (section === 'nodes') {
      const parsed = parseBatch(documentItems({ nodes: rows, relationships: [] }));
      if (parsed.problems.total || !isNodeLabel(row.type)) throw new Error(`generated rows rejected: ${JSON.stringify(parsed.problems.reported().slice(0, 3))}`);
      await db.write(createNodes(row.type), { rows: parsed.nodes.map((n) => ({ key: n.ref.value, properties: n.properties })), now });
      counts.nodes += rows.length;
    } else {
      const parsed = parseBatch(documentItems({ nodes: [], relationships: rows }));
      if (parsed.problems.total || !isRelationshipType(row.type)) throw new Error(`generated rows rejected: ${JSON.stringify(parsed.problems.reported().slice(0, 3))}`);
      await db.write(createRelationships(row.type), { rows: parsed.relationships.map((r) => ({ from: r.from.value, to: r.to.value, properties: r.properties })), now });
      counts.relationships += rows.length;
    }
    progress(counts);
  };
  for (const item of worldRows(options)) {
    const head = pending[0];
    if (head && (head.section !== item.section || head.row.type !== item.row.type || pending.length >= BATCH)) await flush();
    pending.push(item);
  }
  await flush();
  return counts;
}
