import DataLoader from 'dataloader';
import type { Database } from '../neo4j/database';
import { ENTITY_ROW, type EntityRow } from '../nodes/entity-row';

const HISTORY = `
UNWIND $ids AS id
MATCH (o:Organization {id: id})
RETURN id, COLLECT {
  MATCH (o)-[:HAS_LIFECYCLE_CHANGE]->(c:LifecycleChange)
  RETURN ${ENTITY_ROW('c')} ORDER BY c.at, c.createdAt, c.id
} AS changes`;

/** Lifecycle history per organization, oldest first, one query per batch. */
export function createLifecycleLoaders(db: Database) {
  return {
    lifecycleHistoryByOrganizationId: new DataLoader<string, EntityRow[]>(async (ids) => {
      const rows = await db.read<{ id: string; changes: EntityRow[] }>(HISTORY, { ids });
      const map = new Map(rows.map((row) => [row.id, row.changes]));
      return ids.map((id) => map.get(id) ?? []);
    }),
  };
}
