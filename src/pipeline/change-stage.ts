import { badUserInput } from '../graphql/errors';
import { STAGE_HISTORIES } from '../model/graph-model';
import type { Tx } from '../neo4j/database';
import { param } from '../neo4j/values';
import type { EntityRow } from '../nodes/entity-row';
import { lockNode } from '../nodes/lock-nodes';
import { changeStage } from '../nodes/stage-change';
import { isOpenStage, type OpportunityStage } from '../opportunities';

/**
 * Moves an opportunity to another stage and records the change with its time. WON and LOST need
 * a reason and set closedAt, closeReason and probability (1 or 0); leaving them reopens the deal.
 */
export async function changeOpportunityStage(
  tx: Tx,
  id: string,
  to: OpportunityStage,
  reason?: string | null,
  at?: string | null,
): Promise<EntityRow> {
  const closing = !isOpenStage(to);
  const why = reason?.trim() || null;
  if (closing && !why) throw badUserInput(`Moving to ${to} needs a reason (why was the deal ${to === 'WON' ? 'won' : 'lost'}?).`);
  if (why && why.length > 500) throw badUserInput('reason must be at most 500 characters.');
  const when = at ?? new Date().toISOString();
  // Locked, two concurrent changes are recorded one after the other.
  const opportunity = await lockNode(tx, 'Opportunity', id);
  const from = (opportunity.stage as OpportunityStage | undefined) ?? null;
  if (from === to) throw badUserInput(`Opportunity ${id} is already in stage ${to}.`);
  return changeStage(tx, STAGE_HISTORIES.opportunityStage, id, {
    from,
    to,
    at: when,
    reason: why,
    properties: {
      closedAt: closing ? param.dateTime(when) : null,
      closeReason: closing ? why : null,
      ...(to === 'WON' ? { probability: 1.0 } : to === 'LOST' ? { probability: 0.0 } : {}),
    },
  });
}
