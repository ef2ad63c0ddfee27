import {
  GraphQLError, Kind, defaultFieldResolver, isObjectType,
  type ASTVisitor, type FragmentDefinitionNode, type GraphQLSchema, type SelectionSetNode, type ValidationContext,
} from 'graphql';
import { badUserInput, ErrorCode } from './errors';

/** Query limits that hold for every operation, whatever the field. */
export const LIMITS = {
  maxDepth: 12,
  maxAliases: 30,
  /** Default cap on any `first` argument. */
  maxFirst: 100,
  /** Fields whose `first` has a tighter cap (DESIGN §4). */
  firstCaps: { 'Query.relationshipPaths': 50, 'Query.warmIntroductions': 50 } as Record<string, number>,
};

/**
 * Rejects operations nested deeper than `maxDepth` fields (fragments included). Introspection
 * (`__schema`, `__type`) is not counted: its depth is bounded by the schema, and an IDE's
 * introspection query nests `ofType` deeper than any data query needs.
 */
export function depthLimit(maxDepth: number) {
  return (context: ValidationContext): ASTVisitor => {
    const fragments = new Map<string, FragmentDefinitionNode>();
    for (const definition of context.getDocument().definitions) {
      if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
    }
    const depthOf = (set: SelectionSetNode, seen: Set<string>): number => {
      let deepest = 0;
      for (const selection of set.selections) {
        if (selection.kind === Kind.FIELD) {
          if (selection.name.value.startsWith('__')) continue;
          deepest = Math.max(deepest, 1 + (selection.selectionSet ? depthOf(selection.selectionSet, seen) : 0));
        } else if (selection.kind === Kind.INLINE_FRAGMENT) {
          deepest = Math.max(deepest, depthOf(selection.selectionSet, seen));
        } else {
          const fragment = fragments.get(selection.name.value);
          if (fragment && !seen.has(fragment.name.value)) {
            deepest = Math.max(deepest, depthOf(fragment.selectionSet, new Set(seen).add(fragment.name.value)));
          }
        }
      }
      return deepest;
    };
    return {
      OperationDefinition(operation) {
        const depth = depthOf(operation.selectionSet, new Set());
        if (depth > maxDepth) {
          context.reportError(
            new GraphQLError(`The operation is ${depth} levels deep; at most ${maxDepth} are allowed. Split it into smaller queries.`, {
              nodes: [operation],
              extensions: { code: ErrorCode.BAD_USER_INPUT, limit: 'maxDepth' },
            }),
          );
        }
      },
    };
  };
}

/** Rejects operations with more than `maxAliases` aliased fields (alias batching is a cheap way to overload). */
export function aliasLimit(maxAliases: number) {
  return (context: ValidationContext): ASTVisitor => {
    let aliases = 0;
    return {
      Field(field) {
        if (field.alias) aliases += 1;
      },
      Document: {
        leave(document) {
          if (aliases > maxAliases) {
            context.reportError(
              new GraphQLError(`The operation uses ${aliases} aliases; at most ${maxAliases} are allowed.`, {
                nodes: [document],
                extensions: { code: ErrorCode.BAD_USER_INPUT, limit: 'maxAliases' },
              }),
            );
          }
        },
      },
    };
  };
}

/** Wraps every field that takes `first` so that a negative or too large page is BAD_USER_INPUT. */
export function capFirstArguments(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      if (!field.args.some((arg) => arg.name === 'first')) continue;
      const cap = LIMITS.firstCaps[`${type.name}.${field.name}`] ?? LIMITS.maxFirst;
      const resolve = field.resolve ?? defaultFieldResolver;
      field.resolve = (source, args, context, info) => {
        const first = args.first as number | null | undefined;
        if (first !== null && first !== undefined && (first < 0 || first > cap)) {
          throw badUserInput(`"first" must be between 0 and ${cap} for ${type.name}.${field.name}, got ${first}; page with "after" for more.`);
        }
        return resolve(source, args, context, info);
      };
    }
  }
  return schema;
}
