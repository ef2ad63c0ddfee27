/** Consent decisions per channel and purpose, and audiences that honour them. */
import { createConsentLoaders } from './loaders';
import type { AudienceRow } from './audience-pages';

export { consentResolvers as resolvers } from './resolvers';
export { createConsentLoaders as createLoaders };
export { audienceMembers, type AudienceFilter, type AudienceMembers, type AudienceSelection } from './audience';
export { recordConsentDecision, type ConsentDecision } from './record-consent';
export { currentConsents } from './loaders';

type ConsentLoaders = ReturnType<typeof createConsentLoaders>;
declare module '../graphql/context' {
  interface Loaders extends ConsentLoaders {}
}
declare module '../graphql/resolver-rows' {
  interface ResolverRows {
    Audience: AudienceRow;
  }
}
