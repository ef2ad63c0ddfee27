import type { Resolvers, StakeholderRelationship } from '../generated/graphql';
import { linkEntities, unlinkEntities } from '../nodes/entity-writes';
import { requireNode } from '../nodes/require-node';
import { declareKnows } from './declare-knows';
import { refuseReportingCycle } from './reports-to-cycle';

const removed = (count: number) => count > 0;

export const relationshipResolvers: Resolvers = {
  Mutation: {
    linkWorksAt: (_root, { input: { personId, organizationId, ...properties } }, { db }) =>
      linkEntities(db, 'WORKS_AT', personId, organizationId, properties),
    linkReportsTo: async (_root, { input: { personId, managerId } }, { db }) => {
      await refuseReportingCycle(db, personId, managerId);
      return linkEntities(db, 'REPORTS_TO', personId, managerId);
    },
    linkKnows: (_root, { input: { fromId, toId, ...properties } }, { db }) => declareKnows(db, fromId, toId, properties),
    linkInfluences: (_root, { input: { fromId, toId, ...properties } }, { db }) =>
      linkEntities(db, 'INFLUENCES', fromId, toId, properties),
    linkServes: (_root, { input: { partnerId, customerId, ...properties } }, { db }) =>
      linkEntities(db, 'SERVES', partnerId, customerId, properties),
    linkSubsidiaryOf: (_root, { input: { subsidiaryId, parentId } }, { db }) =>
      linkEntities(db, 'SUBSIDIARY_OF', subsidiaryId, parentId),
    linkManages: (_root, { input: { userId, organizationId, ...properties } }, { db }) =>
      linkEntities(db, 'MANAGES', userId, organizationId, properties),

    unlinkWorksAt: async (_root, { personId, organizationId }, { db }) => removed(await unlinkEntities(db, 'WORKS_AT', personId, organizationId)),
    unlinkReportsTo: async (_root, { personId, managerId }, { db }) => removed(await unlinkEntities(db, 'REPORTS_TO', personId, managerId)),
    unlinkKnows: async (_root, { fromId, toId }, { db }) => removed(await unlinkEntities(db, 'KNOWS', fromId, toId)),
    unlinkInfluences: async (_root, { fromId, toId }, { db }) => removed(await unlinkEntities(db, 'INFLUENCES', fromId, toId)),
    unlinkServes: async (_root, { partnerId, customerId }, { db }) => removed(await unlinkEntities(db, 'SERVES', partnerId, customerId)),
    unlinkSubsidiaryOf: async (_root, { subsidiaryId, parentId }, { db }) =>
      removed(await unlinkEntities(db, 'SUBSIDIARY_OF', subsidiaryId, parentId)),
    unlinkManages: async (_root, { userId, organizationId }, { db }) => removed(await unlinkEntities(db, 'MANAGES', userId, organizationId)),
  },
  StakeholderLink: {
    type: (link) => link.type as StakeholderRelationship,
    from: (link, _args, context) => requireNode(context, link.fromId),
    to: (link, _args, context) => requireNode(context, link.toId),
  },
};
