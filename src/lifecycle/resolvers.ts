import type { Resolvers } from '../generated/graphql';
import { changeLifecycleStage } from './change-stage';
import { LIFECYCLE_TRANSITIONS, type LifecycleStage } from './transitions';

export const lifecycleResolvers: Resolvers = {
  Query: {
    lifecycleTransitions: () =>
      Object.entries(LIFECYCLE_TRANSITIONS).map(([from, to]) => ({ from: from as LifecycleStage, to: [...to] })),
  },
  Mutation: {
    changeLifecycleStage: (_root, { accountId, stage, reason, at }, { mutate }) =>
      mutate((tx) => changeLifecycleStage(tx, accountId, stage, reason, at)),
  },
  Organization: {
    lifecycleHistory: (org, _args, { loaders }) => loaders.lifecycleHistoryByOrganizationId.load(org.id),
  },
};
