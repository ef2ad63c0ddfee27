import { badUserInput, notFound } from '../graphql/errors';
import { NODE_TYPES } from '../model/graph-model';
import { validateProperties } from '../model/validate-properties';
import type { Database, Tx } from '../neo4j/database';
import { param } from '../neo4j/values';
import { ENTITY_ROW, type EntityRow } from '../nodes/entity-row';

/**
 * The life of a case: raise → (assign →) resolve → rate → close. Every step runs in one write
 * transaction that first locks the case (a SET), so two concurrent steps cannot both pass the
 * status check.
 */

export interface RaiseCaseInput {
  key?: string | null;
  subject: string;
  description?: string | null;
  severity?: string | null;
  raisedById: string;
  productId?: string | null;
  openedAt?: string | null;
}

const OPEN_STATUSES = ['OPEN', 'IN_PROGRESS'];

const LABELS_OF = `
UNWIND $ids AS id
MATCH (n:Entity {id: id})
RETURN n.id AS id, [label IN labels(n) WHERE label <> 'Entity'][0] AS label`;

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
RETURN ${ENTITY_ROW('c')} AS node`;

/** Opens a case raised by an Organization or Person, optionally CONCERNING a product. */
export async function raiseCase(db: Database, input: RaiseCaseInput): Promise<EntityRow> {
  const { values, problems } = validateProperties(
    NODE_TYPES.Case.properties,
    {
      subject: input.subject,
      severity: input.severity ?? 'MEDIUM',
      openedAt: input.openedAt ?? new Date().toISOString(),
      ...(input.description ? { description: input.description } : {}),
    },
    'input',
    ['subject'],
  );
  if (problems.length) throw badUserInput(`Invalid case: ${problems.map((p) => `${p.path} ${p.message}`).join('; ')}`, problems);
  if (input.key) values.key = input.key;
  return db.writeTransaction(async (tx) => {
    const ids = [input.raisedById, ...(input.productId ? [input.productId] : [])];
    const labels = new Map((await tx.run<{ id: string; label: string }>(LABELS_OF, { ids })).map((r) => [r.id, r.label]));
    const raiser = labels.get(input.raisedById);
    if (!raiser) throw notFound('Organization or Person', input.raisedById);
    if (raiser !== 'Organization' && raiser !== 'Person') {
      throw badUserInput(`raisedById must be an Organization or a Person, but ${input.raisedById} is a ${raiser}.`);
    }
    if (input.productId && labels.get(input.productId) !== 'Product') throw notFound('Product', input.productId);
    const [row] = await tx.run<{ node: EntityRow }>(CREATE_CASE, {
      raisedById: input.raisedById,
      productId: input.productId ?? null,
      properties: values,
      now: now(),
    });
    return row.node;
  });
}

const LOCK_CASE = `
MATCH (c:Case {id: $id})
SET c.updatedAt = $now
RETURN c.status AS status, c.openedAt AS openedAt`;

async function lockCase(tx: Tx, id: string): Promise<{ status: string; openedAt: string | null }> {
  const [row] = await tx.run<{ status: string; openedAt: string | null }>(LOCK_CASE, { id, now: now() });
  if (!row) throw notFound('Case', id);
  return row;
}

const SET_CASE = `
MATCH (c:Case {id: $id})
SET c += $properties
RETURN ${ENTITY_ROW('c')} AS node`;

async function setCase(tx: Tx, id: string, properties: Record<string, unknown>): Promise<EntityRow> {
  const [row] = await tx.run<{ node: EntityRow }>(SET_CASE, { id, properties });
  return row.node;
}

const ASSIGN = `
MATCH (c:Case {id: $caseId}), (u:User {id: $userId})
OPTIONAL MATCH (:User)-[old:ASSIGNED_TO]->(c)
DELETE old
WITH DISTINCT c, u
CREATE (u)-[:ASSIGNED_TO {createdAt: $now, updatedAt: $now}]->(c)
RETURN count(*) AS assigned`;

const USER_EXISTS = 'OPTIONAL MATCH (u:User {id: $userId}) RETURN u IS NOT NULL AS exists';

/** Gives an open case to a user; an OPEN case becomes IN_PROGRESS. */
export function assignCase(db: Database, caseId: string, userId: string): Promise<EntityRow> {
  return db.writeTransaction(async (tx) => {
    const { status } = await lockCase(tx, caseId);
    const [user] = await tx.run<{ exists: boolean }>(USER_EXISTS, { userId });
    if (!user.exists) throw notFound('User', userId);
    if (!OPEN_STATUSES.includes(status)) {
      throw badUserInput(`Case ${caseId} is ${status}; only OPEN or IN_PROGRESS cases can be assigned. Raise a new case to reopen the matter.`);
    }
    await tx.run(ASSIGN, { caseId, userId, now: now() });
    return setCase(tx, caseId, { status: 'IN_PROGRESS' });
  });
}

/** Resolves an open case; resolvedAt defaults to now and may not precede openedAt. */
export function resolveCase(db: Database, caseId: string, resolution?: string | null, resolvedAt?: string | null): Promise<EntityRow> {
  const at = resolvedAt ?? new Date().toISOString();
  if (resolution && resolution.length > 2000) throw badUserInput('resolution must be at most 2000 characters.');
  return db.writeTransaction(async (tx) => {
    const { status, openedAt } = await lockCase(tx, caseId);
    if (!OPEN_STATUSES.includes(status)) throw badUserInput(`Case ${caseId} is already ${status}; only OPEN or IN_PROGRESS cases can be resolved.`);
    if (openedAt && Date.parse(at) < Date.parse(openedAt)) {
      throw badUserInput(`resolvedAt (${at}) is before the case was opened (${openedAt}); give a later time.`);
    }
    return setCase(tx, caseId, { status: 'RESOLVED', resolvedAt: param.dateTime(at), ...(resolution ? { resolution } : {}) });
  });
}

/** Records satisfaction 1–5 on a RESOLVED or CLOSED case (a later rating replaces an earlier one). */
export function rateCase(db: Database, caseId: string, satisfaction: number): Promise<EntityRow> {
  if (!Number.isInteger(satisfaction) || satisfaction < 1 || satisfaction > 5) {
    throw badUserInput(`satisfaction must be a whole number from 1 to 5, got ${satisfaction}.`);
  }
  return db.writeTransaction(async (tx) => {
    const { status } = await lockCase(tx, caseId);
    if (OPEN_STATUSES.includes(status)) throw badUserInput(`Case ${caseId} is ${status}; resolve it before rating it.`);
    return setCase(tx, caseId, { satisfaction: param.integer(satisfaction) });
  });
}

/** Closes a RESOLVED case. */
export function closeCase(db: Database, caseId: string): Promise<EntityRow> {
  return db.writeTransaction(async (tx) => {
    const { status } = await lockCase(tx, caseId);
    if (status !== 'RESOLVED') throw badUserInput(`Case ${caseId} is ${status}; only a RESOLVED case can be closed.`);
    return setCase(tx, caseId, { status: 'CLOSED' });
  });
}

function now() {
  return param.dateTime(new Date().toISOString());
}
