import type { Database } from '../neo4j/database';
import { ENTITY_ROW, type EntityRow } from '../nodes/entity-row';
import { loaderById } from '../graphql/loader-by-id';

const STAGE_HISTORY = `
UNWIND $ids AS id
MATCH (o:Opportunity {id: id})
RETURN id, COLLECT {
  MATCH (o)-[:HAS_STAGE_CHANGE]->(c:OpportunityStageChange)
  RETURN ${ENTITY_ROW('c')} ORDER BY c.at, c.createdAt, c.id
} AS changes`;

/** Stage history per opportunity, oldest first, one query per batch. */
export function createPipelineLoaders(db: Database) {
  return {
    stageHistoryByOpportunityId: loaderById<EntityRow[]>(db, STAGE_HISTORY, 'changes', []),
  };
}
