import { defaultFieldResolver, isObjectType, type GraphQLSchema } from 'graphql';

/**
 * graphql-js applies an argument's SDL default only when the argument is left out; an explicit
 * `null` passes through. Here a null for an argument that has a default means that default, so
 * the SDL stays the one place defaults live and resolvers get what their generated types say.
 */
export function nullMeansDefault(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      const defaults = field.args.filter((arg) => arg.defaultValue !== undefined && arg.defaultValue !== null);
      if (!defaults.length) continue;
      const resolve = field.resolve ?? defaultFieldResolver;
      field.resolve = (source, args, context, info) => {
        const filled = { ...args };
        for (const arg of defaults) if (filled[arg.name] === null) filled[arg.name] = arg.defaultValue;
        return resolve(source, filled, context, info);
      };
    }
  }
  return schema;
}
