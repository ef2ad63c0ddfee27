import type { Reader } from '../neo4j/database';
import { loaderById } from '../graphql/loader-by-id';
import { ENTITY_ROW, type EntityRow } from './entity-row';
import { VISIBLE } from './visibility';

const NODES_BY_ID = `
UNWIND $ids AS id
MATCH (n:Entity {id: id}) WHERE ${VISIBLE('n')}
RETURN id, ${ENTITY_ROW('n')} AS node`;

// The loader's ids are external keys here.
const NODES_BY_KEY = `
UNWIND $ids AS key
MATCH (n:Entity {key: key}) WHERE ${VISIBLE('n')}
RETURN key AS id, ${ENTITY_ROW('n')} AS node`;

/** The visible nodes with these ids, by id: what nodeById fetches, for code that reads inside its own transaction. */
export async function nodesById(db: Reader, ids: readonly string[]): Promise<Map<string, EntityRow>> {
  const rows = await db.read<{ id: string; node: EntityRow }>(NODES_BY_ID, { ids });
  return new Map(rows.map((row) => [row.id, row.node]));
}

/** Entity lookups by id and by external key, one query per batch, null where nothing matches or the node is hidden. */
export function createNodeLoaders(db: Reader) {
  return {
    nodeById: loaderById<EntityRow | null>(db, NODES_BY_ID, 'node', null),
    nodeByKey: loaderById<EntityRow | null>(db, NODES_BY_KEY, 'node', null),
  };
}
