import type { Database } from '../neo4j/database';
import { ENTITY_ROW, type EntityRow } from '../nodes/entity-row';
import { loaderById } from '../graphql/loader-by-id';

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
    lifecycleHistoryByOrganizationId: loaderById<EntityRow[]>(db, HISTORY, 'changes', []),
  };
}
