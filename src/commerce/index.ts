/** Products, orders and revenue. */
import { createCommerceLoaders } from './loaders';
import type { AlternativeRow } from './alternatives';
import type { OrderLineRow } from './loaders';

export { commerceResolvers as resolvers } from './resolvers';
export { createCommerceLoaders as createLoaders };

type CommerceLoaders = ReturnType<typeof createCommerceLoaders>;
declare module '../graphql/context' {
  interface Loaders extends CommerceLoaders {}
}

declare module '../graphql/resolver-rows' {
  interface ResolverRows {
    OrderLine: OrderLineRow;
    ProductAlternative: AlternativeRow;
  }
}
