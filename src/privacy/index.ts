/** Data-protection rights (DESIGN §9): restriction of processing. */

export { privacyResolvers as resolvers } from './resolvers';
export { isRestricted, refuseRestrictedEnds } from './restricted-ends';
