import type { Database } from '../neo4j/database';
import { HOP_WEIGHT, typeAlternation, type StakeholderType } from './hop-weight';

/** A relationship as seen from one of its ends. */
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

const adjacencyCypher = (types: string) => `
UNWIND $rows AS row
MATCH (a:Entity {id: row.id})-[r:${types}]-(b:Entity)
WHERE b <> a
WITH row, r, b, startNode(r) = a AS outgoing, ${HOP_WEIGHT('r')} AS weight
WHERE weight >= row.min
RETURN row.id AS id, elementId(r) AS key, type(r) AS type, outgoing, b.id AS other, weight`;

const edgesIntoCypher = (types: string) => `
UNWIND $rows AS row
MATCH (a:Entity {id: row.id})-[r:${types}]-(b:Entity)
WHERE b.id IN $into
WITH row, r, b, startNode(r) = a AS outgoing, ${HOP_WEIGHT('r')} AS weight
WHERE weight >= row.min
RETURN row.id AS id, elementId(r) AS key, type(r) AS type, outgoing, b.id AS other, weight`;

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
 * only the edges a search can still use keeps hubs from flooding it.
 */
export class Adjacency {
  private readonly cache = new Map<string, CachedAdjacency>();
  private readonly adjacencyQuery: string;
  private readonly edgesIntoQuery: string;

  constructor(
    private readonly db: Database,
    types: readonly StakeholderType[],
  ) {
    const alternation = typeAlternation(types);
    this.adjacencyQuery = adjacencyCypher(alternation);
    this.edgesIntoQuery = edgesIntoCypher(alternation);
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
    const records = await this.db.read<EdgeRecord>(this.adjacencyQuery, { rows });
    const byNode = new Map<string, AdjacentEdge[]>(rows.map((row) => [row.id, []]));
    for (const record of records) byNode.get(record.id)!.push(toEdge(record));
    for (const row of rows) {
      const edges = byNode.get(row.id)!;
      edges.sort(strongestFirst);
      // Searches sharing this cache may fetch at once; never trade a deeper list for a shallower one.
      if (this.of(row.id).min > row.min) this.cache.set(row.id, { edges, min: row.min });
    }
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
