import { isObjectType, type GraphQLField, type GraphQLSchema } from 'graphql';

/**
 * Marks the fields the schema answers by reading the row's property of the same name (no
 * resolver of their own, no arguments) with the extension `property`, before other wrappers
 * hide that: a query that knows the selection may then fetch just those properties.
 */
export function markPropertyFields(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      if (!field.resolve && field.args.length === 0) field.extensions = { ...field.extensions, property: true };
    }
  }
  return schema;
}

/** Whether `field` just reads the property of its name (markPropertyFields). */
export const readsProperty = (field: GraphQLField<unknown, unknown>): boolean => field.extensions?.property === true;
