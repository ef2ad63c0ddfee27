/** Data-protection rights (DESIGN §9): restriction of processing, export, and erasure with its tombstone. */

export { privacyResolvers as resolvers } from './resolvers';
export { isRestricted, refuseRestrictedEnds } from './restricted-ends';
export { erasedKeyMessage, erasedKeys, refuseErasedKey } from './erased-keys';
