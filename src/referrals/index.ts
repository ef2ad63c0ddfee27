/** Referrals (DESIGN §11): who recommended us to whom, and what it brought. */
import type { ReferralValueRow, ReferrerRow } from './referral-value';

export { referralResolvers as resolvers } from './resolvers';

declare module '../graphql/resolver-rows' {
  interface ResolverRows {
    ReferralValue: ReferralValueRow;
    ReferrerRow: ReferrerRow;
  }
}
