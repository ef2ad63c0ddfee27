import { badUserInput, notFound } from '../graphql/errors';
import type { Database } from '../neo4j/database';
import { param } from '../neo4j/values';
import { ENTITY_ROW, type EntityRow } from '../nodes/entity-row';
import { allowedTargets, type LifecycleStage } from './transitions';

// The SET takes the organization's write lock, so a concurrent change waits and then sees this one.
const LOCK_ORGANIZATION = `
MATCH (o:Organization {id: $id})
SET o.updatedAt = $now
RETURN o.lifecycleStage AS stage`;

const RECORD_CHANGE = `
MATCH (o:Organization {id: $id})
SET o.lifecycleStage = $to
CREATE (o)-[:HAS_LIFECYCLE_CHANGE {createdAt: $now, updatedAt: $now}]->
       (c:Entity:LifecycleChange {id: randomUUID(), to: $to, at: $at, createdAt: $now, updatedAt: $now})
SET c.from = $from, c.reason = $reason
RETURN ${ENTITY_ROW('o')} AS node`;

/** Moves an organization to `to` if the transition table allows it, and records the change. */
export async function changeLifecycleStage(
  db: Database,
  id: string,
  to: LifecycleStage,
  reason?: string | null,
  at?: string | null,
): Promise<EntityRow> {
  if (reason && reason.length > 500) throw badUserInput('reason must be at most 500 characters.');
  return db.writeTransaction(async (tx) => {
    const now = param.dateTime(new Date().toISOString());
    const [org] = await tx.run<{ stage: LifecycleStage | null }>(LOCK_ORGANIZATION, { id, now });
    if (!org) throw notFound('Organization', id);
    const allowed = allowedTargets(org.stage);
    if (!allowed.includes(to)) {
      throw badUserInput(
        `An organization in stage ${org.stage} cannot move to ${to}; allowed: ${allowed.join(', ')}.`,
        [{ path: 'stage', message: `allowed from ${org.stage}: ${allowed.join(', ')}` }],
      );
    }
    const [row] = await tx.run<{ node: EntityRow }>(RECORD_CHANGE, {
      id,
      from: org.stage,
      to,
      reason: reason ?? null,
      at: param.dateTime(at ?? new Date().toISOString()),
      now,
    });
    return row.node;
  });
}
