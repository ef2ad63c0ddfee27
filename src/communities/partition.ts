import louvain from 'graphology-communities-louvain';
import { mulberry32 } from '../random';
import type { StakeholderGraph } from './stakeholder-graph';

/** The seed of Louvain's random node order: fixed, so the same graph gives the same partition. */
const LOUVAIN_SEED = 20261129;

/** Groups of node ids, largest first (ties by their smallest id); each group in id order. */
export type Partition = string[][];

/**
 * Louvain modularity optimisation (graphology-communities-louvain) with a seeded random walk:
 * on a graph built in the same order (readStakeholderGraph adds nodes by id) it answers the same
 * groups every time. Every node is in exactly one group; a node without relationships is a group
 * of its own.
 */
export function louvainPartition(graph: StakeholderGraph): Partition {
  const groupOf = louvain(graph, { getEdgeWeight: 'weight', rng: mulberry32(LOUVAIN_SEED) });
  const groups = new Map<number, string[]>();
  // forEachNode walks in insertion order (ids ascending), so each group comes out sorted.
  graph.forEachNode((node) => {
    const group = groups.get(groupOf[node]);
    if (group) group.push(node);
    else groups.set(groupOf[node], [node]);
  });
  return [...groups.values()].sort((a, b) => b.length - a.length || (a[0] < b[0] ? -1 : 1));
}

/** Newman's weighted modularity of a partition: Σ over groups of (inner weight / m) − (degree sum / 2m)². */
export function weightedModularity(graph: StakeholderGraph, partition: Partition): number {
  const groupIndex = new Map<string, number>();
  partition.forEach((group, index) => group.forEach((node) => groupIndex.set(node, index)));
  const inner = new Float64Array(partition.length);
  const degree = new Float64Array(partition.length);
  let total = 0;
  graph.forEachEdge((_edge, { weight }, source, target) => {
    const a = groupIndex.get(source)!;
    const b = groupIndex.get(target)!;
    total += weight;
    degree[a] += weight;
    degree[b] += weight;
    if (a === b) inner[a] += weight;
  });
  if (total === 0) return 0;
  let q = 0;
  for (let c = 0; c < partition.length; c++) q += inner[c] / total - (degree[c] / (2 * total)) ** 2;
  return q;
}

/** Each node's weighted degree inside its own group (parallel relationships added, as in the graph). */
export function innerDegrees(graph: StakeholderGraph, partition: Partition): Map<string, number> {
  const groupIndex = new Map<string, number>();
  partition.forEach((group, index) => group.forEach((node) => groupIndex.set(node, index)));
  const degrees = new Map<string, number>();
  graph.forEachNode((node) => degrees.set(node, 0));
  graph.forEachEdge((_edge, { weight }, source, target) => {
    if (groupIndex.get(source) !== groupIndex.get(target)) return;
    degrees.set(source, degrees.get(source)! + weight);
    degrees.set(target, degrees.get(target)! + weight);
  });
  // Sums of the same weights in another edge order differ in the last bits (3 × 0.9 + 0.5 + 0.8 +
  // 0.7 against 4.7): rounded, equal degrees tie, and ties go by id as the hubs promise.
  for (const [node, degree] of degrees) degrees.set(node, Math.round(degree * 1e9) / 1e9);
  return degrees;
}
