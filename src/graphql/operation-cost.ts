import {
  Kind, getNamedType, isInterfaceType, isObjectType, valueFromAST,
  type DocumentNode, type FieldNode, type FragmentDefinitionNode, type GraphQLField, type GraphQLNamedType,
  type GraphQLSchema, type OperationDefinitionNode, type SelectionSetNode,
} from 'graphql';

/** Arguments that say how many items a field returns; the first one present multiplies its selection. */
const PAGE_SIZE_ARGUMENTS = ['first', 'nodeLimit'];

/**
 * What an operation costs to answer: every field counts 1, and a field that takes `first`
 * (or `nodeLimit`) counts its selection once per item it may return — the argument's value
 * (literal, variable or the schema default; `variables` are the coerced ones, defaults applied). `organizations(first: 10) { edges { node { name } } }`
 * costs 1 + 10 × 3 = 31.
 *
 * Linear in the document: each fragment's cost is computed once and reused at every spread, so
 * a chain of fragments that each spread the next twice costs its length, not 2^length.
 * `readsVariables` says whether a variable set a page size: when none did, the operation costs the
 * same every time.
 */
export function operationCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
): { cost: number; readsVariables: boolean } {
  const read = { variables: false };
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  const fragmentCosts = new Map<string, number>();

  const selectionCost = (set: SelectionSetNode, type: GraphQLNamedType | undefined): number => {
    let cost = 0;
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) cost += fieldCost(selection, type);
      else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const inner = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : type;
        cost += selectionCost(selection.selectionSet, inner ?? undefined);
      } else cost += fragmentCost(selection.name.value);
    }
    return cost;
  };

  const fragmentCost = (name: string): number => {
    const known = fragmentCosts.get(name);
    if (known !== undefined) return known;
    const fragment = fragments.get(name);
    if (!fragment) return 0;
    fragmentCosts.set(name, 0); // a cycle (refused by validation anyway) adds nothing
    const cost = selectionCost(fragment.selectionSet, schema.getType(fragment.typeCondition.name.value) ?? undefined);
    fragmentCosts.set(name, cost);
    return cost;
  };

  const fieldCost = (field: FieldNode, parent: GraphQLNamedType | undefined): number => {
    const definition = parent && (isObjectType(parent) || isInterfaceType(parent)) ? parent.getFields()[field.name.value] : undefined;
    if (!field.selectionSet) return 1;
    const inner = selectionCost(field.selectionSet, definition ? getNamedType(definition.type) : undefined);
    return 1 + pageSize(field, definition, variables, read) * inner;
  };

  const root = schema.getRootType(operation.operation) ?? undefined;
  return { cost: selectionCost(operation.selectionSet, root), readsVariables: read.variables };
}

function pageSize(field: FieldNode, definition: GraphQLField<unknown, unknown> | undefined, variables: Record<string, unknown>, read: { variables: boolean }): number {
  if (!definition) return 1;
  for (const name of PAGE_SIZE_ARGUMENTS) {
    const argument = definition.args.find((arg) => arg.name === name);
    if (!argument) continue;
    const node = field.arguments?.find((arg) => arg.name.value === name);
    if (node?.value.kind === Kind.VARIABLE) read.variables = true;
    // A null or missing value means the default, as the resolvers read it.
    const value = (node ? valueFromAST(node.value, argument.type, variables) : undefined) ?? argument.defaultValue;
    return typeof value === 'number' && Number.isFinite(value) ? Math.max(value, 1) : 1;
  }
  return 1;
}
