import type { GraphQLResolveInfo } from 'graphql';
import type { Context } from '../graphql/context';
import type { Connection } from '../graphql/pagination';
import type { NodeLabel } from '../model/graph-model';
import type { Params } from '../neo4j/database';
import { ENTITY_ROW, type EntityRow, type NodeProjection } from '../nodes/entity-row';
import { nodeOfType } from '../nodes/require-node';
import { VISIBLE } from '../nodes/visibility';
import { walksAhead, type NodeAhead } from './walks-ahead';
import { rowWithWalksAhead } from './walks-ahead-projection';

const NODE_BY_ID = (row: string) => `
MATCH (n:Entity {id: $id}) WHERE ${VISIBLE('n')}
RETURN ${row} AS node`;

/**
 * `node(id)`-like root fields: the node with this id if it has the label (else null), and in the
 * same statement every level of walks its selection asks for (a person's KNOWS and theirs), kept
 * for the walk fields' loaders. Without walks below it, the batched nodeById lookup.
 */
export async function nodeOfTypeWithWalksAhead(context: Context, info: GraphQLResolveInfo, id: string, label: NodeLabel): Promise<EntityRow | null> {
  const ahead = walksAhead(info, []);
  if (!ahead.walks.length) return nodeOfType(context, id, label);
  const params: Params = { id };
  const [row] = await context.db.read<{ node: EntityRow }>(NODE_BY_ID(rowWithWalksAhead('n', ahead, params, 'ahead')), params);
  if (!row) return null;
  context.loaders.keepWalksAhead([row.node], ahead);
  return row.node.__typename === label ? row.node : null;
}

/**
 * Root lists of nodes (`organizations`, `people`): `fetch` gets the projection of what the
 * selection under `edges.node` reads (the properties, and the walks it asks for), so the page and
 * its nested walks cost one statement; those walks are kept for the walk fields' loaders.
 */
export function pageWithWalksAhead(
  context: Context,
  info: GraphQLResolveInfo,
  fetch: (projection: NodeProjection) => Promise<Connection<EntityRow>>,
): Promise<Connection<EntityRow>> {
  return rowsWithWalksAhead(context, info, ['edges', 'node'], fetch, (page) => page.edges.map((edge) => edge.node));
}

/**
 * Any answer holding nodes at `path` of the selection (e.g. ['nodes', 'node'] of a network):
 * `fetch` gets the projection of what the selection reads of them, and the walks fetched with
 * them (`nodesOf` finds the rows in the answer) are kept for the walk fields' loaders.
 */
export async function rowsWithWalksAhead<T>(
  context: Context,
  info: GraphQLResolveInfo,
  path: readonly string[],
  fetch: (projection: NodeProjection) => Promise<T>,
  nodesOf: (answer: T) => readonly EntityRow[],
): Promise<T> {
  const ahead = placesAhead(context, info, { nodes: path });
  const answer = await fetch({ row: ahead.row.nodes, params: ahead.params });
  ahead.keep({ nodes: nodesOf(answer) });
  return answer;
}

/** Projections for several places of one answer (`row` per place, one `params` for all), and how to keep what they fetched. */
export interface PlacesAhead<K extends string> {
  row: Record<K, (n: string) => string>;
  params: Params;
  /** Keeps the walks fetched with the rows found at each place for the walk fields' loaders. */
  keep(found: Record<K, readonly EntityRow[]>): void;
}

/**
 * Look-ahead for an answer with nodes at several places of its selection (a partner's customers,
 * people and managers): each place's rows carry what the selection reads there, all in one statement.
 */
export function placesAhead<K extends string>(context: Context, info: GraphQLResolveInfo, places: Record<K, readonly string[]>): PlacesAhead<K> {
  const params: Params = {};
  const keys = Object.keys(places) as K[];
  const aheads = Object.fromEntries(keys.map((key) => [key, walksAhead(info, places[key])])) as Record<K, NodeAhead>;
  const row = Object.fromEntries(
    keys.map((key) => {
      const ahead = aheads[key];
      const project = ahead.walks.length || ahead.properties ? (n: string) => rowWithWalksAhead(n, ahead, params, 'ahead') : ENTITY_ROW;
      return [key, project];
    }),
  ) as Record<K, (n: string) => string>;
  return {
    row,
    params,
    keep: (found) => {
      for (const key of keys) context.loaders.keepWalksAhead(found[key], aheads[key]);
    },
  };
}
