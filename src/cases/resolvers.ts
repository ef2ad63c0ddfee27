import type { Resolvers } from '../generated/graphql';
import { paginate } from '../graphql/pagination';
import { nodeOfType, requireNode } from '../nodes/require-node';
import { assignCase, closeCase, raiseCase, rateCase, resolveCase } from './case-writes';
import { openCases } from './open-cases';
import { recordCredit } from './record-credit';
import { averageTimeToResolve } from './resolution-time';
import { accountsWithSameProblem } from './same-problem';

export const caseResolvers: Resolvers = {
  Query: {
    case: (_root, { id }, context) => nodeOfType(context, id, 'Case'),
    openCases: (_root, { severity, olderThanDays, asOf, ...page }, { db }) =>
      paginate(page, (window) => openCases(db, { severity, olderThanDays, asOf, ...window })),
    averageTimeToResolve: (_root, { from, to }, { db }) => averageTimeToResolve(db, from, to),
    accountsWithSameProblem: async (_root, { caseId, recentDays, asOf, first }, context) => {
      await requireNode(context, caseId, ['Case']);
      return accountsWithSameProblem(context.db, caseId, recentDays, asOf, first);
    },
  },
  Mutation: {
    raiseCase: (_root, { input }, { mutate }) => mutate((tx) => raiseCase(tx, input)),
    assignCase: (_root, { caseId, userId }, { mutate }) => mutate((tx) => assignCase(tx, caseId, userId)),
    resolveCase: (_root, { caseId, resolution, resolvedAt }, { mutate }) => mutate((tx) => resolveCase(tx, caseId, resolution, resolvedAt)),
    rateCase: (_root, { caseId, satisfaction }, { mutate }) => mutate((tx) => rateCase(tx, caseId, satisfaction)),
    closeCase: (_root, { caseId }, { mutate }) => mutate((tx) => closeCase(tx, caseId)),
    recordCredit: (_root, { interactionId, amount, reason }, { mutate }) => mutate((tx) => recordCredit(tx, interactionId, amount, reason)),
  },
  Case: {
    status: (c) => (c.status as 'OPEN' | undefined) ?? 'OPEN',
    raisedBy: (c, _args, { loaders }) => loaders.raiserByCaseId.load(c.id),
    product: (c, _args, { loaders }) => loaders.productByCaseId.load(c.id),
    assignee: (c, _args, { loaders }) => loaders.assigneeByCaseId.load(c.id),
  },
  CreditRecord: {
    interaction: (record, _args, context) => requireNode(context, record.interactionId, ['Interaction']),
  },
  CaseParty: {
    __resolveType: (node) => node.__typename as 'Organization' | 'Person',
  },
};
