import type { InputProblem } from '../graphql/errors';
import {
  NODE_LABELS, NODE_TYPES, RELATIONSHIP_SPECS, RELATIONSHIP_TYPES, isNodeLabel, isRelationshipType,
  type NodeLabel, type RelationshipTypeName,
} from '../model/graph-model';
import { convertProperty, datetime } from '../model/properties';
import { fieldPath, KEY_MAX_LENGTH, validateProperties, withoutNulls } from '../model/validate-properties';

/** Where problems go: a plain list, or the bounded ProblemList of an import. */
export interface ProblemSink {
  readonly length: number;
  push(problem: InputProblem): unknown;
}

/** How a row names a node: by its external `key`, or by its `id` (nodes without a key, e.g. consents). */
export type NodeRef = { by: 'key'; value: string } | { by: 'id'; value: string };

export interface NodeRow {
  /** Where the row is, for problems: `nodes[3]` or `line 17.node`. */
  path: string;
  label: NodeLabel;
  /** The node's identity: its key when it has one, else its id. */
  ref: NodeRef;
  /** The id to give the node when it is created (kept from a backup); unset: a new UUID. */
  id?: string;
  /** Properties as given, converted for Neo4j. */
  properties: Record<string, unknown>;
  /** createdAt / updatedAt as given (a backup keeps them); unset: the time of the import. */
  createdAt?: unknown;
  updatedAt?: unknown;
  /** Required properties the row lacks; only a problem when the node is new. */
  missingRequired: InputProblem[];
}

export interface RelationshipRow {
  path: string;
  type: RelationshipTypeName;
  from: NodeRef;
  to: NodeRef;
  properties: Record<string, unknown>;
  createdAt?: unknown;
  updatedAt?: unknown;
}

const NODE_FIELDS = new Set(['type', 'key', 'id', 'properties', 'createdAt', 'updatedAt']);
const RELATIONSHIP_FIELDS = new Set(['type', 'from', 'to', 'fromId', 'toId', 'properties', 'createdAt', 'updatedAt']);

/**
 * Checks one node row of an import document (DESIGN §6) without touching the database:
 * `{type, key, properties}`, optionally with `id`, `createdAt` and `updatedAt` (a backup keeps
 * them). A node without a key (a consent, a stage change) is named by its `id` instead.
 */
export function parseNodeRow(row: unknown, path: string, problems: ProblemSink): NodeRow | undefined {
  if (!isObject(row)) {
    problems.push({ path, message: 'must be an object like {"type": "Person", "key": "p-1", "properties": {...}}' });
    return undefined;
  }
  const before = problems.length;
  unknownFields(row, NODE_FIELDS, path, problems);
  if (!isNodeLabel(row.type)) problems.push({ path: `${path}.type`, message: `must be one of ${NODE_LABELS.join(', ')}` });
  const key = row.key === undefined ? undefined : checkRef(row.key, `${path}.key`, 'the external id', problems);
  const id = row.id === undefined ? undefined : checkRef(row.id, `${path}.id`, 'the node id', problems);
  if (row.key === undefined && row.id === undefined) {
    problems.push({ path: `${path}.key`, message: 'is required (the external id); a node without a key needs its "id" instead' });
  }
  const createdAt = timestamp(row.createdAt, `${path}.createdAt`, problems);
  const updatedAt = timestamp(row.updatedAt, `${path}.updatedAt`, problems);
  if (!isNodeLabel(row.type) || problems.length > before) return undefined;

  const spec = NODE_TYPES[row.type];
  const checked = validateProperties(spec.properties, row.properties, `${path}.properties`);
  for (const problem of checked.problems) problems.push(problem);
  const given = isObject(row.properties) ? row.properties : {};
  const missingRequired = spec.required
    .filter((name) => given[name] === undefined || given[name] === null || given[name] === '')
    .map((name) => ({ path: `${path}.properties.${name}`, message: `is required for a new ${row.type}` }));
  const ref: NodeRef = key !== undefined ? { by: 'key', value: key } : { by: 'id', value: id! };
  return { path, label: row.type, ref, id, properties: withoutNulls(checked.values), createdAt, updatedAt, missingRequired };
}

/**
 * Checks one relationship row: `{type, from, to, properties}` between node keys, or with
 * `fromId` / `toId` for an end that has no key.
 */
export function parseRelationshipRow(row: unknown, path: string, problems: ProblemSink): RelationshipRow | undefined {
  if (!isObject(row)) {
    problems.push({ path, message: 'must be an object like {"type": "KNOWS", "from": "u-1", "to": "p-1"}' });
    return undefined;
  }
  const before = problems.length;
  unknownFields(row, RELATIONSHIP_FIELDS, path, problems);
  if (!isRelationshipType(row.type)) problems.push({ path: `${path}.type`, message: `must be one of ${RELATIONSHIP_TYPES.join(', ')}` });
  const from = endRef(row, 'from', path, problems);
  const to = endRef(row, 'to', path, problems);
  if (from && to && from.by === to.by && from.value === to.value) {
    problems.push({ path: `${path}.to`, message: 'must differ from "from": a node cannot be linked to itself' });
  }
  const createdAt = timestamp(row.createdAt, `${path}.createdAt`, problems);
  const updatedAt = timestamp(row.updatedAt, `${path}.updatedAt`, problems);
  if (!isRelationshipType(row.type) || !from || !to || problems.length > before) return undefined;

  const { keyedBy } = RELATIONSHIP_SPECS[row.type];
  const checked = validateProperties(RELATIONSHIP_SPECS[row.type].properties, row.properties, `${path}.properties`, keyedBy ? [keyedBy] : []);
  for (const problem of checked.problems) problems.push(problem);
  const properties = withoutNulls(checked.values);
  if (row.type === 'KNOWS' && properties.strength !== undefined && properties.declaredStrength === undefined && createdAt === undefined) {
    // A strength written in a file is what a person declared; contact history may raise it later.
    // A row with createdAt comes from a backup and is restored as it was.
    properties.declaredStrength = properties.strength;
  }
  return { path, type: row.type, from, to, properties, createdAt, updatedAt };
}

/** A stable text for a node reference, to compare and look up rows. */
export function refId(ref: NodeRef): string {
  return `${ref.by}:${ref.value}`;
}

function endRef(row: Record<string, unknown>, end: 'from' | 'to', path: string, problems: ProblemSink): NodeRef | undefined {
  const byKey = row[end];
  const byId = row[`${end}Id`];
  if (byKey !== undefined && byId !== undefined) {
    problems.push({ path: `${path}.${end}Id`, message: `give either "${end}" (a key) or "${end}Id" (an id), not both` });
    return undefined;
  }
  if (byId !== undefined) {
    const value = checkRef(byId, `${path}.${end}Id`, 'a node id', problems);
    return value === undefined ? undefined : { by: 'id', value };
  }
  const value = checkRef(byKey, `${path}.${end}`, 'the key of a node', problems);
  return value === undefined ? undefined : { by: 'key', value };
}

function checkRef(value: unknown, path: string, what: string, problems: ProblemSink): string | undefined {
  if (typeof value !== 'string' || value.trim() === '') {
    problems.push({ path, message: `must be a non-empty string (${what})` });
    return undefined;
  }
  if (value.length > KEY_MAX_LENGTH) {
    problems.push({ path, message: `must be at most ${KEY_MAX_LENGTH} characters` });
    return undefined;
  }
  return value;
}

function timestamp(value: unknown, path: string, problems: ProblemSink): unknown {
  if (value === undefined || value === null) return undefined;
  const converted = convertProperty(datetime, value);
  if ('error' in converted) {
    problems.push({ path, message: converted.error });
    return undefined;
  }
  return converted.value;
}

function unknownFields(row: Record<string, unknown>, allowed: Set<string>, path: string, problems: ProblemSink): void {
  for (const name of Object.keys(row)) {
    if (!allowed.has(name)) problems.push({ path: fieldPath(path, name), message: `is not part of the import format; use ${[...allowed].join(', ')}` });
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
