import type { Reader } from '../neo4j/database';
import { STAGE_HISTORIES } from '../model/graph-model';
import { stageHistoryLoader } from '../nodes/stage-change';

/** Stage history per opportunity, oldest first, one query per batch. */
export function createPipelineLoaders(db: Reader) {
  return {
    stageHistoryByOpportunityId: stageHistoryLoader(db, STAGE_HISTORIES.opportunityStage),
  };
}
