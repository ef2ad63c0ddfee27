import { badUserInput } from '../graphql/errors';
import type { Tx } from '../neo4j/database';
import { param } from '../neo4j/values';
import { lockNode } from '../nodes/lock-nodes';
import { parseQuarter } from './quarter';

// The user is locked first, so two concurrent calls cannot both create a target for the period.
const SET_TARGET = `
MATCH (u:Entity {id: $userId})
MERGE (u)-[h:HAS_TARGET]->(t:SalesTarget {period: $period})
  ON CREATE SET t:Entity, t.id = randomUUID(), t.createdAt = $now, h.createdAt = $now, h.updatedAt = $now
SET t.amount = $amount, t.updatedAt = $now`;

/** Sets a user's sales target for a quarter ('YYYY-Qn'): one per user and period, a second call replaces the amount. */
export async function setSalesTarget(tx: Tx, userId: string, period: string, amount: number): Promise<boolean> {
  parseQuarter(period);
  if (!Number.isFinite(amount) || amount < 0) throw badUserInput(`"amount" must be 0 or more, got ${amount}.`);
  await lockNode(tx, 'User', userId);
  await tx.run(SET_TARGET, { userId, period, amount, now: param.now() });
  return true;
}
