import type { Resolvers } from '../generated/graphql';
import { badUserInput } from '../graphql/errors';
import { nodeOfType, requireNode } from '../nodes/require-node';
import { alternativesFor } from './alternatives';
import { placeOrder } from './place-order';
import { deleteProduct } from './products';
import { createEntity, updateEntity } from '../nodes/entity-writes';

export const commerceResolvers: Resolvers = {
  Query: {
    product: (_root, { id }, context) => nodeOfType(context, id, 'Product'),
    alternativesFor: async (_root, { productId }, context) => {
      await requireNode(context, productId, ['Product']);
      return alternativesFor(context.db, productId);
    },
  },
  Mutation: {
    createProduct: (_root, { input: { key, ...input } }, { mutate }) => mutate((tx) => createEntity(tx, 'Product', input, key)),
    updateProduct: (_root, { id, input }, { mutate }) => mutate((tx) => updateEntity(tx, 'Product', id, input)),
    deleteProduct: (_root, { id }, { mutate }) => mutate((tx) => deleteProduct(tx, id)),
    placeOrder: (_root, args, { mutate }) => mutate((tx) => placeOrder(tx, args)),
  },
  Product: {
    upgrades: (product, _args, { loaders }) => loaders.upgradesByProductId.load(product.id),
    upgradeOf: (product, _args, { loaders }) => loaders.upgradeOfByProductId.load(product.id),
    complements: (product, _args, { loaders }) => loaders.complementsByProductId.load(product.id),
  },
  Order: {
    amount: (order) => (order.amount as number | undefined) ?? 0,
    lines: (order, _args, { loaders }) => loaders.linesByOrderId.load(order.id),
    account: (order, _args, { loaders }) => loaders.accountByOrderId.load(order.id),
  },
  Organization: {
    orders: (org, page, { loaders }) => loaders.ordersByOrganizationId.load({ id: org.id, args: page }),
    revenue: (org, { from, to }, { loaders }) => {
      if (from > to) throw badUserInput(`"from" (${from}) must not be after "to" (${to}).`);
      return loaders.revenueByOrganizationId.load({ id: org.id, from, to });
    },
  },
};
