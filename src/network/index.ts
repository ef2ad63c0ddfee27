/** The account network: every node within n hops of an account, ready to draw. */
import type { NetworkEdgeRow, NetworkNodeRow, NetworkRow } from './account-network';

export { networkResolvers as resolvers } from './resolvers';

declare module '../graphql/resolver-rows' {
  interface ResolverRows {
    Network: NetworkRow;
    NetworkNode: NetworkNodeRow;
    NetworkEdge: NetworkEdgeRow;
  }
}
