import type { Resolvers } from '../generated/graphql';
import { recomputeCommunities } from './recompute-communities';
import { listCommunities } from './list-communities';

const nodesOf = <T>(page: { edges: { node: T }[] }) => page.edges.map((edge) => edge.node);

export const communityResolvers: Resolvers = {
  Query: {
    communities: (_root, page, { db }) => listCommunities(db, page),
  },
  Mutation: {
    recomputeCommunities: (_root, { minSize }, { mutate }) => mutate((tx) => recomputeCommunities(tx, { minSize })),
  },
  Community: {
    members: (community, page, { loaders }) => loaders.peopleOfCommunity.load({ id: community.id, args: page }),
    organizations: async (community, { first }, { loaders }) =>
      nodesOf(await loaders.organizationsOfCommunity.load({ id: community.id, args: { first } })),
    users: async (community, { first }, { loaders }) =>
      nodesOf(await loaders.usersOfCommunity.load({ id: community.id, args: { first } })),
    hubs: async (community, { first }, { loaders }) =>
      nodesOf(await loaders.hubsOfCommunity.load({ id: community.id, args: { first } })),
  },
  Person: {
    community: (person, _args, { loaders }) => loaders.communityByMemberId.load(person.id),
  },
  Organization: {
    community: (organization, _args, { loaders }) => loaders.communityByMemberId.load(organization.id),
  },
  User: {
    community: (user, _args, { loaders }) => loaders.communityByMemberId.load(user.id),
  },
};
