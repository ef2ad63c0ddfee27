import type { Reader } from '../neo4j/database';
import { STAGE_HISTORIES } from '../model/graph-model';
import { stageHistoryLoader } from '../nodes/stage-change';

/** Lifecycle history per organization, oldest first, one query per batch. */
export function createLifecycleLoaders(db: Reader) {
  return {
    lifecycleHistoryByOrganizationId: stageHistoryLoader(db, STAGE_HISTORIES.lifecycle),
  };
}
