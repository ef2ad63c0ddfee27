import type { Resolvers } from '../generated/graphql';
import { listWebhooks } from './list-webhooks';
import { createWebhook, deleteWebhook, enableWebhook } from './webhook-writes';

export const webhookResolvers: Resolvers = {
  Query: {
    webhooks: (_root, _args, { db }) => listWebhooks(db),
  },
  Mutation: {
    createWebhook: (_root, { input }, { mutate }) => mutate((tx) => createWebhook(tx, input)),
    enableWebhook: (_root, { id }, { mutate }) => mutate((tx) => enableWebhook(tx, id)),
    deleteWebhook: (_root, { id }, { mutate }) => mutate((tx) => deleteWebhook(tx, id)),
  },
};
