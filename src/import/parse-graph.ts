import type { InputProblem } from '../graphql/errors';
import {
  NODE_LABELS, NODE_TYPES, RELATIONSHIP_SPECS, RELATIONSHIP_TYPES, isNodeLabel, isRelationshipType,
  type NodeLabel, type RelationshipTypeName,
} from '../model/graph-model';
import { validateProperties } from '../model/validate-properties';

export interface NodeRow {
  index: number;
  label: NodeLabel;
  key: string;
  /** Properties as given, converted for Neo4j. */
  properties: Record<string, unknown>;
  /** Required properties the row lacks; only a problem when the key is new. */
  missingRequired: InputProblem[];
}

export interface RelationshipRow {
  index: number;
  type: RelationshipTypeName;
  from: string;
  to: string;
  properties: Record<string, unknown>;
}

export interface ParsedGraph {
  nodes: NodeRow[];
  relationships: RelationshipRow[];
  problems: InputProblem[];
}

const KEY_MAX = 200;

/** Checks the shape of an import document (DESIGN §6) without touching the database. */
export function parseGraph(input: unknown): ParsedGraph {
  const parsed: ParsedGraph = { nodes: [], relationships: [], problems: [] };
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    parsed.problems.push({ path: '', message: 'must be an object with "nodes" and/or "relationships" lists' });
    return parsed;
  }
  const { nodes = [], relationships = [], ...rest } = input as Record<string, unknown>;
  for (const name of Object.keys(rest)) parsed.problems.push({ path: name, message: 'is not part of the import format; use "nodes" and "relationships"' });
  if (!Array.isArray(nodes)) parsed.problems.push({ path: 'nodes', message: 'must be a list' });
  else nodes.forEach((row, index) => parseNode(row, index, parsed));
  if (!Array.isArray(relationships)) parsed.problems.push({ path: 'relationships', message: 'must be a list' });
  else relationships.forEach((row, index) => parseRelationship(row, index, parsed));
  rejectDuplicates(parsed);
  return parsed;
}

function parseNode(row: unknown, index: number, parsed: ParsedGraph): void {
  const path = `nodes[${index}]`;
  if (!isObject(row)) {
    parsed.problems.push({ path, message: 'must be an object like {"type": "Person", "key": "p-1", "properties": {...}}' });
    return;
  }
  const problems: InputProblem[] = [];
  if (!isNodeLabel(row.type)) {
    problems.push({ path: `${path}.type`, message: `must be one of ${NODE_LABELS.join(', ')}, got ${JSON.stringify(row.type)}` });
  }
  const key = checkKey(row.key, `${path}.key`, problems);
  if (problems.length || !isNodeLabel(row.type) || key === undefined) {
    parsed.problems.push(...problems);
    return;
  }
  const spec = NODE_TYPES[row.type];
  const checked = validateProperties(spec.properties, row.properties, `${path}.properties`);
  parsed.problems.push(...checked.problems);
  const given = (row.properties ?? {}) as Record<string, unknown>;
  const missingRequired = spec.required
    .filter((name) => given[name] === undefined || given[name] === null || given[name] === '')
    .map((name) => ({ path: `${path}.properties.${name}`, message: `is required for a new ${row.type}` }));
  parsed.nodes.push({ index, label: row.type, key, properties: withoutNulls(checked.values), missingRequired });
}

function parseRelationship(row: unknown, index: number, parsed: ParsedGraph): void {
  const path = `relationships[${index}]`;
  if (!isObject(row)) {
    parsed.problems.push({ path, message: 'must be an object like {"type": "KNOWS", "from": "u-1", "to": "p-1"}' });
    return;
  }
  const problems: InputProblem[] = [];
  if (!isRelationshipType(row.type)) {
    problems.push({ path: `${path}.type`, message: `must be one of ${RELATIONSHIP_TYPES.join(', ')}, got ${JSON.stringify(row.type)}` });
  }
  const from = checkKey(row.from, `${path}.from`, problems);
  const to = checkKey(row.to, `${path}.to`, problems);
  if (from !== undefined && from === to) problems.push({ path: `${path}.to`, message: 'must differ from "from": a node cannot be linked to itself' });
  if (problems.length || !isRelationshipType(row.type) || from === undefined || to === undefined) {
    parsed.problems.push(...problems);
    return;
  }
  const { keyedBy } = RELATIONSHIP_SPECS[row.type];
  const checked = validateProperties(RELATIONSHIP_SPECS[row.type].properties, row.properties, `${path}.properties`, keyedBy ? [keyedBy] : []);
  parsed.problems.push(...checked.problems);
  const properties = withoutNulls(checked.values);
  if (row.type === 'KNOWS' && properties.strength !== undefined && properties.declaredStrength === undefined) {
    // A strength written in a file is what a person declared; contact history may raise it later.
    properties.declaredStrength = properties.strength;
  }
  parsed.relationships.push({ index, type: row.type, from, to, properties });
}

function rejectDuplicates(parsed: ParsedGraph): void {
  const nodeKeys = new Map<string, number>();
  for (const node of parsed.nodes) {
    const first = nodeKeys.get(node.key);
    if (first === undefined) nodeKeys.set(node.key, node.index);
    else parsed.problems.push({ path: `nodes[${node.index}].key`, message: `repeats the key "${node.key}" of nodes[${first}]` });
  }
  const pairs = new Map<string, number>();
  for (const rel of parsed.relationships) {
    const { undirected, keyedBy } = RELATIONSHIP_SPECS[rel.type];
    const ends = undirected ? [rel.from, rel.to].sort() : [rel.from, rel.to];
    const id = `${rel.type}|${ends.join('|')}${keyedBy ? `|${String(rel.properties[keyedBy])}` : ''}`;
    const first = pairs.get(id);
    if (first === undefined) pairs.set(id, rel.index);
    else parsed.problems.push({ path: `relationships[${rel.index}]`, message: `repeats relationships[${first}] (same type between the same nodes${RELATIONSHIP_SPECS[rel.type].keyedBy ? `, same ${RELATIONSHIP_SPECS[rel.type].keyedBy}` : ''})` });
  }
}

function checkKey(value: unknown, path: string, problems: InputProblem[]): string | undefined {
  if (typeof value !== 'string' || value.trim() === '') {
    problems.push({ path, message: 'must be a non-empty string (the external id)' });
    return undefined;
  }
  if (value.length > KEY_MAX) {
    problems.push({ path, message: `must be at most ${KEY_MAX} characters` });
    return undefined;
  }
  return value;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function withoutNulls(values: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== null));
}
