import type { Params } from '../neo4j/database';
import { param } from '../neo4j/values';
import { ENTITY_ROW, TIMESTAMPS, TYPENAME, type EntityRow } from '../nodes/entity-row';
import { VISIBLE } from '../nodes/visibility';
import { WALKS, walkPattern, type Neighbour, type Walk } from './walks';
import type { NodeAhead, WalkAhead } from './walks-ahead';

/**
 * Cypher map projection of node `n` as an EntityRow with what `node` says the selection reads: the
 * properties it names (all of them when null), and under `__ahead` the first neighbours of each
 * walk (in the walk's order, visible ones only), each with the relationship properties the
 * selection reads and projected the same way in turn: one COLLECT
 * subquery per walk and level instead of a statement each. Adds the page sizes to `params`
 * (names start with `prefix`, so several projections can share one statement).
 */
export function rowWithWalksAhead(n: string, node: NodeAhead, params: Params, prefix: string, depth = 1): string {
  const r = `ahead_r${depth}`;
  const m = `ahead_m${depth}`;
  const walks = node.walks.map((next, i) => {
    const walk = WALKS[next.walk] as Walk;
    const limit = `${prefix}${Object.keys(params).length}`;
    params[limit] = param.integer(next.limit);
    return `w${i}: COLLECT {
      MATCH ${walkPattern(walk, n, r, m)} WHERE ${VISIBLE(m)}
      WITH ${r}, ${m} ORDER BY ${walk.order(r, m)}, ${m}.id LIMIT $${limit}
      RETURN ${neighbourRow(r, next.edge, rowWithWalksAhead(m, next.node, params, prefix, depth + 1))}
    }`;
  });
  const ahead = walks.length ? `__ahead: { ${walks.join(', ')} }` : undefined;
  return node.properties ? SOME_PROPERTIES(n, node.properties, [`__typename: ${TYPENAME(n)}`, ...(ahead ? [ahead] : [])]) : ENTITY_ROW(n, ahead);
}

/**
 * Cypher map projection of relationship `r` as a Neighbour: the relationship's `properties` (all of
 * them, with the timestamps as epoch milliseconds, when null) and the neighbour's `row` under `node`.
 */
export const neighbourRow = (r: string, properties: readonly string[] | null, row: string) =>
  properties ? SOME_PROPERTIES(r, properties, [`node: ${row}`]) : `${r} {.*, ${TIMESTAMPS(r)}, node: ${row}}`;

/** Map projection of `x` with only `properties` (the timestamps as ENTITY_ROW has them) and `more` entries; names come from the schema, never from a request. */
const SOME_PROPERTIES = (x: string, properties: readonly string[], more: readonly string[]) => {
  const timestamps = properties.some((p) => p === 'createdAt' || p === 'updatedAt');
  const entries = [...properties.filter((p) => p !== 'createdAt' && p !== 'updatedAt').map((p) => `.${p}`), ...(timestamps ? [TIMESTAMPS(x)] : []), ...more];
  return `${x} { ${entries.join(', ')} }`;
};

/**
 * Takes what rowWithWalksAhead fetched off `row` (and off the neighbours in it), handing each
 * node's neighbours along each walk to `keep`; the rows are left as plain EntityRows.
 */
export function takeWalksAhead(row: EntityRow, node: NodeAhead, keep: (walk: WalkAhead, id: string, neighbours: Neighbour[]) => void): void {
  const fetched = row.__ahead as Record<string, Neighbour[]> | undefined;
  if (!fetched) return;
  delete row.__ahead;
  node.walks.forEach((walk, i) => {
    const neighbours = fetched[`w${i}`] ?? [];
    for (const neighbour of neighbours) takeWalksAhead(neighbour.node, walk.node, keep);
    keep(walk, row.id, neighbours);
  });
}
