import { badUserInput, notFound } from '../graphql/errors';
import { NODE_TYPES, type StageProperty } from '../model/graph-model';
import { validInput, validKey } from '../model/validate-properties';
import type { Tx } from '../neo4j/database';
import { param } from '../neo4j/values';
import { ENTITY_ROW, type EntityRow } from '../nodes/entity-row';
import { updateEntity } from '../nodes/entity-writes';
import { labelsOf } from '../nodes/labels-of';
import { lockNode } from '../nodes/lock-nodes';
import { changeStage } from '../nodes/stage-change';
import { OPEN_CASE_STATUSES } from './open-statuses';

/**
 * The life of a case: raise → (assign →) resolve → rate → close. Every step locks the case
 * first (lockNode), so two concurrent steps cannot both pass the status check.
 */

const CASE_STATUS: StageProperty = { label: 'Case', property: 'status' };

export interface RaiseCaseInput {
  key?: string | null;
  subject: string;
  description?: string | null;
  severity?: string | null;
  raisedById: string;
  productId?: string | null;
  assetId?: string | null;
  openedAt?: string | null;
}

const CREATE_CASE = `
MATCH (raiser:Entity {id: $raisedById})
CREATE (c:Entity:Case {id: randomUUID(), status: 'OPEN', createdAt: $now, updatedAt: $now})
SET c += $properties
CREATE (c)-[:RAISED_BY {createdAt: $now, updatedAt: $now}]->(raiser)
WITH c
CALL (c) {
  MATCH (p:Product {id: $productId})
  CREATE (c)-[:CONCERNS {createdAt: $now, updatedAt: $now}]->(p)
}
CALL (c) {
  MATCH (a:Asset {id: $assetId})
  CREATE (c)-[:CONCERNS {createdAt: $now, updatedAt: $now}]->(a)
}
RETURN ${ENTITY_ROW('c')} AS node`;

/** Opens a case raised by an Organization or Person, optionally CONCERNING a product and an installed asset. */
export async function raiseCase(tx: Tx, input: RaiseCaseInput): Promise<EntityRow> {
  const values = validInput(
    NODE_TYPES.Case.properties,
    {
      subject: input.subject,
      severity: input.severity ?? 'MEDIUM',
      openedAt: input.openedAt ?? new Date().toISOString(),
      ...(input.description ? { description: input.description } : {}),
    },
    'case',
    ['subject'],
  );
  const key = validKey(input.key);
  if (key) values.key = key;
  const labels = await labelsOf(tx, [input.raisedById, ...[input.productId, input.assetId].filter((id): id is string => !!id)]);
  const raiser = labels.get(input.raisedById);
  if (!raiser) throw notFound('Organization or Person', input.raisedById);
  if (raiser !== 'Organization' && raiser !== 'Person') {
    throw badUserInput(`raisedById must be an Organization or a Person, but ${input.raisedById} is a ${raiser}.`);
  }
  if (input.productId && labels.get(input.productId) !== 'Product') throw notFound('Product', input.productId);
  if (input.assetId && labels.get(input.assetId) !== 'Asset') throw notFound('Asset', input.assetId);
  const [row] = await tx.run<{ node: EntityRow }>(CREATE_CASE, {
    raisedById: input.raisedById,
    productId: input.productId ?? null,
    assetId: input.assetId ?? null,
    properties: values,
    now: param.now(),
  });
  return row.node;
}

/** The case, locked for this transaction, with its status. */
async function lockCase(tx: Tx, id: string): Promise<{ status: string; openedAt: string | null }> {
  const node = await lockNode(tx, 'Case', id);
  return { status: node.status as string, openedAt: (node.openedAt as string | undefined) ?? null };
}

const isOpen = (status: string) => OPEN_CASE_STATUSES.includes(status);

const ASSIGN = `
MATCH (c:Case {id: $caseId}), (u:User {id: $userId})
OPTIONAL MATCH (:User)-[old:ASSIGNED_TO]->(c)
DELETE old
WITH DISTINCT c, u
CREATE (u)-[:ASSIGNED_TO {createdAt: $now, updatedAt: $now}]->(c)
RETURN count(*) AS assigned`;

/** Gives an open case to a user; an OPEN case becomes IN_PROGRESS. */
export async function assignCase(tx: Tx, caseId: string, userId: string): Promise<EntityRow> {
  const { status } = await lockCase(tx, caseId);
  if ((await labelsOf(tx, [userId])).get(userId) !== 'User') throw notFound('User', userId);
  if (!isOpen(status)) {
    throw badUserInput(`Case ${caseId} is ${status}; only OPEN or IN_PROGRESS cases can be assigned. Raise a new case to reopen the matter.`);
  }
  await tx.run(ASSIGN, { caseId, userId, now: param.now() });
  return changeStage(tx, CASE_STATUS, caseId, { to: 'IN_PROGRESS' });
}

/** Resolves an open case; resolvedAt defaults to now and may not precede openedAt. */
export async function resolveCase(tx: Tx, caseId: string, resolution?: string | null, resolvedAt?: string | null): Promise<EntityRow> {
  const at = resolvedAt ?? new Date().toISOString();
  if (resolution && resolution.length > 2000) throw badUserInput('resolution must be at most 2000 characters.');
  const { status, openedAt } = await lockCase(tx, caseId);
  if (!isOpen(status)) throw badUserInput(`Case ${caseId} is already ${status}; only OPEN or IN_PROGRESS cases can be resolved.`);
  if (openedAt && Date.parse(at) < Date.parse(openedAt)) {
    throw badUserInput(`resolvedAt (${at}) is before the case was opened (${openedAt}); give a later time.`);
  }
  return changeStage(tx, CASE_STATUS, caseId, {
    to: 'RESOLVED',
    properties: { resolvedAt: param.dateTime(at), ...(resolution ? { resolution } : {}) },
  });
}

/** Records satisfaction 1–5 on a RESOLVED or CLOSED case (a later rating replaces an earlier one). */
export async function rateCase(tx: Tx, caseId: string, satisfaction: number): Promise<EntityRow> {
  if (!Number.isInteger(satisfaction) || satisfaction < 1 || satisfaction > 5) {
    throw badUserInput(`satisfaction must be a whole number from 1 to 5, got ${satisfaction}.`);
  }
  const { status } = await lockCase(tx, caseId);
  if (isOpen(status)) throw badUserInput(`Case ${caseId} is ${status}; resolve it before rating it.`);
  return updateEntity(tx, 'Case', caseId, { satisfaction });
}

/** Closes a RESOLVED case. */
export async function closeCase(tx: Tx, caseId: string): Promise<EntityRow> {
  const { status } = await lockCase(tx, caseId);
  if (status !== 'RESOLVED') throw badUserInput(`Case ${caseId} is ${status}; only a RESOLVED case can be closed.`);
  return changeStage(tx, CASE_STATUS, caseId, { to: 'CLOSED' });
}
