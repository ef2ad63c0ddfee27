import type { Reader } from '../neo4j/database';
import { USABLE, VISIBLE } from '../nodes/visibility';
import {
  DEFAULT_WEIGHT, HOP_WEIGHT, REPORTS_TO_WEIGHT, STAKEHOLDER_TYPES, typeAlternation, type StakeholderType,
} from './hop-weight';

/**
 * A relationship as seen from one of its ends. Only relationships between two visible nodes
 * (VISIBLE, DESIGN §9) that are no restricted people (USABLE) are read: a hidden or restricted
 * node, even a source, has none.
 */
export interface AdjacentEdge {
  /** Identifies the relationship, so parallel relationships stay apart. */
  key: string;
  type: string;
  /** Stored direction. */
  fromId: string;
  toId: string;
  /** The other end. */
  other: string;
  weight: number;
}

interface CachedAdjacency {
  /** Strongest first, then by key: a later fetch with a lower `min` only appends. */
  edges: AdjacentEdge[];
  /** Every edge with weight ≥ min is in `edges`. */
  min: number;
}

const WEIGHT_CLASSES: { above: number; upTo: number; possible: readonly StakeholderType[] }[] = [
  { above: -1, upTo: DEFAULT_WEIGHT, possible: STAKEHOLDER_TYPES },
  { above: DEFAULT_WEIGHT, upTo: REPORTS_TO_WEIGHT, possible: ['KNOWS', 'INFLUENCES', 'REPORTS_TO', 'REFERRED'] },
  { above: REPORTS_TO_WEIGHT, upTo: 1, possible: ['KNOWS', 'INFLUENCES'] },
];

/**
 * Relationships of one node whose weight can reach `row.min`. Hop weights above the default are
 * only KNOWS, INFLUENCES (their own value), REPORTS_TO and REFERRED, so a high floor expands only those
 * types: on a dense node Neo4j then skips its thousands of WORKS_AT or SERVES altogether.
 */
const adjacencyCypher = (types: readonly StakeholderType[], restrict: string) => {
  const branches = WEIGHT_CLASSES.map(({ above, upTo, possible }) => ({
    above, upTo, types: types.filter((type) => possible.includes(type)),
  }))
    .filter((branch) => branch.types.length > 0)
    .map(({ above, upTo, types: branchTypes }) => `
  WITH a, row WHERE row.min > ${above}${upTo < 1 ? ` AND row.min <= ${upTo}` : ''}
  MATCH (a)-[r:${typeAlternation(branchTypes)}]-(b:Entity)
  RETURN r, b`);
  return `
UNWIND $rows AS row
MATCH (a:Entity {id: row.id})
CALL (a, row) {${branches.join('\n  UNION ALL')}
}
WITH row, a, r, b, ${HOP_WEIGHT('r')} AS weight
WHERE b <> a AND weight >= row.min AND ${VISIBLE('a')} AND ${USABLE('a')} AND ${VISIBLE('b')} AND ${USABLE('b')}${restrict}
RETURN row.id AS id, elementId(r) AS key, type(r) AS type, startNode(r) = a AS outgoing, b.id AS other, weight`;
};

/**
 * Nodes with at most this many stakeholder relationships are fetched whole: then they are known
 * complete. The count includes hidden neighbours: it only picks how deep to fetch, and either
 * depth returns exactly the visible edges down to it.
 */
const SMALL_DEGREE = 64;

/**
 * One row per node: its edges down to its floor (0 for small nodes), in one COLLECT per node.
 * Like the query above, a floor above the default weight expands only the types that can reach it.
 */
const neighbourhoodCypher = (types: readonly StakeholderType[]) => {
  const branches = WEIGHT_CLASSES.map(({ upTo, possible }) => ({ upTo, types: types.filter((type) => possible.includes(type)) }));
  const collect = (branchTypes: StakeholderType[]) =>
    branchTypes.length === 0
      ? '[]'
      : `COLLECT {
      MATCH (a)-[r:${typeAlternation(branchTypes)}]-(b:Entity)
      WITH r, b, ${HOP_WEIGHT('r')} AS weight
      WHERE b <> a AND weight >= min AND ${VISIBLE('a')} AND ${USABLE('a')} AND ${VISIBLE('b')} AND ${USABLE('b')}
      RETURN {key: elementId(r), type: type(r), outgoing: startNode(r) = a, other: b.id, weight: weight}
    }`;
  return `
UNWIND $rows AS row
MATCH (a:Entity {id: row.id})
WITH a, row, CASE WHEN COUNT { (a)-[:${typeAlternation(types)}]-() } <= ${SMALL_DEGREE} THEN 0.0 ELSE row.min END AS min
RETURN row.id AS id, min,
  CASE
    WHEN min <= ${branches[0].upTo} THEN ${collect(branches[0].types)}
    WHEN min <= ${branches[1].upTo} THEN ${collect(branches[1].types)}
    ELSE ${collect(branches[2].types)}
  END AS edges`;
};

interface NeighbourhoodRecord {
  id: string;
  min: number;
  edges: Omit<EdgeRecord, 'id'>[];
}

interface EdgeRecord {
  id: string;
  key: string;
  type: string;
  outgoing: boolean;
  other: string;
  weight: number;
}

/**
 * Neighbourhoods of the path search, fetched from Neo4j in batches (one UNWIND query per
 * batch) down to a weight floor per node, and cached for the rest of the search. Fetching
 * only the edges a search can still use keeps hubs from flooding it. A restricted person is
 * never a neighbour (USABLE), so no path passes through one.
 */
export class Adjacency {
  private readonly cache = new Map<string, CachedAdjacency>();
  private readonly adjacencyQuery: string;
  private readonly edgesIntoQuery: string;

  constructor(
    private readonly db: Reader,
    types: readonly StakeholderType[],
  ) {
    this.adjacencyQuery = neighbourhoodCypher(types);
    this.edgesIntoQuery = adjacencyCypher(types, ' AND b.id IN $into');
  }

  /** The cached edges of a node (strongest first), and the floor down to which they are complete. */
  of(id: string): CachedAdjacency {
    return this.cache.get(id) ?? { edges: [], min: Infinity };
  }

  /** Makes sure each node's edges are cached down to its floor; one query for the whole batch. */
  async ensure(floors: Map<string, number>): Promise<void> {
    const rows = [...floors]
      .filter(([id, min]) => this.of(id).min > min)
      .map(([id, min]) => ({ id, min }));
    if (rows.length === 0) return;
    const records = await this.db.read<NeighbourhoodRecord>(this.adjacencyQuery, { rows });
    const requested = new Map(rows.map((row) => [row.id, row.min]));
    for (const record of records) {
      const edges = record.edges.map((edge) => toEdge({ id: record.id, ...edge }));
      edges.sort(strongestFirst);
      // Searches sharing this cache may fetch at once; never trade a deeper list for a shallower one.
      if (this.of(record.id).min > record.min) this.cache.set(record.id, { edges, min: record.min });
      requested.delete(record.id);
    }
    // A node that is not there has no edges at all.
    for (const id of requested.keys()) this.cache.set(id, { edges: [], min: 0 });
  }

  /**
   * Edges from each node (down to its floor) whose other end is in `into`. Runs in Neo4j
   * where the cache is not deep enough, so a hub's full neighbourhood never travels.
   */
  async edgesInto(floors: Map<string, number>, into: Set<string>): Promise<Map<string, AdjacentEdge[]>> {
    const out = new Map<string, AdjacentEdge[]>();
    const rows: { id: string; min: number }[] = [];
    for (const [id, min] of floors) {
      const cached = this.of(id);
      if (cached.min <= min) {
        out.set(id, cached.edges.filter((edge) => edge.weight >= min && into.has(edge.other)));
      } else {
        out.set(id, []);
        rows.push({ id, min });
      }
    }
    if (rows.length > 0 && into.size > 0) {
      const records = await this.db.read<EdgeRecord>(this.edgesIntoQuery, { rows, into: [...into] });
      for (const record of records) out.get(record.id)!.push(toEdge(record));
    }
    return out;
  }
}

function toEdge(record: EdgeRecord): AdjacentEdge {
  return {
    key: record.key,
    type: record.type,
    fromId: record.outgoing ? record.id : record.other,
    toId: record.outgoing ? record.other : record.id,
    other: record.other,
    weight: record.weight,
  };
}

function strongestFirst(a: AdjacentEdge, b: AdjacentEdge): number {
  return b.weight - a.weight || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
}
