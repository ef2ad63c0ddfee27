import type { OrganizationKind, Resolvers } from '../generated/graphql';
import { readsTotalCount } from '../graphql/pagination';
import { readingProperties } from '../graphql/property-fields';
import type { EntityRow } from '../nodes/entity-row';
import { createEntity, updateEntity } from '../nodes/entity-writes';
import { storedWeight } from '../paths';
import { neighbourEdges, neighbourNode, neighbourNodes, pageWithWalksAhead, type Neighbour } from '../relationships';
import { deleteOrganization } from './delete-organization';
import { listOrganizations } from './list-organizations';
import { organizationById } from './organization-by-id';

export const organizationResolvers: Resolvers = {
  Query: {
    organization: (_root, { id }, context, info) => organizationById(context, info, id),
    organizations: (_root, args, context, info) => pageWithWalksAhead(context, info, (projection) => listOrganizations(context.db, { ...args, counted: readsTotalCount(info) }, projection)),
  },
  Mutation: {
    createOrganization: (_root, { input: { key, ...input } }, { mutate }) => mutate((tx) => createEntity(tx, 'Organization', input, key)),
    updateOrganization: (_root, { id, input }, { mutate }) => mutate((tx) => updateEntity(tx, 'Organization', id, input)),
    deleteOrganization: (_root, { id, force }, { mutate }) => mutate((tx) => deleteOrganization(tx, id, force ?? false)),
  },
  Organization: {
    kinds: readingProperties(['kinds'], (org: EntityRow) => (org.kinds as OrganizationKind[] | undefined) ?? []),
    people: neighbourEdges('employeesOf'),
    partners: neighbourEdges('partnersOf'),
    customers: neighbourEdges('customersOf'),
    parent: neighbourNode('parentOf'),
    subsidiaries: neighbourNodes('subsidiariesOf'),
    managers: neighbourEdges('managersOf'),
    influences: neighbourEdges('influences'),
    influencedBy: neighbourEdges('influencedBy'),
  },
  InfluenceEdge: {
    weight: readingProperties(['weight'], (edge: Neighbour) => storedWeight(edge.weight)),
  },
};
