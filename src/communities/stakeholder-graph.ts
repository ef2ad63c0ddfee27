import Graph from 'graphology';
import type { Tx } from '../neo4j/database';
import { param } from '../neo4j/values';
import { HOP_WEIGHT, STAKEHOLDER_TYPES, typeAlternation } from '../paths';

/** The undirected, weighted graph communities are detected on; edge attribute `weight`. */
export type StakeholderGraph = Graph<Record<string, never>, { weight: number }>;

/** Who is partitioned: every Person, Organization and User (DESIGN §11). */
export const MEMBER_LABELS = ['Person', 'Organization', 'User'] as const;
const IS_MEMBER = (n: string) => MEMBER_LABELS.map((label) => `${n}:${label}`).join(' OR ');

// Keyset pages over the id index: each page starts after the last id of the one before, so the
// pages come in id order whatever the size of the graph.
const MEMBER_IDS = `
MATCH (n:Entity)
WHERE n.id > $after
  AND (${IS_MEMBER('n')})
WITH n ORDER BY n.id LIMIT $pageSize
RETURN n.id AS id`;

// Every stakeholder relationship once: from its start node, in its stored direction.
const RELATIONSHIPS_FROM = `
MATCH (n:Entity)
WHERE n.id > $after
  AND (${IS_MEMBER('n')})
WITH n ORDER BY n.id LIMIT $pageSize
RETURN n.id AS id, COLLECT {
  MATCH (n)-[r:${typeAlternation(STAKEHOLDER_TYPES)}]->(m:Entity)
  WHERE m <> n
  RETURN [m.id, ${HOP_WEIGHT('r')}]
} AS out`;

export interface ReadProgress {
  phase: 'nodes' | 'relationships';
  done: number;
}

/**
 * Reads every Person, Organization and User and every stakeholder relationship between them
 * (DESIGN §4 plus REFERRED) in pages of `pageSize` nodes. Nodes are added in id order, so the
 * same graph in the database always gives the same graphology graph (and Louvain, visiting nodes
 * in insertion order, the same partition). Direction is dropped and parallel relationships
 * between two nodes become one edge whose weight is the sum of their hop weights.
 */
export async function readStakeholderGraph(
  tx: Tx,
  options: { pageSize?: number; onProgress?: (progress: ReadProgress) => void } = {},
): Promise<StakeholderGraph> {
  const pageSize = options.pageSize ?? 20_000;
  const graph: StakeholderGraph = new Graph({ type: 'undirected', multi: false, allowSelfLoops: false });
  let done = 0;
  for await (const page of pages<{ id: string }>(tx, MEMBER_IDS, pageSize)) {
    for (const { id } of page) graph.addNode(id);
    options.onProgress?.({ phase: 'nodes', done: (done += page.length) });
  }
  done = 0;
  for await (const page of pages<{ id: string; out: [string, number][] }>(tx, RELATIONSHIPS_FROM, pageSize)) {
    for (const { id, out } of page) {
      for (const [other, weight] of out) {
        // A relationship to a node that appeared after the node pass (a concurrent write) is left out.
        if (!graph.hasNode(other)) continue;
        graph.updateEdge(id, other, (edge) => ({ weight: (edge.weight ?? 0) + weight }));
      }
    }
    options.onProgress?.({ phase: 'relationships', done: (done += page.length) });
  }
  return graph;
}

async function* pages<T extends { id: string }>(tx: Tx, cypher: string, pageSize: number): AsyncGenerator<T[]> {
  for (let after = ''; ; ) {
    const page = await tx.run<T>(cypher, { after, pageSize: param.integer(pageSize) });
    if (page.length === 0) return;
    yield page;
    after = page[page.length - 1].id;
    if (page.length < pageSize) return;
  }
}
