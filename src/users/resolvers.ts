import type { UserRole, Resolvers } from '../generated/graphql';
import { createEntity, deleteEntity, updateEntity } from '../nodes/entity-writes';
import { neighbourEdges } from '../relationships';
import { listUsers } from './list-users';

export const userResolvers: Resolvers = {
  Query: {
    users: (_root, page, { db }) => listUsers(db, page),
  },
  Mutation: {
    createUser: (_root, { input: { key, ...input } }, { mutate }) => mutate((tx) => createEntity(tx, 'User', input, key)),
    updateUser: (_root, { id, input }, { mutate }) => mutate((tx) => updateEntity(tx, 'User', id, input)),
    deleteUser: (_root, { id }, { mutate }) => mutate(async (tx) => (await deleteEntity(tx, 'User', id)).id),
  },
  User: {
    roles: (user) => (user.roles as UserRole[] | undefined) ?? [],
    accounts: neighbourEdges('accountsOf'),
    knows: neighbourEdges('knows'),
  },
};
