import DataLoader from 'dataloader';
import type { Reader } from '../neo4j/database';
import { ENTITY_ROW, type EntityRow } from './entity-row';

const NODES_BY_ID = `
UNWIND $ids AS id
MATCH (n:Entity {id: id})
RETURN ${ENTITY_ROW('n')} AS node`;

const NODES_BY_KEY = `
UNWIND $keys AS key
MATCH (n:Entity {key: key})
RETURN ${ENTITY_ROW('n')} AS node`;

/** Entity lookups by id and by external key, one query per batch, null where nothing matches. */
export function createNodeLoaders(db: Reader) {
  return {
    nodeById: new DataLoader<string, EntityRow | null>(async (ids) => {
      const rows = await db.read<{ node: EntityRow }>(NODES_BY_ID, { ids });
      const byId = new Map(rows.map((row) => [row.node.id, row.node]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
    nodeByKey: new DataLoader<string, EntityRow | null>(async (keys) => {
      const rows = await db.read<{ node: EntityRow }>(NODES_BY_KEY, { keys });
      const byKey = new Map(rows.map((row) => [row.node.key, row.node]));
      return keys.map((key) => byKey.get(key) ?? null);
    }),
  };
}
export type NodeLoaders = ReturnType<typeof createNodeLoaders>;
