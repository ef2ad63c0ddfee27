/** Stakeholder relationships: link and unlink mutations, the walks core fields page through, the KNOWS strength rule. */
import { createNeighbourLoaders } from './neighbour-loaders';
import type { Neighbour } from './walks';

export { relationshipResolvers as resolvers } from './resolvers';
export { createNeighbourLoaders as createLoaders };
export type { Neighbour };
export { KNOWS_STRENGTH } from './knows-strength';
export { neighbourEdges, neighbourNode, neighbourNodes } from './neighbour-fields';
export { walksAhead } from './walks-ahead';
export { nodeOfTypeWithWalksAhead, pageWithWalksAhead, placesAhead, rowsWithWalksAhead } from './rows-with-walks-ahead';

type NeighbourLoaders = ReturnType<typeof createNeighbourLoaders>;
declare module '../graphql/context' {
  interface Loaders extends NeighbourLoaders {}
}

declare module '../graphql/resolver-rows' {
  interface ResolverRows {
    EmployeeEdge: Neighbour;
    EmployerEdge: Neighbour;
    ServesEdge: Neighbour;
    ManagerEdge: Neighbour;
    ManagedAccountEdge: Neighbour;
    InfluenceEdge: Neighbour;
    KnowsEdge: Neighbour;
  }
}
