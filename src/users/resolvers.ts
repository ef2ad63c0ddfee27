import type { UserRole, Resolvers } from '../generated/graphql';
import { readsTotalCount } from '../graphql/pagination';
import { deleteEntity } from '../nodes/entity-writes';
import { neighbourEdges, neighbourNode } from '../relationships';
import { listUsers } from './list-users';
import { createUser, updateUser } from './user-writes';

export const userResolvers: Resolvers = {
  Query: {
    users: (_root, page, { db }, info) => listUsers(db, { ...page, counted: readsTotalCount(info) }),
  },
  Mutation: {
    createUser: (_root, { input }, { mutate }) => mutate((tx) => createUser(tx, input)),
    updateUser: (_root, { id, input }, { mutate }) => mutate((tx) => updateUser(tx, id, input)),
    deleteUser: (_root, { id }, { mutate }) => mutate(async (tx) => (await deleteEntity(tx, 'User', id)).id),
  },
  User: {
    roles: (user) => (user.roles as UserRole[] | undefined) ?? [],
    active: (user) => user.active !== false,
    actsFor: neighbourNode('actsFor'),
    accounts: neighbourEdges('accountsOf'),
    knows: neighbourEdges('knows'),
  },
};
