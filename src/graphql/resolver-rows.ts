/**
 * What the resolvers of a GraphQL type receive as their parent, by type name: codegen's mappers
 * (codegen.yml) point here. Every area adds the row types of its GraphQL types to this
 * interface by declaration merging in its index.ts, so the generated types import no area and
 * no area's types import the generated ones back.
 */
export interface ResolverRows {}
