/** Full-text search over every entity. */
import type { SearchHitRow } from './search-entities';

export { searchResolvers as resolvers } from './resolvers';

declare module '../graphql/resolver-rows' {
  interface ResolverRows {
    SearchHit: SearchHitRow;
  }
}
