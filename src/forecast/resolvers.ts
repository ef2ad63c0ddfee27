import type { Resolvers } from '../generated/graphql';
import { badUserInput } from '../graphql/errors';
import { requireNode } from '../nodes/require-node';
import { forecast } from './forecast';
import { setSalesTarget } from './sales-targets';

export const forecastResolvers: Resolvers = {
  Query: {
    forecast: async (_root, { period, userIds }, context) => {
      if (userIds && userIds.length === 0) throw badUserInput('"userIds" is empty; name at least one user, or leave it out for everyone with a target or deals in the period.');
      await Promise.all((userIds ?? []).map((id) => requireNode(context, id, ['User'])));
      return forecast(context.db, period, userIds);
    },
  },
  Mutation: {
    setSalesTarget: (_root, { userId, period, amount }, { mutate }) => mutate((tx) => setSalesTarget(tx, userId, period, amount)),
  },
  User: {
    salesTargets: (user, _args, { loaders }) => loaders.salesTargetsByUserId.load(user.id),
  },
  SalesTarget: {
    user: (target, _args, { loaders }) => loaders.userBySalesTargetId.load(target.id),
  },
};
