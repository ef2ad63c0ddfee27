/** One hop of a path, in the relationship's stored direction. */
export interface PathStepRow {
  type: string;
  fromId: string;
  toId: string;
  weight: number;
}

/** A path as every area returns it; GraphQL `RelationshipPath` resolves from it. */
export interface PathRow {
  /** Product of the hop weights. */
  strength: number;
  hops: number;
  /** From the start node to the end node. */
  nodeIds: string[];
  steps: PathStepRow[];
}

/** Relative tolerance under which two strengths count as equal (products of the same weights in another order). */
const EPSILON = 1e-9;

/**
 * The ranking of DESIGN §4: strongest first; on equal strength fewer hops; then the node-id
 * sequence. Parallel relationships give paths with the same nodes: they are ordered by their
 * step types, then by their stored directions, so the order is total and repeatable.
 */
export function comparePaths(a: PathRow, b: PathRow): number {
  if (Math.abs(a.strength - b.strength) > EPSILON * Math.max(a.strength, b.strength)) return b.strength - a.strength;
  if (a.hops !== b.hops) return a.hops - b.hops;
  return (
    compareLists(a.nodeIds, b.nodeIds) ||
    compareLists(a.steps.map((s) => s.type), b.steps.map((s) => s.type)) ||
    compareLists(a.steps.map((s) => s.fromId), b.steps.map((s) => s.fromId))
  );
}

function compareLists(a: string[], b: string[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    if (a[i] !== b[i]) return a[i] < b[i] ? -1 : 1;
  }
  return a.length - b.length;
}
