import type { Context } from '../graphql/context';
import type { EntityRow } from '../nodes/entity-row';
import type { WalkName } from './neighbour-loaders';

/** Any node whose relationship fields walk from it. */
type Parent = { id: string };

/** Resolver of a field listing the first `first` neighbours along `walk`, each with the relationship's properties. */
export const neighbourEdges = (walk: WalkName) => (parent: Parent, { first }: { first: number }, { loaders }: Context) =>
  loaders.neighboursByNodeId(walk, first).load(parent.id);

/** Resolver of a field listing the first `first` neighbours along `walk`, the nodes only. */
export const neighbourNodes = (walk: WalkName) => async (parent: Parent, { first }: { first: number }, { loaders }: Context) =>
  (await loaders.neighboursByNodeId(walk, first).load(parent.id)).map((edge) => edge.node);

/** Resolver of a field holding the one neighbour along `walk` (a parent company, a manager), or null. */
export const neighbourNode = (walk: WalkName) => async (parent: Parent, _args: unknown, { loaders }: Context): Promise<EntityRow | null> =>
  (await loaders.neighboursByNodeId(walk, 1).load(parent.id))[0]?.node ?? null;
