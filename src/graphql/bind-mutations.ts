import {
  defaultFieldResolver, getNamedType, isInputObjectType, isListType, isNonNullType,
  type GraphQLInputType, type GraphQLSchema,
} from 'graphql';
import type { Context } from './context';

/**
 * Every Mutation field's resolver gets a context whose `mutate` knows the field and the ids its
 * arguments name, so what commits with the mutation (its change event, its audit entry) says
 * which operation changed which nodes without each resolver repeating it.
 */
export function bindMutations(schema: GraphQLSchema): GraphQLSchema {
  const mutation = schema.getMutationType();
  if (!mutation) return schema;
  for (const field of Object.values(mutation.getFields())) {
    const resolve = field.resolve ?? defaultFieldResolver;
    field.resolve = (source, args: Record<string, unknown>, context: Context, info) => {
      const argumentIds = field.args.flatMap((arg) => idsIn(arg.type, args[arg.name]));
      const mutate = context.mutationFor({ operation: field.name, args, argumentIds });
      return resolve(source, args, { ...context, mutate }, info);
    };
  }
  return schema;
}

/** The ID values inside one argument value of `type` (lists and input objects walked). */
function idsIn(type: GraphQLInputType, value: unknown): string[] {
  if (value === null || value === undefined) return [];
  if (isNonNullType(type)) return idsIn(type.ofType, value);
  if (isListType(type)) return Array.isArray(value) ? value.flatMap((item) => idsIn(type.ofType, item)) : [];
  const named = getNamedType(type);
  if (isInputObjectType(named)) {
    const fields = named.getFields();
    return Object.entries(value as Record<string, unknown>).flatMap(([name, inner]) => (fields[name] ? idsIn(fields[name].type, inner) : []));
  }
  return named.name === 'ID' && typeof value === 'string' ? [value] : [];
}
