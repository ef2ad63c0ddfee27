/** Data-protection rights (DESIGN §9): restriction of processing and export. */

export { privacyResolvers as resolvers } from './resolvers';
export { isRestricted, refuseRestrictedEnds } from './restricted-ends';
