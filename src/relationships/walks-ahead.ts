import {
  getArgumentValues, getNamedType, isInterfaceType, isObjectType,
  type FieldNode, type GraphQLField, type GraphQLNamedType, type GraphQLResolveInfo, type SelectionSetNode,
} from 'graphql';
import { LIMITS } from '../graphql/limits';
import { propertiesRead } from '../graphql/property-fields';
import { selectedFields } from '../graphql/selected-fields';
import type { WalkName } from './walks';

/**
 * How a field answers a walk (the schema extension `walk` its resolver declares): a list of
 * edges with the neighbour under `node`, a list of the neighbours, or the one neighbour.
 */
export interface WalkField {
  walk: WalkName;
  shape: 'edges' | 'nodes' | 'node';
}

/**
 * What the selection will read of each node at one place of the operation: its properties (null:
 * every one, because a field with a resolver of its own may read any) and the walks it will ask for.
 */
export interface NodeAhead {
  properties: readonly string[] | null;
  walks: WalkAhead[];
}

/** What the selection reads of each neighbour along a walk: the relationship's properties (null: every one) and the node. */
export interface NeighbourAhead {
  edge: readonly string[] | null;
  node: NodeAhead;
}

/** A walk the selection will ask of a node, and what it will read of the neighbours found. */
export interface WalkAhead extends NeighbourAhead {
  walk: WalkName;
  limit: number;
}

/** Every property and no walk: what a row holds when nothing is known of its selection. */
export const WHOLE_ROW: NodeAhead = { properties: null, walks: [] };

/** Every property of the relationship and of the node: what a neighbour holds when nothing is known of its selection. */
export const WHOLE_NEIGHBOUR: NeighbourAhead = { edge: null, node: WHOLE_ROW };

/** One string per NodeAhead: loaders keep what they fetched under it. */
export const aheadSignature = (node: NodeAhead): string =>
  `${node.properties?.join('|') ?? '*'}[${node.walks.map((a) => `${a.walk}:${a.limit}${neighbourSignature(a)}`).join(',')}]`;

/** One string per NeighbourAhead. */
export const neighbourSignature = (neighbour: NeighbourAhead): string => `(${neighbour.edge?.join('|') ?? '*'})${aheadSignature(neighbour.node)}`;

interface Selections {
  sets: readonly SelectionSetNode[];
  type: GraphQLNamedType;
}

/**
 * Look-ahead on the operation, as @neo4j/graphql compiles a whole operation into one statement:
 * what the selection under `path` (e.g. ['edges', 'node'] of a connection) will read of each node
 * the field answers — its properties and its walks, with theirs in turn. A statement that fetches
 * that with the nodes saves a statement per level and ships no property nobody reads. Walk fields
 * whose `first` is out of bounds are left to their resolver (which refuses them); @skip and
 * @include are not looked at (fetching more is harmless).
 */
export function walksAhead(info: GraphQLResolveInfo, path: readonly string[]): NodeAhead {
  let at: Selections | undefined = selectionsOf(info);
  for (const name of path) {
    at = subSelections(info, at, (field) => field.name.value === name);
    if (!at) return WHOLE_ROW;
  }
  return aheadOf(info, at);
}

/** Properties every row carries whatever the selection: its id (loaders key by it). */
const ALWAYS = ['id'];

function aheadOf(info: GraphQLResolveInfo, at: Selections): NodeAhead {
  // Fields under one response key and walk share their selections, as graphql-js merges them.
  const groups = new Map<string, { walk: WalkName; limit: number; shape: WalkField['shape']; fields: FieldNode[]; type: GraphQLNamedType }>();
  let properties: Set<string> | null = new Set(ALWAYS);
  for (const { field, parent } of selectedFields(info, at.sets, at.type)) {
    const name = field.name.value;
    if (name === '__typename') continue;
    const definitions = fieldOnEveryType(info, parent, name);
    const definition = definitions[0];
    if (!definition) continue;
    const declared = definition.extensions?.walk as WalkField | undefined;
    if (!declared) {
      properties = withPropertiesRead(properties, definitions);
      continue;
    }
    const limit = declared.shape === 'node' ? 1 : getArgumentValues(definition, field, info.variableValues).first ?? definition.args.find((a) => a.name === 'first')?.defaultValue;
    if (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 0 || limit > LIMITS.maxFirst) continue;
    const key = `${field.alias?.value ?? name}\t${declared.walk}\t${limit}`;
    const group = groups.get(key) ?? { walk: declared.walk, limit, shape: declared.shape, fields: [], type: getNamedType(definition.type) };
    group.fields.push(field);
    groups.set(key, group);
  }
  const walks = new Map<string, WalkAhead>();
  for (const group of groups.values()) {
    const sets = group.fields.flatMap((f) => (f.selectionSet ? [f.selectionSet] : []));
    const ahead: WalkAhead = { walk: group.walk, limit: group.limit, ...neighbourAheadOf(info, { sets, type: group.type }, group.shape) };
    walks.set(`${ahead.walk}:${ahead.limit}${neighbourSignature(ahead)}`, ahead);
  }
  return { properties: properties && [...properties].sort(), walks: [...walks.values()] };
}

/**
 * What the selection of a walk field (`at`, shaped as `shape`) reads of each neighbour: of an edge,
 * the relationship's properties beside `node` and the node under it; of a node, the node itself.
 */
function neighbourAheadOf(info: GraphQLResolveInfo, at: Selections, shape: WalkField['shape']): NeighbourAhead {
  if (shape !== 'edges') return { edge: [], node: aheadOf(info, at) };
  let edge: Set<string> | null = new Set();
  for (const { field, parent } of selectedFields(info, at.sets, at.type)) {
    const name = field.name.value;
    const definitions = fieldOnEveryType(info, parent, name);
    if (name === 'node' || name === '__typename' || !definitions.length) continue;
    edge = withPropertiesRead(edge, definitions);
  }
  const under = subSelections(info, at, (field) => field.name.value === 'node');
  return { edge: edge && [...edge].sort(), node: under ? aheadOf(info, under) : WHOLE_ROW };
}

/**
 * What the resolver of a walk field will ask of the neighbours: NeighbourAhead for the field being
 * resolved (`info`), the same for every parent of a list.
 */
export const neighbourAhead = (info: GraphQLResolveInfo, shape: WalkField['shape']): NeighbourAhead => neighbourAheadOf(info, selectionsOf(info), shape);

/** The selections of the field being resolved, with its type. */
const selectionsOf = (info: GraphQLResolveInfo): Selections => ({
  sets: info.fieldNodes.flatMap((field) => (field.selectionSet ? [field.selectionSet] : [])),
  type: getNamedType(info.returnType),
});

/** `properties` with those the fields (one per possible type) read; null once one may read any. */
function withPropertiesRead(properties: Set<string> | null, definitions: GraphQLField<unknown, unknown>[]): Set<string> | null {
  if (!properties) return null;
  for (const definition of definitions) {
    const read = propertiesRead(definition);
    if (!read) return null;
    for (const name of read) properties.add(name);
  }
  return properties;
}

/** The field `name` of `parent`, or of every object type an interface `parent` stands for. */
function fieldOnEveryType(info: GraphQLResolveInfo, parent: GraphQLNamedType, name: string): GraphQLField<unknown, unknown>[] {
  if (isObjectType(parent)) return parent.getFields()[name] ? [parent.getFields()[name]] : [];
  if (!isInterfaceType(parent) || !parent.getFields()[name]) return [];
  const types = info.schema.getPossibleTypes(parent);
  const fields = types.map((type) => type.getFields()[name]).filter(Boolean);
  // A walk declared on the interface's implementations: the first tells which.
  return fields.length === types.length && fields.length ? fields : [];
}

/** The selections of the fields `pick` chooses, merged, with their type. */
function subSelections(info: GraphQLResolveInfo, at: Selections, pick: (field: FieldNode) => boolean): Selections | undefined {
  const sets: SelectionSetNode[] = [];
  let type: GraphQLNamedType | undefined;
  for (const { field, parent } of selectedFields(info, at.sets, at.type)) {
    if (!pick(field) || !field.selectionSet) continue;
    const definition = isObjectType(parent) || isInterfaceType(parent) ? parent.getFields()[field.name.value] : undefined;
    if (!definition) continue;
    sets.push(field.selectionSet);
    type ??= getNamedType(definition.type);
  }
  return type && sets.length ? { sets, type } : undefined;
}
