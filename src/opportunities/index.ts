/** Opportunities with their account, owner and buying roles, the rule of which deals are open, and an account's page of them read ahead. */
import { createOpportunityLoaders } from './loaders';
import type { PersonBuyingRoleRow } from './loaders';

export { opportunityResolvers as resolvers } from './resolvers';
export { createOpportunityLoaders as createLoaders };
export { accountOpportunitiesAhead } from './account-opportunities-ahead';
export { IS_OPEN, STAGE_OF, isOpenStage, type OpportunityStage } from './open-stage';

type OpportunityLoaders = ReturnType<typeof createOpportunityLoaders>;
declare module '../graphql/context' {
  interface Loaders extends OpportunityLoaders {}
}

declare module '../graphql/resolver-rows' {
  interface ResolverRows {
    PersonBuyingRole: PersonBuyingRoleRow;
  }
}
