import { badUserInput, notFound } from '../graphql/errors';
import type { Tx } from '../neo4j/database';
import { param } from '../neo4j/values';
import { NODE_TYPES, OWNED_BY, RELATIONSHIP_SPECS, type NodeLabel, type Ownership, type RelationshipTypeName } from '../model/graph-model';
import { withNameKey } from '../model/name-key';
import { validInput, validKey, withoutNulls } from '../model/validate-properties';
import { ENTITY_ROW, type EntityRow } from './entity-row';
import { labelsOf } from './labels-of';
import { lockNodes } from './lock-nodes';
import { VISIBLE } from './visibility';

/**
 * Generic, validated write steps for entities and relationships, shared by every area's
 * mutations; each runs in the mutation's transaction. Labels and types come from the graph
 * model's allowlist; values are always $parameters.
 */

const createCypher = (label: NodeLabel) => `
CREATE (n:Entity:${label} {id: randomUUID(), createdAt: $now, updatedAt: $now})
SET n += $properties
RETURN ${ENTITY_ROW('n')} AS node`;

/** Creates a node of `label` from GraphQL input (validated against the graph model). */
export async function createEntity(tx: Tx, label: NodeLabel, input: Record<string, unknown>, key?: string | null): Promise<EntityRow> {
  const spec = NODE_TYPES[label];
  const properties = withoutNulls(validInput(spec.properties, input, 'input', spec.required));
  const checkedKey = validKey(key);
  if (checkedKey) properties.key = checkedKey;
  const [row] = await tx.run<{ node: EntityRow }>(createCypher(label), { properties: withNameKey(label, properties), now: param.now() });
  return row.node;
}

const updateCypher = (label: NodeLabel) => `
MATCH (n:${label} {id: $id})
SET n += $properties, n.updatedAt = $now
RETURN ${ENTITY_ROW('n')} AS node`;

/** Sets the given properties of a node (null removes one); NOT_FOUND when no such node. */
export async function updateEntity(tx: Tx, label: NodeLabel, id: string, input: Record<string, unknown>): Promise<EntityRow> {
  const properties = validInput(NODE_TYPES[label].properties, input, 'input');
  for (const name of NODE_TYPES[label].required) {
    if (name in properties && properties[name] === null) throw badUserInput(`input.${name} is required and cannot be removed`);
  }
  const [row] = await tx.run<{ node: EntityRow }>(updateCypher(label), { id, properties: withNameKey(label, properties), now: param.now() });
  if (!row) throw notFound(label, id);
  return row.node;
}

const deleteCypher = (label: NodeLabel) => `
MATCH (n:${label} {id: $id})
WITH n, ${ENTITY_ROW('n')} AS node
DETACH DELETE n
RETURN node`;

/**
 * Deletes a node with its relationships and everything that belonged only to it (OWNED_BY: a
 * person's consents, an account's orders, deals and cases, a deal's stage history, an
 * interaction whose last participant goes …); NOT_FOUND when no such node. Callers check what
 * must not be lost first (a CONFLICT), in the same transaction.
 */
export async function deleteEntity(tx: Tx, label: NodeLabel, id: string): Promise<EntityRow> {
  const [exists] = await tx.run(`MATCH (n:${label} {id: $id}) RETURN n.id AS id`, { id });
  if (!exists) throw notFound(label, id);
  const dependents = await dependentsOf(tx, [id]);
  if (dependents.length) await tx.run(DELETE_BY_IDS, { ids: dependents });
  const [row] = await tx.run<{ node: EntityRow }>(deleteCypher(label), { id });
  return row.node;
}

const DELETE_BY_IDS = `
UNWIND $ids AS id
MATCH (n:Entity {id: id})
DETACH DELETE n`;

/** Nodes of `label` tied by `ownership` to one of the doomed nodes, with no owner left outside them. */
const ownedCypher = (label: NodeLabel, { type, owner }: Ownership) => {
  const [left, right] = owner === 'from' ? ['', '>'] : ['<', ''];
  return `
UNWIND $doomed AS doomedId
MATCH (o:Entity {id: doomedId})${left}-[:${type}]-${right}(d:${label})
WHERE NOT d.id IN $doomed
  AND NOT EXISTS { MATCH (other)${left}-[:${type}]-${right}(d) WHERE NOT other.id IN $doomed }
RETURN DISTINCT d.id AS id`;
};

const OWNED_NODES = Object.entries(OWNED_BY)
  .flatMap(([label, ownerships]) => ownerships!.map((ownership) => ownedCypher(label as NodeLabel, ownership)))
  .join('\nUNION\n');

/**
 * Everything that belongs only to the doomed nodes, transitively (an account's deal takes its
 * stage history along): one query per level of ownership.
 */
async function dependentsOf(tx: Tx, ids: string[]): Promise<string[]> {
  const doomed = [...ids];
  for (;;) {
    const rows = await tx.run<{ id: string }>(OWNED_NODES, { doomed });
    if (rows.length === 0) return doomed.slice(ids.length);
    doomed.push(...rows.map((row) => row.id));
  }
}

export interface LinkResult {
  type: RelationshipTypeName;
  fromId: string;
  toId: string;
  properties: Record<string, unknown>;
  created: boolean;
}

/** `(a)-[r:TYPE]->(b)`, or without an arrow for types stored once per pair (KNOWS). */
const relationshipPattern = (type: RelationshipTypeName) =>
  RELATIONSHIP_SPECS[type].undirected ? `(a)-[r:${type}]-(b)` : `(a)-[r:${type}]->(b)`;

/** `finish` is Cypher run on `r` after its properties are set (e.g. a derived property), or empty. */
const linkCypher = (type: RelationshipTypeName, finish: string) => `
MATCH (a:Entity {id: $fromId}), (b:Entity {id: $toId}) WHERE ${VISIBLE('a')} AND ${VISIBLE('b')}
OPTIONAL MATCH ${relationshipPattern(type)}
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
${finish}
RETURN properties(r) AS properties, created`;

/**
 * Creates the relationship, or updates its properties when one of the same type already joins
 * the two nodes (either direction for undirected types). Unknown ids are NOT_FOUND; self-links,
 * wrong endpoint types and invalid properties are BAD_USER_INPUT. `finish` (a constant) may
 * derive more properties of `r` in the same statement.
 */
export async function linkEntities(
  tx: Tx,
  type: RelationshipTypeName,
  fromId: string,
  toId: string,
  input: Record<string, unknown> = {},
  finish = '',
): Promise<LinkResult> {
  const properties = validInput(RELATIONSHIP_SPECS[type].properties, input, 'input');
  if (fromId === toId) throw badUserInput(`A node cannot be linked to itself (${type} from and to ${fromId}).`);
  await checkEndpoints(tx, type, fromId, toId);
  // Without the locks two concurrent links of the same pair could both see none and both create one.
  await lockNodes(tx, [fromId, toId]);
  const [row] = await tx.run<{ properties: Record<string, unknown>; created: boolean }>(linkCypher(type, finish), {
    fromId,
    toId,
    properties,
    now: param.now(),
  });
  return { type, fromId, toId, properties: row.properties, created: row.created };
}

const unlinkCypher = (type: RelationshipTypeName) => `
MATCH (a:Entity {id: $fromId}) WHERE ${VISIBLE('a')}
MATCH ${relationshipPattern(type)} WHERE b.id = $toId AND ${VISIBLE('b')}
DELETE r
RETURN count(*) AS removed`;

/** Removes the relationship(s) of `type` from one node to the other; returns how many went. */
export async function unlinkEntities(tx: Tx, type: RelationshipTypeName, fromId: string, toId: string): Promise<number> {
  await checkEndpoints(tx, type, fromId, toId);
  const [row] = await tx.run<{ removed: number }>(unlinkCypher(type), { fromId, toId });
  return row.removed;
}

async function checkEndpoints(tx: Tx, type: RelationshipTypeName, fromId: string, toId: string): Promise<void> {
  const labels = await labelsOf(tx, [fromId, toId]);
  const spec = RELATIONSHIP_SPECS[type];
  for (const [id, allowed, role] of [[fromId, spec.from, 'start at'], [toId, spec.to, 'end at']] as const) {
    const label = labels.get(id);
    if (!label) throw notFound(allowed.join(' or '), id);
    if (!allowed.includes(label)) throw badUserInput(`${type} must ${role} ${allowed.join(' or ')}, but ${id} is a ${label}.`);
  }
}
