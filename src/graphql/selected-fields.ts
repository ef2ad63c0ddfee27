import { Kind, type FieldNode, type GraphQLNamedType, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';

/** Every field of the selection sets, fragments flattened, each with the type it is selected on. */
export function selectedFields(info: GraphQLResolveInfo, sets: readonly SelectionSetNode[], type: GraphQLNamedType) {
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
