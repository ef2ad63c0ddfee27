import { badUserInput, notFound } from '../graphql/errors';
import type { Database } from '../neo4j/database';
import { param } from '../neo4j/values';
import { ENTITY_ROW, type EntityRow } from '../nodes/entity-row';
import type { OpportunityStage } from '../opportunities/open-stage';

// The SET takes the opportunity's write lock, so two concurrent changes are recorded one after the other.
const LOCK_OPPORTUNITY = `
MATCH (o:Opportunity {id: $id})
SET o.updatedAt = $now
RETURN o.stage AS stage`;

const RECORD_STAGE_CHANGE = `
MATCH (o:Opportunity {id: $id})
SET o.stage = $to, o.closedAt = $closedAt, o.closeReason = $closeReason
SET o.probability = CASE $to WHEN 'WON' THEN 1.0 WHEN 'LOST' THEN 0.0 ELSE o.probability END
CREATE (o)-[:HAS_STAGE_CHANGE {createdAt: $now, updatedAt: $now}]->
       (c:Entity:OpportunityStageChange {id: randomUUID(), to: $to, at: $at, createdAt: $now, updatedAt: $now})
SET c.from = $from, c.reason = $reason
RETURN ${ENTITY_ROW('o')} AS node`;

/**
 * Moves an opportunity to another stage and records the change with its time. WON and LOST need
 * a reason and set closedAt, closeReason and probability (1 or 0); leaving them reopens the deal.
 */
export async function changeOpportunityStage(
  db: Database,
  id: string,
  to: OpportunityStage,
  reason?: string | null,
  at?: string | null,
): Promise<EntityRow> {
  const closing = to === 'WON' || to === 'LOST';
  const why = reason?.trim() || null;
  if (closing && !why) throw badUserInput(`Moving to ${to} needs a reason (why was the deal ${to === 'WON' ? 'won' : 'lost'}?).`);
  if (why && why.length > 500) throw badUserInput('reason must be at most 500 characters.');
  const when = at ?? new Date().toISOString();
  return db.writeTransaction(async (tx) => {
    const now = param.dateTime(new Date().toISOString());
    const [current] = await tx.run<{ stage: OpportunityStage | null }>(LOCK_OPPORTUNITY, { id, now });
    if (!current) throw notFound('Opportunity', id);
    if (current.stage === to) throw badUserInput(`Opportunity ${id} is already in stage ${to}.`);
    const [row] = await tx.run<{ node: EntityRow }>(RECORD_STAGE_CHANGE, {
      id,
      from: current.stage,
      to,
      reason: why,
      at: param.dateTime(when),
      closedAt: closing ? param.dateTime(when) : null,
      closeReason: closing ? why : null,
      now,
    });
    return row.node;
  });
}
