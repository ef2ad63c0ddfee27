import type { Resolvers } from '../generated/graphql';
import { changeOpportunityStage } from './change-stage';
import { pipelineSummary } from './pipeline-summary';

export const pipelineResolvers: Resolvers = {
  Query: {
    pipeline: (_root, { filter }, { db }) => pipelineSummary(db, filter ?? {}),
  },
  Mutation: {
    changeOpportunityStage: (_root, { opportunityId, stage, reason, at }, { mutate }) =>
      mutate((tx) => changeOpportunityStage(tx, opportunityId, stage, reason, at)),
  },
  Opportunity: {
    stageHistory: (opportunity, _args, { loaders }) => loaders.stageHistoryByOpportunityId.load(opportunity.id),
  },
};
