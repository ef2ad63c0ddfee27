import { badUserInput } from '../graphql/errors';
import type { Tx } from '../neo4j/database';
import { linkEntities } from '../nodes/entity-writes';

export interface ReferralInput {
  fromId: string;
  toId: string;
  /** When the recommendation was made (ISO-8601); now when not given. */
  at?: string | null;
  note?: string | null;
}

/**
 * Records that `fromId` recommended us to `toId` (Person or Organization at both ends). A second
 * referral between the same two, in the same direction, updates the first (its `at` and note).
 */
export async function recordReferral(tx: Tx, input: ReferralInput): Promise<boolean> {
  const at = input.at ?? new Date().toISOString();
  if (Date.parse(at) > Date.now() + 86_400_000) throw badUserInput(`"at" (${at}) lies in the future; a referral is recorded once it happened.`);
  await linkEntities(tx, 'REFERRED', input.fromId, input.toId, { at, ...(input.note?.trim() ? { note: input.note.trim() } : {}) });
  return true;
}
