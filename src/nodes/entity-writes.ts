import { badUserInput, notFound } from '../graphql/errors';
import type { Database, Tx } from '../neo4j/database';
import { param } from '../neo4j/values';
import { NODE_TYPES, RELATIONSHIP_SPECS, type NodeLabel, type RelationshipTypeName } from '../model/graph-model';
import type { PropertyKind } from '../model/properties';
import { validateProperties } from '../model/validate-properties';
import { ENTITY_ROW, type EntityRow } from './entity-row';
import { lockNodes } from './lock-nodes';

/**
 * Generic, validated writes of entities and relationships, shared by every area's mutations.
 * Labels and types come from the graph model's allowlist; values are always $parameters.
 */

function checked(spec: Record<string, PropertyKind>, input: unknown, required: readonly string[] = []) {
  const { values, problems } = validateProperties(spec, input, 'input', required);
  if (problems.length) {
    throw badUserInput(`Invalid input: ${problems.map((p) => `${p.path} ${p.message}`).join('; ')}`, problems);
  }
  return values;
}

const createCypher = (label: NodeLabel) => `
CREATE (n:Entity:${label} {id: randomUUID(), createdAt: $now, updatedAt: $now})
SET n += $properties
RETURN ${ENTITY_ROW('n')} AS node`;

/** Creates a node of `label` from GraphQL input (validated against the graph model). */
export async function createEntity(db: Database, label: NodeLabel, input: Record<string, unknown>, key?: string | null): Promise<EntityRow> {
  const spec = NODE_TYPES[label];
  const properties = withoutNulls(checked(spec.properties, input, spec.required));
  if (key) properties.key = key;
  const [row] = await db.write<{ node: EntityRow }>(createCypher(label), { properties, now: now() });
  return row.node;
}

const updateCypher = (label: NodeLabel) => `
MATCH (n:${label} {id: $id})
SET n += $properties, n.updatedAt = $now
RETURN ${ENTITY_ROW('n')} AS node`;

/** Sets the given properties of a node (null removes one); NOT_FOUND when no such node. */
export async function updateEntity(db: Database, label: NodeLabel, id: string, input: Record<string, unknown>): Promise<EntityRow> {
  const properties = checked(NODE_TYPES[label].properties, input);
  for (const name of NODE_TYPES[label].required) {
    if (name in properties && properties[name] === null) throw badUserInput(`input.${name} is required and cannot be removed`);
  }
  const [row] = await db.write<{ node: EntityRow }>(updateCypher(label), { id, properties, now: now() });
  if (!row) throw notFound(label, id);
  return row.node;
}

const deleteCypher = (label: NodeLabel) => `
MATCH (n:${label} {id: $id})
WITH n, ${ENTITY_ROW('n')} AS node
DETACH DELETE n
RETURN node`;

/** Deletes a node and its relationships; NOT_FOUND when no such node. Callers check what must not be orphaned first. */
export async function deleteEntity(db: Database, label: NodeLabel, id: string): Promise<EntityRow> {
  const [row] = await db.write<{ node: EntityRow }>(deleteCypher(label), { id });
  if (!row) throw notFound(label, id);
  return row.node;
}

export interface LinkResult {
  type: RelationshipTypeName;
  fromId: string;
  toId: string;
  properties: Record<string, unknown>;
  created: boolean;
}

const ENDPOINTS = `
MATCH (n:Entity) WHERE n.id IN [$fromId, $toId]
RETURN n.id AS id, [label IN labels(n) WHERE label <> 'Entity'][0] AS label`;

const linkCypher = (type: RelationshipTypeName) => {
  const pattern = RELATIONSHIP_SPECS[type].undirected ? `(a)-[r:${type}]-(b)` : `(a)-[r:${type}]->(b)`;
  return `
MATCH (a:Entity {id: $fromId}), (b:Entity {id: $toId})
OPTIONAL MATCH ${pattern}
WITH a, b, head(collect(r)) AS existing
CALL (a, b, existing) {
  WITH a, b, existing WHERE existing IS NULL
  CREATE (a)-[r:${type} {createdAt: $now}]->(b)
  RETURN r, true AS created
  UNION
  WITH existing WHERE existing IS NOT NULL
  RETURN existing AS r, false AS created
}
SET r += $properties, r.updatedAt = $now
RETURN properties(r) AS properties, created`;
};

/**
 * Creates the relationship, or updates its properties when one of the same type already joins
 * the two nodes (either direction for undirected types). Unknown ids are NOT_FOUND; self-links,
 * wrong endpoint types and invalid properties are BAD_USER_INPUT.
 */
export async function linkEntities(
  db: Database,
  type: RelationshipTypeName,
  fromId: string,
  toId: string,
  input: Record<string, unknown> = {},
): Promise<LinkResult> {
  const spec = RELATIONSHIP_SPECS[type];
  const properties = checked(spec.properties, input);
  if (fromId === toId) throw badUserInput(`A node cannot be linked to itself (${type} from and to ${fromId}).`);
  return db.writeTransaction(async (tx) => {
    await checkEndpoints(tx, type, fromId, toId);
    // Without the locks two concurrent links of the same pair could both see none and both create one.
    await lockNodes(tx, [fromId, toId]);
    const [row] = await tx.run<{ properties: Record<string, unknown>; created: boolean }>(linkCypher(type), {
      fromId,
      toId,
      properties,
      now: now(),
    });
    return { type, fromId, toId, properties: row.properties, created: row.created };
  });
}

const unlinkCypher = (type: RelationshipTypeName) => {
  const pattern = RELATIONSHIP_SPECS[type].undirected ? `(a)-[r:${type}]-(b)` : `(a)-[r:${type}]->(b)`;
  return `
MATCH (a:Entity {id: $fromId})
MATCH ${pattern} WHERE b.id = $toId
DELETE r
RETURN count(*) AS removed`;
};

/** Removes the relationship(s) of `type` from one node to the other; returns how many went. */
export async function unlinkEntities(db: Database, type: RelationshipTypeName, fromId: string, toId: string): Promise<number> {
  return db.writeTransaction(async (tx) => {
    await checkEndpoints(tx, type, fromId, toId);
    const [row] = await tx.run<{ removed: number }>(unlinkCypher(type), { fromId, toId });
    return row.removed;
  });
}

async function checkEndpoints(tx: Tx, type: RelationshipTypeName, fromId: string, toId: string): Promise<void> {
  const rows = await tx.run<{ id: string; label: NodeLabel }>(ENDPOINTS, { fromId, toId });
  const labels = new Map(rows.map((row) => [row.id, row.label]));
  const spec = RELATIONSHIP_SPECS[type];
  for (const [id, allowed, role] of [[fromId, spec.from, 'start at'], [toId, spec.to, 'end at']] as const) {
    const label = labels.get(id);
    if (!label) throw notFound(allowed.join(' or '), id);
    if (!allowed.includes(label)) throw badUserInput(`${type} must ${role} ${allowed.join(' or ')}, but ${id} is a ${label}.`);
  }
}

function now() {
  return param.dateTime(new Date().toISOString());
}

function withoutNulls(values: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== null));
}
