/** Opportunities with their account, owner and buying roles, and the rule of which deals are open. */
import { createOpportunityLoaders } from './loaders';
import type { PersonBuyingRoleRow } from './loaders';

export { opportunityResolvers as resolvers } from './resolvers';
export { createOpportunityLoaders as createLoaders };
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
