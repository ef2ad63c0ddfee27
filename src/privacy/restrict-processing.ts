import { notFound } from '../graphql/errors';
import type { Tx } from '../neo4j/database';
import { param } from '../neo4j/values';
import { ENTITY_ROW, type EntityRow } from '../nodes/entity-row';
import { checkedReason } from './reason';

// A second restriction keeps the first date: the person has been restricted since then.
const RESTRICT = `
MATCH (p:Person {id: $personId})
SET p.restricted = true, p.restrictedAt = coalesce(p.restrictedAt, $now), p.restrictionReason = $reason, p.updatedAt = $now
RETURN ${ENTITY_ROW('p')} AS person`;

/** Marks the person restricted (USABLE is false for them from now on); NOT_FOUND for an unknown id. */
export async function restrictProcessing(tx: Tx, personId: string, reason: string): Promise<EntityRow> {
  const [row] = await tx.run<{ person: EntityRow }>(RESTRICT, { personId, reason: checkedReason(reason), now: param.now() });
  if (!row) throw notFound('Person', personId);
  return row.person;
}

const LIFT = `
MATCH (p:Person {id: $personId})
FOREACH (_ IN CASE WHEN p.restricted THEN [1] ELSE [] END | SET p.updatedAt = $now)
REMOVE p.restricted, p.restrictedAt, p.restrictionReason
RETURN ${ENTITY_ROW('p')} AS person`;

/** Ends the restriction (a person who is not restricted stays as they are); NOT_FOUND for an unknown id. */
export async function liftRestriction(tx: Tx, personId: string): Promise<EntityRow> {
  const [row] = await tx.run<{ person: EntityRow }>(LIFT, { personId, now: param.now() });
  if (!row) throw notFound('Person', personId);
  return row.person;
}
