import {
  getArgumentValues, getNamedType, isInterfaceType, isObjectType,
  type FieldNode, type GraphQLField, type GraphQLNamedType, type GraphQLResolveInfo, type SelectionSetNode,
} from 'graphql';
import { LIMITS } from '../graphql/limits';
import { readsProperty } from '../graphql/property-fields';
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

/** A walk the selection will ask of a node, and what it will read of the neighbours found. */
export interface WalkAhead {
  walk: WalkName;
  limit: number;
  node: NodeAhead;
}

/** Every property and no walk: what a row holds when nothing is known of its selection. */
export const WHOLE_ROW: NodeAhead = { properties: null, walks: [] };

/** One string per NodeAhead: loaders keep what they fetched under it. */
export const aheadSignature = (node: NodeAhead): string =>
  `${node.properties?.join('|') ?? '*'}[${node.walks.map((a) => `${a.walk}:${a.limit}${aheadSignature(a.node)}`).join(',')}]`;

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
  let at: Selections | undefined = {
    sets: info.fieldNodes.flatMap((field) => (field.selectionSet ? [field.selectionSet] : [])),
    type: getNamedType(info.returnType),
  };
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
      if (properties && definitions.every(readsProperty)) properties.add(name);
      else properties = null;
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
    let under: Selections | undefined = { sets: group.fields.flatMap((f) => (f.selectionSet ? [f.selectionSet] : [])), type: group.type };
    if (group.shape === 'edges') under = subSelections(info, under, (field) => field.name.value === 'node');
    const ahead: WalkAhead = { walk: group.walk, limit: group.limit, node: under ? aheadOf(info, under) : WHOLE_ROW };
    walks.set(`${ahead.walk}:${ahead.limit}${aheadSignature(ahead.node)}`, ahead);
  }
  return { properties: properties && [...properties].sort(), walks: [...walks.values()] };
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
