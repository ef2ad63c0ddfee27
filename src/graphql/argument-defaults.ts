import { defaultFieldResolver, isObjectType, type GraphQLArgument, type GraphQLSchema } from 'graphql';

/** Arguments with an SDL default other than null: the ones nullMeansDefault fills. */
const withDefaults = (args: readonly GraphQLArgument[]) => args.filter((arg) => arg.defaultValue !== undefined && arg.defaultValue !== null);

/** `args` with each null for an argument in `defaults` replaced by that argument's default. */
const filled = (args: Record<string, unknown>, defaults: readonly GraphQLArgument[]) => {
  const copy = { ...args };
  for (const arg of defaults) if (copy[arg.name] === null) copy[arg.name] = arg.defaultValue;
  return copy;
};

/**
 * graphql-js applies an argument's SDL default only when the argument is left out; an explicit
 * `null` passes through. Here a null for an argument that has a default means that default, so
 * the SDL stays the one place defaults live and resolvers get what their generated types say.
 */
export function nullMeansDefault(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      const defaults = withDefaults(field.args);
      if (!defaults.length) continue;
      const resolve = field.resolve ?? defaultFieldResolver;
      field.resolve = (source, args, context, info) => resolve(source, filled(args, defaults), context, info);
    }
  }
  return schema;
}

/** What a field's resolver gets as `Args` for `args` as graphql-js coerced them: for a look-ahead, before the field runs. */
export const resolverArguments = <Args>(args: Record<string, unknown>, definitions: readonly GraphQLArgument[]) => filled(args, withDefaults(definitions)) as Args;
