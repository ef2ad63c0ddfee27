import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { ApolloServerPlugin } from '@apollo/server';
import {
  GraphQLError, defaultFieldResolver, getNullableType, getVariableValues, isInputObjectType, isListType, isObjectType,
  type GraphQLField, type GraphQLInputType, type GraphQLSchema, type OperationDefinitionNode, type ValidationContext, type ValidationRule,
} from 'graphql';
import type { RequestLimits } from '../config';
import { badUserInput, ErrorCode } from './errors';
import { operationCost } from './operation-cost';

/** Caps on arguments that hold for every field, whatever the request limits. */
export const LIMITS = {
  /** Default cap on any `first` argument. */
  maxFirst: 100,
  /** Items in any list argument (ids, types, order lines), at any depth of an input object. */
  maxListItems: 1000,
  /** Fields whose `first` has a tighter cap (DESIGN §4). */
  firstCaps: { 'Query.relationshipPaths': 50, 'Query.warmIntroductions': 50 } as Record<string, number>,
};

export interface LimitProtection {
  plugins: ApolloServerPlugin[];
  validationRules: ValidationRule[];
}

/**
 * The limits on one GraphQL document, from graphql-armor: depth (introspection under `__schema`
 * not counted), aliases and directives as
 * validation rules (each walks every fragment once), field suggestions ("Did you mean …")
 * masked outside development. Tokens are bounded by the parser itself (`parseOptions`, see
 * server.ts), characters in front of Apollo, and cost by `costLimit` below, which multiplies
 * list fields by their `first`. A refusal is BAD_USER_INPUT naming the limit's variable.
 */
export function documentLimits(limits: RequestLimits, development: boolean): LimitProtection {
  const refuse = (variable: string, advice: string) => [
    (context: ValidationContext | null, error: GraphQLError) =>
      context?.reportError(limitError(`${error.message.replace(/^Syntax Error: /, '').replace(/\.$/, '')} (${variable}); ${advice}`, variable)),
  ];
  const armor = new ApolloArmor({
    maxDepth: {
      n: limits.maxDepth,
      flattenFragments: true,
      // `__schema` is bounded by the schema itself, and an IDE's introspection query (GraphiQL's
      // nests `ofType` 11 deep) must load it.
      ignoreIntrospection: true,
      propagateOnRejection: false,
      onReject: refuse('GRAPHQL_MAX_DEPTH', 'split it into smaller operations.'),
    },
    maxAliases: {
      n: limits.maxAliases,
      allowList: [], // armor lets `x: __typename` through by default; it is as cheap to repeat as any alias
      propagateOnRejection: false,
      onReject: refuse('GRAPHQL_MAX_ALIASES', 'send fewer aliased fields per operation.'),
    },
    maxDirectives: {
      n: limits.maxDirectives,
      propagateOnRejection: false,
      onReject: refuse('GRAPHQL_MAX_DIRECTIVES', 'send fewer directives per operation.'),
    },
    blockFieldSuggestion: { enabled: !development },
    maxTokens: { enabled: false },
    costLimit: { enabled: false },
  });
  const { plugins, validationRules } = armor.protect();
  return { plugins: [...(plugins as ApolloServerPlugin[]), costLimit(limits.maxCost)], validationRules };
}

/**
 * Refuses an operation whose cost (see operationCost) is above `maxCost`. It runs once the
 * operation and its variables are known, because `first: $n` costs what $n says.
 */
export function costLimit(maxCost: number): ApolloServerPlugin {
  // The cost of operations whose page sizes name no variable. Apollo keeps one parsed document per
  // query text, so a client's repeated query is the same operation object: priced once, not per request.
  const fixedCosts = new WeakMap<OperationDefinitionNode, number>();
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, request }) {
          if (!operation) return;
          let cost = fixedCosts.get(operation);
          if (cost === undefined) {
            const { coerced } = getVariableValues(schema, operation.variableDefinitions ?? [], request.variables ?? {});
            const priced = operationCost(schema, document, operation, coerced ?? request.variables ?? {});
            cost = priced.cost;
            if (!priced.readsVariables) fixedCosts.set(operation, cost);
          }
          if (cost > maxCost) {
            throw limitError(
              `The operation costs ${cost}; at most ${maxCost} is allowed (GRAPHQL_MAX_COST). Every field costs 1 and a field with "first" counts its selection "first" times: ask for smaller pages or fewer nested lists.`,
              'GRAPHQL_MAX_COST',
              400,
            );
          }
        },
      };
    },
  };
}

/** The error for a request over a limit: BAD_USER_INPUT, naming the variable that sets the limit. */
export function limitError(message: string, variable: string, httpStatus?: number): GraphQLError {
  return new GraphQLError(message, {
    extensions: {
      code: ErrorCode.BAD_USER_INPUT,
      limit: variable,
      ...(httpStatus ? { http: { status: httpStatus } } : {}),
    },
  });
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

/**
 * Wraps every field with a list argument so that a list longer than LIMITS.maxListItems is
 * BAD_USER_INPUT before any work starts (100,000 ids would otherwise run until the deadline).
 * Only arguments typed as lists count: a JSON document (importGraph) is the import's to bound.
 */
export function capListArguments(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      if (!field.args.some((arg) => mayHoldList(arg.type, new Set()))) continue;
      const resolve = field.resolve ?? defaultFieldResolver;
      field.resolve = (source, args, context, info) => {
        const problem = oversizedList(field, args);
        if (problem) throw badUserInput(`${problem}; at most ${LIMITS.maxListItems} are allowed. Split the request into smaller ones.`);
        return resolve(source, args, context, info);
      };
    }
  }
  return schema;
}

function mayHoldList(type: GraphQLInputType, seen: Set<string>): boolean {
  const inner = getNullableType(type);
  if (isListType(inner)) return true;
  if (!isInputObjectType(inner) || seen.has(inner.name)) return false;
  seen.add(inner.name);
  return Object.values(inner.getFields()).some((field) => mayHoldList(field.type, seen));
}

function oversizedList(field: GraphQLField<unknown, unknown>, args: Record<string, unknown>): string | undefined {
  const check = (value: unknown, type: GraphQLInputType, path: string): string | undefined => {
    const inner = getNullableType(type);
    if (value === null || value === undefined) return undefined;
    if (isListType(inner) && Array.isArray(value)) {
      if (value.length > LIMITS.maxListItems) return `"${path}" has ${value.length} items`;
      for (const item of value) {
        const problem = check(item, inner.ofType, path);
        if (problem) return problem;
      }
    } else if (isInputObjectType(inner) && typeof value === 'object') {
      for (const [name, inputField] of Object.entries(inner.getFields())) {
        const problem = check((value as Record<string, unknown>)[name], inputField.type, `${path}.${name}`);
        if (problem) return problem;
      }
    }
    return undefined;
  };
  for (const arg of field.args) {
    const problem = check(args[arg.name], arg.type, arg.name);
    if (problem) return problem;
  }
  return undefined;
}
