import type { LIFECYCLE_STAGES } from '../model/enums';

export type LifecycleStage = (typeof LIFECYCLE_STAGES)[number];

/**
 * The lifecycle transition table: from each stage, the stages it may move to. A lead is
 * qualified into a prospect (or back), a prospect wins its first order, customers are promoted to
 * and demoted from key accounts, fall asleep and are reactivated; anyone can be lost, and a lost
 * customer is won back as a prospect first.
 */
export const LIFECYCLE_TRANSITIONS: Record<LifecycleStage, readonly LifecycleStage[]> = {
  LEAD: ['PROSPECT', 'CHURNED'],
  PROSPECT: ['LEAD', 'CUSTOMER', 'CHURNED'],
  CUSTOMER: ['KEY_ACCOUNT', 'DORMANT', 'CHURNED'],
  KEY_ACCOUNT: ['CUSTOMER', 'DORMANT', 'CHURNED'],
  DORMANT: ['CUSTOMER', 'KEY_ACCOUNT', 'CHURNED'],
  CHURNED: ['PROSPECT'],
};

/** The stages reachable from `from`; an organization without a stage may take any. */
export function allowedTargets(from: LifecycleStage | null): readonly LifecycleStage[] {
  return from === null ? (Object.keys(LIFECYCLE_TRANSITIONS) as LifecycleStage[]) : LIFECYCLE_TRANSITIONS[from];
}
