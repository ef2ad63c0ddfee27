import { badUserInput, notFound } from '../graphql/errors';
import type { Database, Tx } from '../neo4j/database';
import { param } from '../neo4j/values';
import { NODE_TYPES, type NodeLabel } from '../model/graph-model';
import { validateProperties } from '../model/validate-properties';
import { ENTITY_ROW, type EntityRow } from '../nodes/entity-row';
import { labelsOf } from '../nodes/labels-of';

/** Writes of opportunities together with their account (FOR_ACCOUNT) and owner (OWNS), each in one transaction. */

export interface OpportunityLinks {
  accountId?: string | null;
  ownerId?: string | null;
}

function validated(input: Record<string, unknown>, required: readonly string[]) {
  const { values, problems } = validateProperties(NODE_TYPES.Opportunity.properties, input, 'input', required);
  if (problems.length) throw badUserInput(`Invalid opportunity: ${problems.map((p) => `${p.path} ${p.message}`).join('; ')}`, problems);
  return values;
}

/** NOT_FOUND for an unknown account or owner id, BAD_USER_INPUT for one of the wrong type. */
async function checkLinks(tx: Tx, { accountId, ownerId }: OpportunityLinks): Promise<void> {
  const wanted: [string, NodeLabel, string][] = [];
  if (accountId) wanted.push([accountId, 'Organization', 'accountId']);
  if (ownerId) wanted.push([ownerId, 'User', 'ownerId']);
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
CREATE (o:Entity:Opportunity {id: randomUUID(), createdAt: $now, updatedAt: $now})
SET o += $properties
CREATE (o)-[:FOR_ACCOUNT {createdAt: $now, updatedAt: $now}]->(a)
FOREACH (owner IN CASE WHEN u IS NULL THEN [] ELSE [u] END |
  CREATE (owner)-[:OWNS {createdAt: $now, updatedAt: $now}]->(o))
RETURN ${ENTITY_ROW('o')} AS node`;

/** Creates an opportunity for an account, optionally owned by a user. */
export async function createOpportunity(
  db: Database,
  input: Record<string, unknown> & { accountId: string; ownerId?: string | null; key?: string | null },
): Promise<EntityRow> {
  const { accountId, ownerId, key, ...fields } = input;
  const properties = Object.fromEntries(
    Object.entries(validated(fields, NODE_TYPES.Opportunity.required)).filter(([, value]) => value !== null),
  );
  if (key) properties.key = key;
  return db.writeTransaction(async (tx) => {
    await checkLinks(tx, { accountId, ownerId });
    const [row] = await tx.run<{ node: EntityRow }>(CREATE_OPPORTUNITY, { accountId, ownerId: ownerId ?? null, properties, now: now() });
    return row.node;
  });
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

/**
 * Changes the given fields; `accountId` moves the deal to another account, `ownerId` hands it
 * over (null removes the owner). NOT_FOUND when there is no such opportunity.
 */
export async function updateOpportunity(db: Database, id: string, input: Record<string, unknown> & OpportunityLinks): Promise<EntityRow> {
  const { accountId, ownerId, ...fields } = input;
  if (accountId === null) throw badUserInput('input.accountId cannot be null: every opportunity is for an account. Give another account id or leave it out.');
  const properties = validated(fields, []);
  for (const name of NODE_TYPES.Opportunity.required) {
    if (name in properties && properties[name] === null) throw badUserInput(`input.${name} is required and cannot be removed`);
  }
  return db.writeTransaction(async (tx) => {
    const [row] = await tx.run<{ node: EntityRow }>(UPDATE_OPPORTUNITY, { id, properties, now: now() });
    if (!row) throw notFound('Opportunity', id);
    await checkLinks(tx, { accountId, ownerId });
    if (accountId) await tx.run(MOVE_ACCOUNT, { id, accountId, now: now() });
    if (ownerId !== undefined) await tx.run(CHANGE_OWNER, { id, ownerId, now: now() });
    return row.node;
  });
}

const DELETE_OPPORTUNITY = `
MATCH (o:Entity:Opportunity {id: $id})
DETACH DELETE o
RETURN count(*) AS deleted`;

/** Deletes the opportunity with its relationships (account, owner, buying roles, ABOUT links); NOT_FOUND when none. */
export async function deleteOpportunity(db: Database, id: string): Promise<string> {
  const [row] = await db.write<{ deleted: number }>(DELETE_OPPORTUNITY, { id });
  if (!row || row.deleted === 0) throw notFound('Opportunity', id);
  return id;
}

function now() {
  return param.dateTime(new Date().toISOString());
}
