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

/**
 * A field resolver that reads only the row's properties `names` (the extension `reads`), so that a
 * query that knows the selection may still fetch just those. Declare every property it reads.
 */
export const readingProperties = <Resolve>(names: readonly string[], resolve: Resolve) => ({ resolve, extensions: { reads: names } });

/** The row's properties `field` reads: its own (markPropertyFields), those it declares (readingProperties), or null for any. */
export function propertiesRead(field: GraphQLField<unknown, unknown>): readonly string[] | null {
  if (field.extensions?.property === true) return [field.name];
  return (field.extensions?.reads as readonly string[] | undefined) ?? null;
}
