import type { Resolvers } from '../generated/graphql';
import { createApiKey, listApiKeys, revokeApiKey } from './api-keys';
import { auditLog } from './audit-log';

export const accessResolvers: Resolvers = {
  Query: {
    viewer: (_root, _args, { viewer }) => viewer,
    apiKeys: (_root, _args, { db }) => listApiKeys(db),
    auditLog: (_root, { filter, ...page }, { db }) => auditLog(db, filter, page),
  },
  Mutation: {
    // The creator owns the key: a user, or for a key created with an API key that key's owner.
    createApiKey: (_root, { input }, { mutate, viewer }) => mutate((tx) => createApiKey(tx, input, viewer.user.id)),
    revokeApiKey: (_root, { id }, { mutate }) => mutate((tx) => revokeApiKey(tx, id)),
  },
  Viewer: {
    // Read at sign-in: a partner's scope need not contain the owner of its API key.
    user: (viewer) => viewer.user,
    roles: (viewer) => viewer.roles,
    actsFor: (viewer, _args, { loaders }) => (viewer.actsForId ? loaders.nodeById.load(viewer.actsForId) : null),
    apiKey: (viewer) => viewer.apiKey,
  },
  ApiKey: {
    actsFor: (key, _args, { loaders }) => (key.actsForId ? loaders.nodeById.load(key.actsForId) : null),
    owner: (key, _args, { loaders }) => (key.ownerId ? loaders.nodeById.load(key.ownerId) : null),
  },
};
