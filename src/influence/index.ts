/** Influence scores along INFLUENCES (DESIGN §4), on a person or on a whole account. */
import type { InfluenceRow } from './influence-scores';

export { influenceResolvers as resolvers } from './resolvers';

declare module '../graphql/resolver-rows' {
  interface ResolverRows {
    InfluenceScore: InfluenceRow;
  }
}
