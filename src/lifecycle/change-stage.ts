import { badUserInput } from '../graphql/errors';
import { STAGE_HISTORIES } from '../model/graph-model';
import type { Tx } from '../neo4j/database';
import type { EntityRow } from '../nodes/entity-row';
import { lockNode } from '../nodes/lock-nodes';
import { changeStage } from '../nodes/stage-change';
import { allowedTargets, type LifecycleStage } from './transitions';

/** Moves an organization to `to` if the transition table allows it, and records the change. */
export async function changeLifecycleStage(
  tx: Tx,
  id: string,
  to: LifecycleStage,
  reason?: string | null,
  at?: string | null,
): Promise<EntityRow> {
  if (reason && reason.length > 500) throw badUserInput('reason must be at most 500 characters.');
  // Locked, a concurrent change waits and then sees this one.
  const organization = await lockNode(tx, 'Organization', id);
  const from = (organization.lifecycleStage as LifecycleStage | undefined) ?? null;
  const allowed = allowedTargets(from);
  if (!allowed.includes(to)) {
    throw badUserInput(
      `An organization in stage ${from} cannot move to ${to}; allowed: ${allowed.join(', ')}.`,
      [{ path: 'stage', message: `allowed from ${from}: ${allowed.join(', ')}` }],
    );
  }
  return changeStage(tx, STAGE_HISTORIES.lifecycle, id, { from, to, at, reason });
}
