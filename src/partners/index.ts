/** Partner coverage: what a channel partner brings. */
import type { PartnerCoverageRow } from './partner-coverage';

export { partnerResolvers as resolvers } from './resolvers';

declare module '../graphql/resolver-rows' {
  interface ResolverRows {
    PartnerCoverage: PartnerCoverageRow;
  }
}
