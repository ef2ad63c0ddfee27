/**
 * Data-protection rights (DESIGN §9): restriction of processing, export, erasure with its
 * tombstone, and retention of contact history.
 */

export { privacyResolvers as resolvers } from './resolvers';
export { isRestricted, refuseRestrictedEnds } from './restricted-ends';
export { erasedKeyMessage, erasedKeys, refuseErasedKey } from './erased-keys';
export { purgeInteractions, type PurgeReport } from './purge-interactions';
export { scheduleRetention } from './retention-schedule';
