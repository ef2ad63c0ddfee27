import { badUserInput, notFound } from '../graphql/errors';
import type { Tx } from '../neo4j/database';
import { param } from '../neo4j/values';

export interface CreditRecordRow {
  interactionId: string;
  creditAmount: number;
  creditReason: string;
}

const SET_CREDIT = `
MATCH (i:Interaction {id: $id})
SET i.creditAmount = $amount, i.creditReason = $reason, i.updatedAt = $now
RETURN i.id AS interactionId, i.creditAmount AS creditAmount, i.creditReason AS creditReason`;

/** Sets the credit or discount given on a logged contact (replacing an earlier one on it). */
export async function recordCredit(tx: Tx, interactionId: string, amount: number, reason: string): Promise<CreditRecordRow> {
  if (!Number.isFinite(amount) || amount <= 0) throw badUserInput(`amount must be greater than 0, got ${amount}.`);
  if (!reason.trim() || reason.length > 500) throw badUserInput('reason must be 1 to 500 characters: say what the credit is for.');
  const [row] = await tx.run<CreditRecordRow>(SET_CREDIT, {
    id: interactionId,
    amount,
    reason: reason.trim(),
    now: param.now(),
  });
  if (!row) throw notFound('Interaction', interactionId);
  return row;
}
