/** Customer value and ABC tiers, dormant customers with a warm path back, cross- and up-sell. */
import { createWarmPathLoaders } from './warm-paths';
import type { CrossSellRow, UpgradeCandidateRow } from './cross-sell';
import type { CustomerValueRow } from './customer-value';
import type { DormantCustomerRow } from './dormant-customers';

export { analyticsResolvers as resolvers } from './resolvers';
export { createWarmPathLoaders as createLoaders };
export { dormantCustomers } from './dormant-customers';

type WarmPathLoaders = ReturnType<typeof createWarmPathLoaders>;
declare module '../graphql/context' {
  interface Loaders extends WarmPathLoaders {}
}

declare module '../graphql/resolver-rows' {
  interface ResolverRows {
    CustomerValue: CustomerValueRow;
    DormantCustomer: DormantCustomerRow;
    CrossSellCandidate: CrossSellRow;
    UpgradeCandidate: UpgradeCandidateRow;
  }
}
