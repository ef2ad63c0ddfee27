import type { PathQuestion } from './path-loaders';
import { EVERY_USER } from './sources';

/**
 * The question of warm-introduction paths to `targetId` from the given users, or from every User
 * when none are given: one ranked list across all of them (DESIGN §4). The target itself never
 * starts a path; "every User" means every visible one. It names the target and the given users.
 */
export function warmIntroductions(query: { targetId: string; fromUserIds?: string[] | null; maxHops: number; first: number }): PathQuestion {
  return {
    fromIds: query.fromUserIds ?? EVERY_USER,
    toId: query.targetId,
    maxHops: query.maxHops,
    first: query.first,
    endIds: [query.targetId, ...(query.fromUserIds ?? [])],
  };
}
