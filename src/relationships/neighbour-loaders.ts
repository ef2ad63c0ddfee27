import DataLoader from 'dataloader';
import type { Reader } from '../neo4j/database';
import { param } from '../neo4j/values';
import type { RelationshipTypeName } from '../model/graph-model';
import { ENTITY_ROW, TIMESTAMPS, type EntityRow } from '../nodes/entity-row';
import { VISIBLE } from '../nodes/visibility';
import { INFLUENCES_WEIGHT, KNOWS_WEIGHT } from '../paths';

/** The node at the other end of one relationship, with that relationship's properties beside it. */
export interface Neighbour {
  node: EntityRow;
  [property: string]: unknown;
}

interface Walk {
  type: RelationshipTypeName;
  /** out: (n)-[r]->(m); in: (n)<-[r]-(m); both: either (KNOWS is stored once per pair). */
  direction: 'out' | 'in' | 'both';
  /** ORDER BY terms over r and m; `m.id` is always appended so equal keys keep one order. */
  order: string;
}

/** The relationship walks core fields use; types and orders are constants, never user input. */
export const WALKS = {
  employeesOf: { type: 'WORKS_AT', direction: 'in', order: 'toLower(m.name)' },
  employersOf: { type: 'WORKS_AT', direction: 'out', order: 'r.until IS NOT NULL, r.until DESC, toLower(m.name)' },
  partnersOf: { type: 'SERVES', direction: 'in', order: 'toLower(m.name)' },
  customersOf: { type: 'SERVES', direction: 'out', order: 'toLower(m.name)' },
  parentOf: { type: 'SUBSIDIARY_OF', direction: 'out', order: 'toLower(m.name)' },
  subsidiariesOf: { type: 'SUBSIDIARY_OF', direction: 'in', order: 'toLower(m.name)' },
  managersOf: { type: 'MANAGES', direction: 'in', order: 'r.as, toLower(m.name)' },
  accountsOf: { type: 'MANAGES', direction: 'out', order: 'toLower(m.name)' },
  managerOf: { type: 'REPORTS_TO', direction: 'out', order: 'toLower(m.name)' },
  reportsOf: { type: 'REPORTS_TO', direction: 'in', order: 'toLower(m.name)' },
  knows: { type: 'KNOWS', direction: 'both', order: `${KNOWS_WEIGHT('r')} DESC, toLower(m.name)` },
  influences: { type: 'INFLUENCES', direction: 'out', order: `${INFLUENCES_WEIGHT('r')} DESC, toLower(m.name)` },
  influencedBy: { type: 'INFLUENCES', direction: 'in', order: `${INFLUENCES_WEIGHT('r')} DESC, toLower(m.name)` },
  actsFor: { type: 'ACTS_FOR', direction: 'out', order: 'toLower(m.name)' },
} satisfies Record<string, Walk>;
export type WalkName = keyof typeof WALKS;

const PATTERNS = { out: (t: string) => `(n)-[r:${t}]->(m)`, in: (t: string) => `(n)<-[r:${t}]-(m)`, both: (t: string) => `(n)-[r:${t}]-(m)` };

/**
 * One UNION branch per walk and page size: each node of `$ids<i>`'s first `$limit<i>` visible
 * neighbours along the walk, in order (an edge to a hidden node is dropped, as if it were not there).
 */
const walkBranch = (walk: Walk, i: number) => `
  UNWIND $ids${i} AS id
  MATCH (n:Entity {id: id})
  CALL (n) {
    MATCH ${PATTERNS[walk.direction](walk.type)} WHERE ${VISIBLE('m')}
    RETURN r, m ORDER BY ${walk.order}, m.id LIMIT $limit${i}
  }
  RETURN ${i} AS branch, id, collect(r {.*, ${TIMESTAMPS('r')}, node: ${ENTITY_ROW('m')}}) AS neighbours`;

interface WalkBatch {
  walk: WalkName;
  limit: number;
  ids: string[];
}

/**
 * The Cypher of one batch: a branch per walk and page size, so that the walks a page asks of its
 * rows together (an account's people, partners and managers) cost one statement, not one each.
 */
const walksCypher = (batches: WalkBatch[]) =>
  `CALL () {${batches.map((batch, i) => walkBranch(WALKS[batch.walk] as Walk, i)).join('\n  UNION ALL')}\n}\nRETURN branch, id, neighbours`;

const walkKey = (walk: WalkName, limit: number, id: string) => `${walk}\t${limit}\t${id}`;

/**
 * `neighboursByNodeId(walk, limit).load(id)`: the first `limit` neighbours of a node along `walk`.
 * One DataLoader serves every walk of the request, so one batch (all the keys the resolvers of one
 * tick asked for, whatever walk and parent) is one query.
 */
export function createNeighbourLoaders(db: Reader) {
  const walks = new DataLoader<string, Neighbour[]>(async (keys) => {
    const batches = new Map<string, WalkBatch>();
    for (const key of keys) {
      const [walk, limit, id] = key.split('\t');
      const group = `${walk}\t${limit}`;
      let batch = batches.get(group);
      if (!batch) batches.set(group, (batch = { walk: walk as WalkName, limit: Number(limit), ids: [] }));
      batch.ids.push(id);
    }
    const list = [...batches.values()];
    const params = Object.fromEntries(list.flatMap((batch, i) => [[`ids${i}`, batch.ids], [`limit${i}`, param.integer(batch.limit)]]));
    const rows = await db.read<{ branch: number; id: string; neighbours: Neighbour[] }>(walksCypher(list), params);
    const found = new Map(rows.map((row) => [walkKey(list[row.branch].walk, list[row.branch].limit, row.id), row.neighbours]));
    return keys.map((key) => found.get(key) ?? []);
  });
  const neighboursByNodeId = (walk: WalkName, limit: number) => ({
    load: (id: string): Promise<Neighbour[]> => walks.load(walkKey(walk, Math.trunc(limit), id)),
  });
  return { neighboursByNodeId };
}
