import DataLoader from 'dataloader';
import type { Reader } from '../neo4j/database';
import { param } from '../neo4j/values';
import type { RelationshipTypeName } from '../model/graph-model';
import { loaderById } from '../graphql/loader-by-id';
import { ENTITY_ROW, type EntityRow } from '../nodes/entity-row';
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
 * One query for a whole batch: each node's first `$limit` visible neighbours along the walk, in
 * order (an edge to a hidden node is dropped, as if it were not there).
 */
const walkCypher = (walk: Walk) => `
UNWIND $ids AS id
MATCH (n:Entity {id: id})
CALL (n) {
  MATCH ${PATTERNS[walk.direction](walk.type)} WHERE ${VISIBLE('m')}
  RETURN r, m ORDER BY ${walk.order}, m.id LIMIT $limit
}
RETURN id, collect(r {.*, node: ${ENTITY_ROW('m')}}) AS neighbours`;
const WALK_CYPHER = Object.fromEntries(
  Object.entries(WALKS).map(([name, walk]) => [name, walkCypher(walk as Walk)]),
) as Record<WalkName, string>;

/**
 * `neighboursByNodeId(walk, limit)` is the DataLoader of one walk and page size (node id → neighbours),
 * created on first use within the request: one UNWIND query per batch however many parents.
 */
export function createNeighbourLoaders(db: Reader) {
  const loaders = new Map<string, DataLoader<string, Neighbour[]>>();
  const neighboursByNodeId = (walk: WalkName, limit: number): DataLoader<string, Neighbour[]> => {
    const cacheKey = `${walk}:${limit}`;
    let loader = loaders.get(cacheKey);
    if (!loader) {
      loader = loaderById<Neighbour[]>(db, WALK_CYPHER[walk], 'neighbours', [], { limit: param.integer(Math.trunc(limit)) });
      loaders.set(cacheKey, loader);
    }
    return loader;
  };
  return { neighboursByNodeId };
}
