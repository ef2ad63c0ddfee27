import type { Resolvers, StakeholderRelationship } from '../generated/graphql';
import type { Context } from '../graphql/context';
import type { RelationshipTypeName } from '../model/graph-model';
import { linkEntities, unlinkEntities } from '../nodes/entity-writes';
import { requireNode } from '../nodes/require-node';
import { declareKnows } from './declare-knows';
import { linkReportsTo } from './link-reports-to';

/** Removes the relationship in the mutation's transaction; false when there was none. */
const unlink = ({ mutate }: Context, type: RelationshipTypeName, fromId: string, toId: string) =>
  mutate(async (tx) => (await unlinkEntities(tx, type, fromId, toId)) > 0);

export const relationshipResolvers: Resolvers = {
  Mutation: {
    linkWorksAt: (_root, { input: { personId, organizationId, ...properties } }, { mutate }) =>
      mutate((tx) => linkEntities(tx, 'WORKS_AT', personId, organizationId, properties)),
    linkReportsTo: (_root, { input: { personId, managerId } }, { mutate }) => mutate((tx) => linkReportsTo(tx, personId, managerId)),
    linkKnows: (_root, { input: { fromId, toId, ...properties } }, { mutate }) => mutate((tx) => declareKnows(tx, fromId, toId, properties)),
    linkInfluences: (_root, { input: { fromId, toId, ...properties } }, { mutate }) =>
      mutate((tx) => linkEntities(tx, 'INFLUENCES', fromId, toId, properties)),
    linkServes: (_root, { input: { partnerId, customerId, ...properties } }, { mutate }) =>
      mutate((tx) => linkEntities(tx, 'SERVES', partnerId, customerId, properties)),
    linkSubsidiaryOf: (_root, { input: { subsidiaryId, parentId } }, { mutate }) =>
      mutate((tx) => linkEntities(tx, 'SUBSIDIARY_OF', subsidiaryId, parentId)),
    linkManages: (_root, { input: { userId, organizationId, ...properties } }, { mutate }) =>
      mutate((tx) => linkEntities(tx, 'MANAGES', userId, organizationId, properties)),

    unlinkWorksAt: (_root, { personId, organizationId }, context) => unlink(context, 'WORKS_AT', personId, organizationId),
    unlinkReportsTo: (_root, { personId, managerId }, context) => unlink(context, 'REPORTS_TO', personId, managerId),
    unlinkKnows: (_root, { fromId, toId }, context) => unlink(context, 'KNOWS', fromId, toId),
    unlinkInfluences: (_root, { fromId, toId }, context) => unlink(context, 'INFLUENCES', fromId, toId),
    unlinkServes: (_root, { partnerId, customerId }, context) => unlink(context, 'SERVES', partnerId, customerId),
    unlinkSubsidiaryOf: (_root, { subsidiaryId, parentId }, context) => unlink(context, 'SUBSIDIARY_OF', subsidiaryId, parentId),
    unlinkManages: (_root, { userId, organizationId }, context) => unlink(context, 'MANAGES', userId, organizationId),
  },
  StakeholderLink: {
    type: (link) => link.type as StakeholderRelationship,
    from: (link, _args, context) => requireNode(context, link.fromId),
    to: (link, _args, context) => requireNode(context, link.toId),
  },
};
