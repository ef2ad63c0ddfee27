import type { GraphQLResolveInfo } from 'graphql';
import type { Context } from '../graphql/context';
import type { EntityRow } from '../nodes/entity-row';
import type { Neighbour, WalkName } from './walks';
import { neighbourAhead, type NeighbourAhead, type WalkField } from './walks-ahead';

/** Any node whose relationship fields walk from it. */
type Parent = { id: string };

/**
 * What one field of the operation will read of the neighbours: the same for every parent of a
 * list, so worked out once (graphql-js hands every item the same fieldNodes array).
 */
const aheadOfField = new WeakMap<readonly unknown[], NeighbourAhead>();
function neighbourAheadOnce(info: GraphQLResolveInfo, shape: WalkField['shape']): NeighbourAhead {
  let ahead = aheadOfField.get(info.fieldNodes);
  if (!ahead) aheadOfField.set(info.fieldNodes, (ahead = neighbourAhead(info, shape)));
  return ahead;
}

/**
 * A field resolved by walking: its resolver, and the schema extension `walk` that tells the
 * look-ahead (walks-ahead.ts) which walk a selection of this field will ask for.
 */
const walkField = <Args, T>(walk: WalkName, shape: WalkField['shape'], resolve: (parent: Parent, args: Args, context: Context, info: GraphQLResolveInfo) => Promise<T>) => ({
  resolve,
  extensions: { walk: { walk, shape } satisfies WalkField },
});

const load = (walk: WalkName, shape: WalkField['shape'], limit: number, { loaders }: Context, info: GraphQLResolveInfo, parent: Parent) =>
  loaders.neighboursByNodeId(walk, limit, neighbourAheadOnce(info, shape)).load(parent.id);

/** Resolver of a field listing the first `first` neighbours along `walk`, each with the relationship's properties. */
export const neighbourEdges = (walk: WalkName) =>
  walkField(walk, 'edges', (parent, { first }: { first: number }, context, info): Promise<Neighbour[]> => load(walk, 'edges', first, context, info, parent));

/** Resolver of a field listing the first `first` neighbours along `walk`, the nodes only. */
export const neighbourNodes = (walk: WalkName) =>
  walkField(walk, 'nodes', async (parent, { first }: { first: number }, context, info): Promise<EntityRow[]> =>
    (await load(walk, 'nodes', first, context, info, parent)).map((edge) => edge.node));

/** Resolver of a field holding the one neighbour along `walk` (a parent company, a manager), or null. */
export const neighbourNode = (walk: WalkName) =>
  walkField(walk, 'node', async (parent, _args: unknown, context, info): Promise<EntityRow | null> =>
    (await load(walk, 'node', 1, context, info, parent))[0]?.node ?? null);
