import DataLoader from 'dataloader';
import type { Params, Reader } from '../neo4j/database';
import { param } from '../neo4j/values';
import type { EntityRow } from '../nodes/entity-row';
import { VISIBLE } from '../nodes/visibility';
import { WALKS, walkPattern, type Neighbour, type Walk, type WalkName } from './walks';
import { neighbourSignature, WHOLE_NEIGHBOUR, type NeighbourAhead, type NodeAhead, type WalkAhead } from './walks-ahead';
import { neighbourRow, rowWithWalksAhead, takeWalksAhead } from './walks-ahead-projection';

interface WalkBatch {
  walk: WalkName;
  limit: number;
  /** What the selection reads of the neighbours found (relationship and node properties, walks), fetched in the same statement. */
  ahead: NeighbourAhead;
  ids: string[];
}

/**
 * One UNION branch per walk, page size and walks ahead: each node of `$ids<i>`'s first
 * `$limit<i>` visible neighbours along the walk, in order (an edge to a hidden node is dropped,
 * as if it were not there), each with the walks ahead.
 */
const walkBranch = (batch: WalkBatch, i: number, params: Params) => {
  const walk = WALKS[batch.walk] as Walk;
  return `
  UNWIND $ids${i} AS id
  MATCH (n:Entity {id: id})
  CALL (n) {
    MATCH ${walkPattern(walk, 'n', 'r', 'm')} WHERE ${VISIBLE('m')}
    RETURN r, m ORDER BY ${walk.order('r', 'm')}, m.id LIMIT $limit${i}
  }
  RETURN ${i} AS branch, id, collect(${neighbourRow('r', batch.ahead.edge, rowWithWalksAhead('m', batch.ahead.node, params, `ahead${i}_`))}) AS neighbours`;
};

/**
 * The Cypher of one batch: a branch per walk and page size, so that the walks a page asks of its
 * rows together (an account's people, partners and managers) cost one statement, not one each.
 */
const walksCypher = (batches: WalkBatch[], params: Params) =>
  `CALL () {${batches.map((batch, i) => walkBranch(batch, i, params)).join('\n  UNION ALL')}\n}\nRETURN branch, id, neighbours`;

const walkKey = (walk: WalkName, limit: number, ahead: string, id: string) => `${walk}\t${limit}\t${ahead}\t${id}`;

/**
 * `neighboursByNodeId(walk, limit, ahead).load(id)`: the first `limit` neighbours of a node along
 * `walk`, with what `ahead` says the selection reads of them. One DataLoader serves every walk of
 * the request, so one batch (all the keys the resolvers of one tick asked for, whatever walk and
 * parent) is one query; the walks the selection will ask of the neighbours come along in it and
 * are kept for those loads.
 * `keepWalksAhead(rows, ahead)` keeps what another query fetched with rowWithWalksAhead.
 */
export function createNeighbourLoaders(db: Reader) {
  const aheadBySignature = new Map<string, NeighbourAhead>();
  const keep = (walk: WalkAhead, id: string, neighbours: Neighbour[]) =>
    walks.prime(walkKey(walk.walk, walk.limit, neighbourSignature(walk), id), neighbours);

  const walks: DataLoader<string, Neighbour[]> = new DataLoader<string, Neighbour[]>(async (keys) => {
    const batches = new Map<string, WalkBatch>();
    for (const key of keys) {
      const [walk, limit, ahead, id] = key.split('\t');
      const group = `${walk}\t${limit}\t${ahead}`;
      let batch = batches.get(group);
      if (!batch) batches.set(group, (batch = { walk: walk as WalkName, limit: Number(limit), ahead: aheadBySignature.get(ahead) ?? WHOLE_NEIGHBOUR, ids: [] }));
      batch.ids.push(id);
    }
    const list = [...batches.values()];
    const params: Params = Object.fromEntries(list.flatMap((batch, i) => [[`ids${i}`, batch.ids], [`limit${i}`, param.integer(batch.limit)]]));
    const rows = await db.read<{ branch: number; id: string; neighbours: Neighbour[] }>(walksCypher(list, params), params);
    const found = new Map<string, Neighbour[]>();
    for (const row of rows) {
      const batch = list[row.branch];
      for (const neighbour of row.neighbours) takeWalksAhead(neighbour.node, batch.ahead.node, keep);
      found.set(walkKey(batch.walk, batch.limit, neighbourSignature(batch.ahead), row.id), row.neighbours);
    }
    return keys.map((key) => found.get(key) ?? []);
  });

  const neighboursByNodeId = (walk: WalkName, limit: number, ahead: NeighbourAhead = WHOLE_NEIGHBOUR) => {
    const signature = neighbourSignature(ahead);
    if (!aheadBySignature.has(signature)) aheadBySignature.set(signature, ahead);
    return { load: (id: string): Promise<Neighbour[]> => walks.load(walkKey(walk, Math.trunc(limit), signature, id)) };
  };
  const keepWalksAhead = (rows: readonly EntityRow[], ahead: NodeAhead) => {
    for (const row of rows) takeWalksAhead(row, ahead, keep);
  };
  return { neighboursByNodeId, keepWalksAhead };
}
