import type { Params } from '../neo4j/database';
import { param } from '../neo4j/values';
import { ENTITY_ROW, TIMESTAMPS, type EntityRow } from '../nodes/entity-row';
import { VISIBLE } from '../nodes/visibility';
import { WALKS, walkPattern, type Neighbour, type Walk } from './walks';
import type { WalkAhead } from './walks-ahead';

/**
 * Cypher map projection of node `n` as an EntityRow that also carries, under `__ahead`, the first
 * neighbours of each walk ahead (in the walk's order, visible ones only), and theirs in turn: one
 * COLLECT subquery per walk and level instead of a statement each. Adds the page sizes to
 * `params` (names start with `prefix`, so several projections can share one statement).
 */
export function rowWithWalksAhead(n: string, ahead: readonly WalkAhead[], params: Params, prefix: string, depth = 1): string {
  if (!ahead.length) return ENTITY_ROW(n);
  const r = `ahead_r${depth}`;
  const m = `ahead_m${depth}`;
  const walks = ahead.map((next, i) => {
    const walk = WALKS[next.walk] as Walk;
    const limit = `${prefix}${Object.keys(params).length}`;
    params[limit] = param.integer(next.limit);
    return `w${i}: COLLECT {
      MATCH ${walkPattern(walk, n, r, m)} WHERE ${VISIBLE(m)}
      WITH ${r}, ${m} ORDER BY ${walk.order(r, m)}, ${m}.id LIMIT $${limit}
      RETURN ${r} {.*, ${TIMESTAMPS(r)}, node: ${rowWithWalksAhead(m, next.next, params, prefix, depth + 1)}}
    }`;
  });
  return ENTITY_ROW(n, `__ahead: { ${walks.join(', ')} }`);
}

/**
 * Takes what rowWithWalksAhead fetched off `row` (and off the neighbours in it), handing each
 * node's neighbours along each walk to `keep`; the rows are left as plain EntityRows.
 */
export function takeWalksAhead(row: EntityRow, ahead: readonly WalkAhead[], keep: (walk: WalkAhead, id: string, neighbours: Neighbour[]) => void): void {
  const fetched = row.__ahead as Record<string, Neighbour[]> | undefined;
  if (!fetched) return;
  delete row.__ahead;
  ahead.forEach((walk, i) => {
    const neighbours = fetched[`w${i}`] ?? [];
    for (const neighbour of neighbours) takeWalksAhead(neighbour.node, walk.next, keep);
    keep(walk, row.id, neighbours);
  });
}
