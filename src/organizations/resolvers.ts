import type { OrganizationKind, Resolvers } from '../generated/graphql';
import { createEntity, updateEntity } from '../nodes/entity-writes';
import { nodeOfType } from '../nodes/require-node';
import { storedWeight } from '../paths';
import { deleteOrganization } from './delete-organization';
import { listOrganizations } from './list-organizations';

export const organizationResolvers: Resolvers = {
  Query: {
    organization: (_root, { id }, context) => nodeOfType(context, id, 'Organization'),
    organizations: (_root, args, { db }) => listOrganizations(db, args),
  },
  Mutation: {
    createOrganization: (_root, { input: { key, ...input } }, { mutate }) => mutate((tx) => createEntity(tx, 'Organization', input, key)),
    updateOrganization: (_root, { id, input }, { mutate }) => mutate((tx) => updateEntity(tx, 'Organization', id, input)),
    deleteOrganization: (_root, { id, force }, { mutate }) => mutate((tx) => deleteOrganization(tx, id, force ?? false)),
  },
  Organization: {
    kinds: (org) => (org.kinds as OrganizationKind[] | undefined) ?? [],
    people: (org, { first }, { loaders }) => loaders.neighboursByNodeId('employeesOf', first).load(org.id),
    partners: (org, { first }, { loaders }) => loaders.neighboursByNodeId('partnersOf', first).load(org.id),
    customers: (org, { first }, { loaders }) => loaders.neighboursByNodeId('customersOf', first).load(org.id),
    parent: async (org, _args, { loaders }) => (await loaders.neighboursByNodeId('parentOf', 1).load(org.id))[0]?.node ?? null,
    subsidiaries: async (org, { first }, { loaders }) =>
      (await loaders.neighboursByNodeId('subsidiariesOf', first).load(org.id)).map((edge) => edge.node),
    managers: (org, { first }, { loaders }) => loaders.neighboursByNodeId('managersOf', first).load(org.id),
    influences: (org, { first }, { loaders }) => loaders.neighboursByNodeId('influences', first).load(org.id),
    influencedBy: (org, { first }, { loaders }) => loaders.neighboursByNodeId('influencedBy', first).load(org.id),
  },
  InfluenceEdge: {
    weight: (edge) => storedWeight(edge.weight),
  },
};
