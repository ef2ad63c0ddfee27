import {
  getArgumentValues, getNamedType, isInterfaceType, isObjectType, Kind,
  type FieldNode, type GraphQLNamedType, type GraphQLResolveInfo, type SelectionSetNode,
} from 'graphql';
import { LIMITS } from '../graphql/limits';
import type { WalkName } from './walks';

/**
 * How a field answers a walk (the schema extension `walk` its resolver declares): a list of
 * edges with the neighbour under `node`, a list of the neighbours, or the one neighbour.
 */
export interface WalkField {
  walk: WalkName;
  shape: 'edges' | 'nodes' | 'node';
}

/** A walk the selection will ask of a node, and the walks it will ask of the neighbours found. */
export interface WalkAhead {
  walk: WalkName;
  limit: number;
  next: WalkAhead[];
}

/** One string per set of walks ahead: loaders keep what they fetched under it. */
export const aheadSignature = (ahead: readonly WalkAhead[]): string =>
  ahead.map((a) => `${a.walk}:${a.limit}(${aheadSignature(a.next)})`).join(',');

interface Selections {
  sets: readonly SelectionSetNode[];
  type: GraphQLNamedType;
}

/**
 * Look-ahead on the operation, as @neo4j/graphql compiles a whole operation into one statement:
 * the walks that the selection under `path` (e.g. ['edges', 'node'] of a connection) will ask
 * of each node the field answers, with theirs in turn. A loader that fetches them with the
 * nodes saves a statement per level. Fields whose `first` is out of bounds are left to their
 * resolver (which refuses them); @skip and @include are not looked at (fetching more is harmless).
 */
export function walksAhead(info: GraphQLResolveInfo, path: readonly string[]): WalkAhead[] {
  let at: Selections | undefined = {
    sets: info.fieldNodes.flatMap((field) => (field.selectionSet ? [field.selectionSet] : [])),
    type: getNamedType(info.returnType),
  };
  for (const name of path) {
    at = subSelections(info, at, (field) => field.name.value === name);
    if (!at) return [];
  }
  return aheadOf(info, at);
}

function aheadOf(info: GraphQLResolveInfo, at: Selections): WalkAhead[] {
  // Fields under one response key and walk share their selections, as graphql-js merges them.
  const groups = new Map<string, { walk: WalkName; limit: number; shape: WalkField['shape']; fields: FieldNode[]; type: GraphQLNamedType }>();
  for (const { field, parent } of fieldsOf(info, at.sets, at.type)) {
    if (!isObjectType(parent) && !isInterfaceType(parent)) continue;
    const definition = parent.getFields()[field.name.value];
    const declared = definition?.extensions?.walk as WalkField | undefined;
    if (!definition || !declared) continue;
    const limit = declared.shape === 'node' ? 1 : getArgumentValues(definition, field, info.variableValues).first ?? definition.args.find((a) => a.name === 'first')?.defaultValue;
    if (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 0 || limit > LIMITS.maxFirst) continue;
    const key = `${field.alias?.value ?? field.name.value}\t${declared.walk}\t${limit}`;
    const group = groups.get(key) ?? { walk: declared.walk, limit, shape: declared.shape, fields: [], type: getNamedType(definition.type) };
    group.fields.push(field);
    groups.set(key, group);
  }
  const found = new Map<string, WalkAhead>();
  for (const group of groups.values()) {
    let under: Selections | undefined = { sets: group.fields.flatMap((f) => (f.selectionSet ? [f.selectionSet] : [])), type: group.type };
    if (group.shape === 'edges') under = subSelections(info, under, (field) => field.name.value === 'node');
    const ahead: WalkAhead = { walk: group.walk, limit: group.limit, next: under ? aheadOf(info, under) : [] };
    found.set(aheadSignature([ahead]), ahead);
  }
  return [...found.values()];
}

/** The selections of the fields `pick` chooses, merged, with their type. */
function subSelections(info: GraphQLResolveInfo, at: Selections, pick: (field: FieldNode) => boolean): Selections | undefined {
  const sets: SelectionSetNode[] = [];
  let type: GraphQLNamedType | undefined;
  for (const { field, parent } of fieldsOf(info, at.sets, at.type)) {
    if (!pick(field) || !field.selectionSet) continue;
    const definition = isObjectType(parent) || isInterfaceType(parent) ? parent.getFields()[field.name.value] : undefined;
    if (!definition) continue;
    sets.push(field.selectionSet);
    type ??= getNamedType(definition.type);
  }
  return type && sets.length ? { sets, type } : undefined;
}

/** Every field of the selection sets, fragments flattened, each with the type it is selected on. */
function fieldsOf(info: GraphQLResolveInfo, sets: readonly SelectionSetNode[], type: GraphQLNamedType) {
  const fields: { field: FieldNode; parent: GraphQLNamedType }[] = [];
  const visit = (set: SelectionSetNode, parent: GraphQLNamedType, seen: Set<string>) => {
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) fields.push({ field: selection, parent });
      else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const on = selection.typeCondition ? info.schema.getType(selection.typeCondition.name.value) : parent;
        if (on) visit(selection.selectionSet, on, seen);
      } else if (!seen.has(selection.name.value)) {
        const fragment = info.fragments[selection.name.value];
        const on = fragment && info.schema.getType(fragment.typeCondition.name.value);
        if (fragment && on) visit(fragment.selectionSet, on, new Set([...seen, selection.name.value]));
      }
    }
  };
  for (const set of sets) visit(set, type, new Set());
  return fields;
}
