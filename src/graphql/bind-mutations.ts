import { defaultFieldResolver, type GraphQLSchema } from 'graphql';
import type { Context } from './context';

/**
 * Gives the resolver of every Mutation field a context whose `mutate` is bound to that field, so
 * what is written with the mutation (its audit entry, …) names the operation and its arguments.
 * Mutation fields run one after another, each with its own transaction.
 */
export function bindMutations(schema: GraphQLSchema): GraphQLSchema {
  const mutation = schema.getMutationType();
  if (!mutation) return schema;
  for (const field of Object.values(mutation.getFields())) {
    const resolve = field.resolve ?? defaultFieldResolver;
    field.resolve = (source, args: Record<string, unknown>, context: Context, info) =>
      resolve(source, args, { ...context, mutate: context.mutationFor({ operation: info.fieldName, args }) }, info);
  }
  return schema;
}
