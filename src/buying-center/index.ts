/** Buying centers: members, missing key roles, best paths and coverage. */
import { createBuyingCenterLoaders } from './buying-center';
import type { BuyingCenterMemberRow, BuyingCenterRow } from './buying-center';

export { buyingCenterResolvers as resolvers } from './resolvers';
export { createBuyingCenterLoaders as createLoaders };
export { KEY_ROLES } from './buying-center';

type BuyingCenterLoaders = ReturnType<typeof createBuyingCenterLoaders>;
declare module '../graphql/context' {
  interface Loaders extends BuyingCenterLoaders {}
}

declare module '../graphql/resolver-rows' {
  interface ResolverRows {
    BuyingCenter: BuyingCenterRow;
    BuyingCenterMember: BuyingCenterMemberRow;
  }
}
