import { badUserInput, notFound } from '../graphql/errors';
import type { Tx } from '../neo4j/database';
import { param } from '../neo4j/values';
import { NODE_TYPES } from '../model/graph-model';
import { validInput, withoutNulls } from '../model/validate-properties';
import { ENTITY_ROW, type EntityRow } from '../nodes/entity-row';
import { deleteEntity } from '../nodes/entity-writes';
import { labelsOf } from '../nodes/labels-of';

/** Write steps of campaigns together with their owner (OWNS). */

async function checkOwner(tx: Tx, ownerId: string | null | undefined): Promise<void> {
  if (!ownerId) return;
  const label = (await labelsOf(tx, [ownerId])).get(ownerId);
  if (!label) throw notFound('User', ownerId);
  if (label !== 'User') throw badUserInput(`input.ownerId must be the id of a User, but ${ownerId} is a ${label}.`);
}

function checkPeriod(properties: Record<string, unknown>, existing?: EntityRow): void {
  const startsAt = (properties.startsAt === undefined ? existing?.startsAt : properties.startsAt) as { toString(): string } | null | undefined;
  const endsAt = (properties.endsAt === undefined ? existing?.endsAt : properties.endsAt) as { toString(): string } | null | undefined;
  if (startsAt && endsAt && Date.parse(String(endsAt)) < Date.parse(String(startsAt))) {
    throw badUserInput(`The campaign would end (${String(endsAt)}) before it starts (${String(startsAt)}); give an endsAt on or after startsAt.`);
  }
}

const CREATE_CAMPAIGN = `
OPTIONAL MATCH (u:Entity:User {id: $ownerId})
CREATE (c:Entity:Campaign {id: randomUUID(), createdAt: $now, updatedAt: $now})
SET c += $properties
FOREACH (owner IN CASE WHEN u IS NULL THEN [] ELSE [u] END |
  CREATE (owner)-[:OWNS {createdAt: $now, updatedAt: $now}]->(c))
RETURN ${ENTITY_ROW('c')} AS node`;

/** Creates a campaign, optionally owned by a user. */
export async function createCampaign(
  tx: Tx,
  input: Record<string, unknown> & { ownerId?: string | null; key?: string | null },
): Promise<EntityRow> {
  const { ownerId, key, ...fields } = input;
  const properties = withoutNulls(validInput(NODE_TYPES.Campaign.properties, fields, 'campaign', NODE_TYPES.Campaign.required));
  if (typeof properties.purpose === 'string') properties.purpose = properties.purpose.trim();
  if (key) properties.key = key;
  checkPeriod({ startsAt: fields.startsAt, endsAt: fields.endsAt });
  await checkOwner(tx, ownerId);
  const [row] = await tx.run<{ node: EntityRow }>(CREATE_CAMPAIGN, { ownerId: ownerId ?? null, properties, now: param.now() });
  return row.node;
}

const UPDATE_CAMPAIGN = `
MATCH (c:Entity:Campaign {id: $id})
SET c += $properties, c.updatedAt = $now
RETURN ${ENTITY_ROW('c')} AS node`;

const CHANGE_OWNER = `
MATCH (c:Entity:Campaign {id: $id})
OPTIONAL MATCH ()-[old:OWNS]->(c)
DELETE old
WITH DISTINCT c
OPTIONAL MATCH (u:Entity:User {id: $ownerId})
FOREACH (owner IN CASE WHEN u IS NULL THEN [] ELSE [u] END |
  CREATE (owner)-[:OWNS {createdAt: $now, updatedAt: $now}]->(c))`;

const CAMPAIGN = `MATCH (c:Entity:Campaign {id: $id}) RETURN ${ENTITY_ROW('c')} AS node`;

/** Changes name, period and owner (null removes the owner); channel and purpose stay as created. */
export async function updateCampaign(tx: Tx, id: string, input: Record<string, unknown> & { ownerId?: string | null }): Promise<EntityRow> {
  const { ownerId, ...fields } = input;
  const properties = validInput(NODE_TYPES.Campaign.properties, fields, 'campaign');
  if (properties.name === null) throw badUserInput('input.name is required and cannot be removed');
  const [existing] = await tx.run<{ node: EntityRow }>(CAMPAIGN, { id });
  if (!existing) throw notFound('Campaign', id);
  checkPeriod({ startsAt: fields.startsAt, endsAt: fields.endsAt }, existing.node);
  await checkOwner(tx, ownerId);
  const now = param.now();
  const [row] = await tx.run<{ node: EntityRow }>(UPDATE_CAMPAIGN, { id, properties, now });
  if (ownerId !== undefined) await tx.run(CHANGE_OWNER, { id, ownerId, now });
  return row.node;
}

/** Deletes the campaign with its targeting, responses and SOURCED_FROM links; the deals and interactions stay. */
export async function deleteCampaign(tx: Tx, id: string): Promise<string> {
  return (await deleteEntity(tx, 'Campaign', id)).id;
}
