/** Whether two answers are the same: equal JSON shapes, numbers equal up to float noise. */
export function firstDifference(a: unknown, b: unknown, where = 'answer'): string | undefined {
  if (typeof a === 'number' && typeof b === 'number') {
    return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b)) ? undefined : `${where}: ${a} ≠ ${b}`;
  }
  if (a === null || b === null || a === undefined || b === undefined || typeof a !== 'object' || typeof b !== 'object') {
    return (a ?? null) === (b ?? null) ? undefined : `${where}: ${JSON.stringify(a)} ≠ ${JSON.stringify(b)}`;
  }
  if (Array.isArray(a) !== Array.isArray(b)) return `${where}: a list and a non-list`;
  if (Array.isArray(a) && Array.isArray(b) && a.length !== b.length) return `${where}: ${a.length} items ≠ ${b.length} items`;
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const key of keys) {
    const difference = firstDifference((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key], `${where}.${key}`);
    if (difference) return difference;
  }
  return undefined;
}

/** A short description of an answer for the table. */
export function describeAnswer(answer: unknown): string {
  if (Array.isArray(answer)) {
    const first = answer[0] as { strength?: number; score?: number } | undefined;
    if (first?.strength !== undefined && 'nodeIds' in first) return `${answer.length} paths, best ${first.strength.toFixed(3)}`;
    if (first?.score !== undefined) return `${answer.length} influencers, top ${first.score.toFixed(3)}`;
    return `${answer.length} rows`;
  }
  if (answer && typeof answer === 'object') {
    const shape = answer as { nodes?: unknown[]; edges?: unknown[]; truncated?: boolean; members?: unknown[]; coverage?: number; customers?: unknown[] };
    if (shape.nodes && shape.edges) return `${shape.nodes.length} nodes, ${shape.edges.length} edges${shape.truncated ? ', cut' : ''}`;
    if (shape.members) return `${shape.members.length} members, coverage ${shape.coverage?.toFixed(2)}`;
    if (shape.customers) return `${shape.customers.length} customers`;
    return 'one row';
  }
  return String(answer);
}
