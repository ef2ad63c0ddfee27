import { badUserInput } from '../graphql/errors';
import type { Tx } from '../neo4j/database';
import { innerDegrees, louvainPartition, weightedModularity } from './partition';
import { readStakeholderGraph, type ReadProgress } from './stakeholder-graph';
import { storeCommunities, type StoreProgress } from './store-communities';

export const MIN_SIZE_CAP = 10_000;

/** What a run answers (GraphQL CommunityRun). */
export interface CommunityRunRow {
  communities: number;
  modularity: number;
  computedAt: string;
  nodes: number;
  linkedPairs: number;
  unassigned: number;
}

export type RunProgress =
  | ({ step: 'read' } & ReadProgress)
  | { step: 'partitioned'; groups: number; modularity: number; seconds: number }
  | ({ step: 'store' } & StoreProgress);

/**
 * Detects communities (DESIGN §11) in the caller's transaction: reads the stakeholder graph,
 * partitions it with Louvain, and replaces the stored communities with every group of at least
 * `minSize` members. The modularity is that of the whole partition (smaller groups count as
 * their own), computed here from the graph.
 */
export async function recomputeCommunities(
  tx: Tx,
  options: { minSize: number; onProgress?: (progress: RunProgress) => void },
): Promise<CommunityRunRow> {
  const { minSize, onProgress } = options;
  if (!Number.isInteger(minSize) || minSize < 1 || minSize > MIN_SIZE_CAP) {
    throw badUserInput(`"minSize" must be a whole number from 1 to ${MIN_SIZE_CAP}, got ${minSize}.`);
  }
  const computedAt = new Date().toISOString();
  const graph = await readStakeholderGraph(tx, { onProgress: (progress) => onProgress?.({ step: 'read', ...progress }) });
  const started = Date.now();
  const partition = louvainPartition(graph);
  const modularity = weightedModularity(graph, partition);
  onProgress?.({ step: 'partitioned', groups: partition.length, modularity, seconds: (Date.now() - started) / 1000 });
  const kept = partition.filter((group) => group.length >= minSize);
  await storeCommunities(tx, kept, innerDegrees(graph, partition), computedAt, (progress) => onProgress?.({ step: 'store', ...progress }));
  const members = kept.reduce((sum, group) => sum + group.length, 0);
  return {
    communities: kept.length,
    modularity,
    computedAt,
    nodes: graph.order,
    linkedPairs: graph.size,
    unassigned: graph.order - members,
  };
}
