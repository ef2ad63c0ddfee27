import type { Resolvers } from '../generated/graphql';
import type { Context } from '../graphql/context';
import { notFound } from '../graphql/errors';
import { readingProperties } from '../graphql/property-fields';
import type { EntityRow } from '../nodes/entity-row';
import { nodeOfType, requireNode } from '../nodes/require-node';
import { listOpportunities } from './list-opportunities';
import { opportunityPageArgs } from './loaders';
import { createOpportunity, deleteOpportunity, updateOpportunity } from './opportunity-writes';
import { removeBuyingRole, setBuyingRole } from './buying-roles';

export const opportunityResolvers: Resolvers = {
  Query: {
    opportunity: (_root, { id }, context) => nodeOfType(context, id, 'Opportunity'),
    opportunities: (_root, { filter, ...page }, { db }) => listOpportunities(db, filter, page),
  },
  Mutation: {
    createOpportunity: (_root, { input }, { mutate }) => mutate((tx) => createOpportunity(tx, input)),
    updateOpportunity: (_root, { id, input }, { mutate }) => mutate((tx) => updateOpportunity(tx, id, input)),
    deleteOpportunity: (_root, { id }, { mutate }) => mutate((tx) => deleteOpportunity(tx, id)),
    setBuyingRole: async (_root, { opportunityId, personId, roles, stance }, context) => {
      await requireNode(context, opportunityId, ['Opportunity']);
      await requireNode(context, personId, ['Person']);
      await context.mutate((tx) => setBuyingRole(tx, { opportunityId, personId, roles, stance }));
      // An earlier mutation of the same operation may have loaded this buying center already.
      context.loaders.buyingCenterByOpportunityId.clear(opportunityId);
      context.loaders.memberPathsByOpportunityId.clear(opportunityId);
      const center = await context.loaders.buyingCenterByOpportunityId.load(opportunityId);
      const member = center?.members.find((m) => m.person.id === personId);
      if (!member) throw notFound('buying-center member', personId);
      return member;
    },
    removeBuyingRole: async (_root, { opportunityId, personId }, context) => {
      await requireNode(context, opportunityId, ['Opportunity']);
      await requireNode(context, personId, ['Person']);
      return context.mutate((tx) => removeBuyingRole(tx, { opportunityId, personId }));
    },
  },
  Opportunity: {
    account: async (opportunity, _args, { loaders }) => (await loaders.partiesByOpportunityId.load(opportunity.id)).account,
    owner: async (opportunity, _args, { loaders }) => (await loaders.partiesByOpportunityId.load(opportunity.id)).owner,
    buyingCenter: async (opportunity, _args, { loaders }) => {
      const center = await loaders.buyingCenterByOpportunityId.load(opportunity.id);
      if (!center) throw notFound('Opportunity', opportunity.id);
      return center;
    },
  },
  Organization: {
    // Reads only the id: an account page that lists opportunities still fetches just the properties it shows.
    opportunities: readingProperties(['id'], (organization: EntityRow, args: Parameters<typeof opportunityPageArgs>[0], { loaders }: Context) =>
      loaders.opportunitiesByAccountId.load({ id: organization.id, args: opportunityPageArgs(args) })),
  },
  Person: {
    buyingRoles: (person, _args, { loaders }) => loaders.buyingRolesByPersonId.load(person.id),
  },
  User: {
    opportunities: (user, args, { loaders }) => loaders.opportunitiesByOwnerId.load({ id: user.id, args: opportunityPageArgs(args) }),
  },
};
