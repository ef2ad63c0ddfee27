import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { ApolloServerPlugin } from '@apollo/server';
import {
  GraphQLError, defaultFieldResolver, getVariableValues, isObjectType,
  type GraphQLSchema, type ValidationContext, type ValidationRule,
} from 'graphql';
import type { RequestLimits } from '../config';
import { badUserInput, ErrorCode } from './errors';
import { operationCost } from './operation-cost';

/** Caps on `first` that hold for every field, whatever the request limits. */
export const LIMITS = {
  /** Default cap on any `first` argument. */
  maxFirst: 100,
  /** Fields whose `first` has a tighter cap (DESIGN §4). */
  firstCaps: { 'Query.relationshipPaths': 50, 'Query.warmIntroductions': 50 } as Record<string, number>,
};

export interface LimitProtection {
  plugins: ApolloServerPlugin[];
  validationRules: ValidationRule[];
}

/**
 * The limits on one GraphQL document, from graphql-armor: depth, aliases and directives as
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
      ignoreIntrospection: false,
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
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, request }) {
          if (!operation) return;
          const { coerced } = getVariableValues(schema, operation.variableDefinitions ?? [], request.variables ?? {});
          const cost = operationCost(schema, document, operation, coerced ?? request.variables ?? {});
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
