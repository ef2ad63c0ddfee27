import { badUserInput, notFound } from '../graphql/errors';
import type { Tx } from '../neo4j/database';
import { param } from '../neo4j/values';
import { NODE_TYPES, type NodeLabel } from '../model/graph-model';
import { validInput, validKey, withoutNulls } from '../model/validate-properties';
import { ENTITY_ROW, type EntityRow } from '../nodes/entity-row';
import { deleteEntity } from '../nodes/entity-writes';
import { labelsOf } from '../nodes/labels-of';

/** Write steps of opportunities together with their account (FOR_ACCOUNT) and owner (OWNS). */

export interface OpportunityLinks {
  accountId?: string | null;
  ownerId?: string | null;
  /** The campaign the deal came from (SOURCED_FROM). */
  campaignId?: string | null;
}

/** NOT_FOUND for an unknown account, owner or campaign id, BAD_USER_INPUT for one of the wrong type. */
async function checkLinks(tx: Tx, { accountId, ownerId, campaignId }: OpportunityLinks): Promise<void> {
  const wanted: [string, NodeLabel, string][] = [];
  if (accountId) wanted.push([accountId, 'Organization', 'accountId']);
  if (ownerId) wanted.push([ownerId, 'User', 'ownerId']);
  if (campaignId) wanted.push([campaignId, 'Campaign', 'campaignId']);
  const labels = await labelsOf(tx, wanted.map(([id]) => id));
  for (const [id, label, field] of wanted) {
    const actual = labels.get(id);
    if (!actual) throw notFound(label, id);
    if (actual !== label) throw badUserInput(`input.${field} must be the id of a ${label}, but ${id} is a ${actual}.`);
  }
}

const CREATE_OPPORTUNITY = `
MATCH (a:Entity:Organization {id: $accountId})
OPTIONAL MATCH (u:Entity:User {id: $ownerId})
OPTIONAL MATCH (c:Entity:Campaign {id: $campaignId})
CREATE (o:Entity:Opportunity {id: randomUUID(), createdAt: $now, updatedAt: $now})
SET o += $properties
CREATE (o)-[:FOR_ACCOUNT {createdAt: $now, updatedAt: $now}]->(a)
FOREACH (owner IN CASE WHEN u IS NULL THEN [] ELSE [u] END |
  CREATE (owner)-[:OWNS {createdAt: $now, updatedAt: $now}]->(o))
FOREACH (campaign IN CASE WHEN c IS NULL THEN [] ELSE [c] END |
  CREATE (o)-[:SOURCED_FROM {createdAt: $now, updatedAt: $now}]->(campaign))
RETURN ${ENTITY_ROW('o')} AS node`;

/** Creates an opportunity for an account, optionally owned by a user and sourced from a campaign. */
export async function createOpportunity(
  tx: Tx,
  input: Record<string, unknown> & { accountId: string; ownerId?: string | null; campaignId?: string | null; key?: string | null },
): Promise<EntityRow> {
  const { accountId, ownerId, campaignId, key, ...fields } = input;
  const properties = withoutNulls(validInput(NODE_TYPES.Opportunity.properties, fields, 'opportunity', NODE_TYPES.Opportunity.required));
  const checkedKey = validKey(key);
  if (checkedKey) properties.key = checkedKey;
  await checkLinks(tx, { accountId, ownerId, campaignId });
  const [row] = await tx.run<{ node: EntityRow }>(CREATE_OPPORTUNITY, {
    accountId,
    ownerId: ownerId ?? null,
    campaignId: campaignId ?? null,
    properties,
    now: param.now(),
  });
  return row.node;
}

const UPDATE_OPPORTUNITY = `
MATCH (o:Entity:Opportunity {id: $id})
SET o += $properties, o.updatedAt = $now
RETURN ${ENTITY_ROW('o')} AS node`;

const MOVE_ACCOUNT = `
MATCH (o:Entity:Opportunity {id: $id}), (a:Entity:Organization {id: $accountId})
OPTIONAL MATCH (o)-[old:FOR_ACCOUNT]->()
DELETE old
WITH DISTINCT o, a
CREATE (o)-[:FOR_ACCOUNT {createdAt: $now, updatedAt: $now}]->(a)`;

const CHANGE_OWNER = `
MATCH (o:Entity:Opportunity {id: $id})
OPTIONAL MATCH ()-[old:OWNS]->(o)
DELETE old
WITH DISTINCT o
OPTIONAL MATCH (u:Entity:User {id: $ownerId})
FOREACH (owner IN CASE WHEN u IS NULL THEN [] ELSE [u] END |
  CREATE (owner)-[:OWNS {createdAt: $now, updatedAt: $now}]->(o))`;

const CHANGE_CAMPAIGN = `
MATCH (o:Entity:Opportunity {id: $id})
OPTIONAL MATCH (o)-[old:SOURCED_FROM]->()
DELETE old
WITH DISTINCT o
OPTIONAL MATCH (c:Entity:Campaign {id: $campaignId})
FOREACH (campaign IN CASE WHEN c IS NULL THEN [] ELSE [c] END |
  CREATE (o)-[:SOURCED_FROM {createdAt: $now, updatedAt: $now}]->(campaign))`;

/**
 * Changes the given fields; `accountId` moves the deal to another account, `ownerId` hands it
 * over (null removes the owner), `campaignId` names its campaign (null removes it). NOT_FOUND
 * when there is no such opportunity.
 */
export async function updateOpportunity(tx: Tx, id: string, input: Record<string, unknown> & OpportunityLinks): Promise<EntityRow> {
  const { accountId, ownerId, campaignId, ...fields } = input;
  if (accountId === null) throw badUserInput('input.accountId cannot be null: every opportunity is for an account. Give another account id or leave it out.');
  const properties = validInput(NODE_TYPES.Opportunity.properties, fields, 'opportunity');
  for (const name of NODE_TYPES.Opportunity.required) {
    if (name in properties && properties[name] === null) throw badUserInput(`input.${name} is required and cannot be removed`);
  }
  const now = param.now();
  const [row] = await tx.run<{ node: EntityRow }>(UPDATE_OPPORTUNITY, { id, properties, now });
  if (!row) throw notFound('Opportunity', id);
  await checkLinks(tx, { accountId, ownerId, campaignId });
  if (accountId) await tx.run(MOVE_ACCOUNT, { id, accountId, now });
  if (ownerId !== undefined) await tx.run(CHANGE_OWNER, { id, ownerId, now });
  if (campaignId !== undefined) await tx.run(CHANGE_CAMPAIGN, { id, campaignId, now });
  return row.node;
}

/**
 * Deletes the opportunity with its relationships (account, owner, buying roles, ABOUT links) and
 * its stage history, which means nothing without it; NOT_FOUND when none.
 */
export async function deleteOpportunity(tx: Tx, id: string): Promise<string> {
  return (await deleteEntity(tx, 'Opportunity', id)).id;
}
