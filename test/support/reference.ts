import type { GraphDocument } from './random-graph';

/**
 * Brute force of DESIGN §4 for small graphs: enumerate every simple path, then rank. Written
 * straight from the contract, independent of the implementation under test.
 */
export interface RefStep { type: string; fromId: string; toId: string; weight: number }
export interface RefPath { strength: number; hops: number; nodeIds: string[]; steps: RefStep[] }

interface RefEdge extends RefStep { index: number }

export function edgesOf(doc: GraphDocument, ids: Record<string, string>): RefEdge[] {
  return doc.relationships.map((rel, index) => ({
    index,
    type: rel.type,
    fromId: ids[rel.from],
    toId: ids[rel.to],
    weight:
      rel.type === 'KNOWS' ? ((rel.properties.strength as number | undefined) ?? 0.5)
      : rel.type === 'INFLUENCES' ? ((rel.properties.weight as number | undefined) ?? 0.5)
      : rel.type === 'REPORTS_TO' ? 0.8
      : rel.type === 'REFERRED' ? 0.7
      : 0.5,
  }));
}

const STAKEHOLDER = ['KNOWS', 'REPORTS_TO', 'WORKS_AT', 'INFLUENCES', 'SERVES', 'SUBSIDIARY_OF', 'MANAGES', 'REFERRED'];

/** Every simple path from `from` to `to` with at most maxHops hops, each relationship walkable both ways. */
export function allSimplePaths(edges: RefEdge[], from: string, to: string, maxHops: number, types = STAKEHOLDER): RefPath[] {
  const usable = edges.filter((e) => types.includes(e.type));
  const out: RefPath[] = [];
  const walk = (nodeIds: string[], steps: RefStep[]) => {
    const here = nodeIds[nodeIds.length - 1];
    if (here === to) {
      out.push({ strength: steps.reduce((s, step) => s * step.weight, 1), hops: steps.length, nodeIds: [...nodeIds], steps: [...steps] });
      return;
    }
    if (steps.length === maxHops) return;
    for (const edge of usable) {
      const next = edge.fromId === here ? edge.toId : edge.toId === here ? edge.fromId : null;
      if (next === null || nodeIds.includes(next)) continue;
      const { type, fromId, toId, weight } = edge;
      walk([...nodeIds, next], [...steps, { type, fromId, toId, weight }]);
    }
  };
  if (from !== to) walk([from], []);
  return out;
}

const lex = (a: string[], b: string[]) => {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i] < b[i] ? -1 : 1;
  return a.length - b.length;
};

/** Strongest first (equal within 1e-9), then fewer hops, then node ids; parallel paths by step types, then stored directions. */
export function rankPaths(paths: RefPath[]): RefPath[] {
  return [...paths].sort((a, b) => {
    if (Math.abs(a.strength - b.strength) > 1e-9 * Math.max(a.strength, b.strength)) return b.strength - a.strength;
    return (
      a.hops - b.hops ||
      lex(a.nodeIds, b.nodeIds) ||
      lex(a.steps.map((s) => s.type), b.steps.map((s) => s.type)) ||
      lex(a.steps.map((s) => s.fromId), b.steps.map((s) => s.fromId))
    );
  });
}

/**
 * The `first` paths of at most maxHops hops from any of `fromIds` to `toId`, on the part of the
 * graph a viewer sees (`visible` ids; null or absent: all of it), as the brute force ranks them.
 */
export function referenceAsSeen(
  doc: GraphDocument,
  ids: Record<string, string>,
  query: { fromIds: string[]; toId: string; maxHops: number; first: number; types?: string[]; visible?: string[] | null },
): RefPath[] {
  const visible = query.visible ? new Set(query.visible) : null;
  if (visible && !visible.has(query.toId)) return [];
  const seen: GraphDocument = visible
    ? { nodes: doc.nodes.filter((n) => visible.has(ids[n.key])), relationships: doc.relationships.filter((r) => visible.has(ids[r.from]) && visible.has(ids[r.to])) }
    : doc;
  const edges = edgesOf(seen, ids);
  const sources = [...new Set(query.fromIds)].filter((id) => id !== query.toId && (!visible || visible.has(id)));
  return rankPaths(sources.flatMap((from) => allSimplePaths(edges, from, query.toId, query.maxHops, query.types))).slice(0, query.first);
}

/** A path as the search answers it, without the step weights. */
export interface FoundPath { strength: number; hops: number; nodeIds: string[]; steps: { type: string; fromId: string; toId: string }[] }

/** Asserts that `actual` are the brute force's paths: same nodes, hops and steps in the same order, strengths to 10 digits. */
export function expectSamePaths(actual: FoundPath[], expected: RefPath[]): void {
  const brief = (paths: FoundPath[]) =>
    paths.map((p) => ({ nodeIds: p.nodeIds, hops: p.hops, steps: p.steps.map(({ type, fromId, toId }) => ({ type, fromId, toId })) }));
  expect(brief(actual)).toEqual(brief(expected));
  actual.forEach((path, i) => expect(path.strength).toBeCloseTo(expected[i].strength, 10));
}

/** Every simple directed INFLUENCES path into `target` with at most maxHops hops, from each start. */
export function influencePathsInto(edges: RefEdge[], target: string, maxHops: number): RefPath[] {
  const influences = edges.filter((e) => e.type === 'INFLUENCES');
  const starts = new Set(influences.map((e) => e.fromId));
  const out: RefPath[] = [];
  for (const start of starts) {
    const walk = (nodeIds: string[], steps: RefStep[]) => {
      const here = nodeIds[nodeIds.length - 1];
      if (here === target && steps.length > 0) {
        out.push({ strength: steps.reduce((s, step) => s * step.weight, 1), hops: steps.length, nodeIds: [...nodeIds], steps: [...steps] });
        return;
      }
      if (steps.length === maxHops) return;
      for (const edge of influences) {
        if (edge.fromId !== here || nodeIds.includes(edge.toId)) continue;
        const { type, fromId, toId, weight } = edge;
        walk([...nodeIds, toId], [...steps, { type, fromId, toId, weight }]);
      }
    };
    walk([start], []);
  }
  return out;
}

export interface RefInfluence { influencerId: string; score: number; paths: RefPath[] }

/**
 * Influence of every X on the targets: Σ over targets and simple paths d^(len−1) × Π weight;
 * ranked by score (ties by id); each with its 3 paths of largest contribution.
 */
export function influenceRanking(
  edges: RefEdge[], targets: string[], maxHops: number, decay: number, excluded: Set<string> = new Set(),
): RefInfluence[] {
  const byInfluencer = new Map<string, { score: number; paths: { contribution: number; path: RefPath }[] }>();
  for (const target of new Set(targets)) {
    for (const path of influencePathsInto(edges, target, maxHops)) {
      const x = path.nodeIds[0];
      if (excluded.has(x)) continue;
      const contribution = decay ** (path.hops - 1) * path.strength;
      const entry = byInfluencer.get(x) ?? { score: 0, paths: [] };
      entry.score += contribution;
      entry.paths.push({ contribution, path });
      byInfluencer.set(x, entry);
    }
  }
  return [...byInfluencer]
    .filter(([, entry]) => entry.score > 0)
    .sort(([a, ea], [b, eb]) => (Math.abs(ea.score - eb.score) > 1e-9 * Math.max(ea.score, eb.score) ? eb.score - ea.score : a < b ? -1 : 1))
    .map(([influencerId, entry]) => ({
      influencerId,
      score: entry.score,
      paths: entry.paths
        .sort((a, b) =>
          Math.abs(a.contribution - b.contribution) > 1e-9 * Math.max(a.contribution, b.contribution)
            ? b.contribution - a.contribution
            : a.path.hops - b.path.hops || lex(a.path.nodeIds, b.path.nodeIds) || lex(a.path.steps.map((s) => s.fromId), b.path.steps.map((s) => s.fromId)))
        .slice(0, 3)
        .map((entry) => entry.path),
    }));
}

export interface RefNetwork { nodes: { id: string; depth: number }[]; edges: { type: string; fromId: string; toId: string }[] }

/**
 * The account network of DESIGN §4 without a node limit: breadth-first rings along the chosen
 * types (either direction), each ring by id; then every relationship of those types between two
 * returned nodes, by from id, to id, type.
 */
export function networkOf(edges: RefEdge[], accountId: string, depth: number, types = STAKEHOLDER): RefNetwork {
  const usable = edges.filter((e) => types.includes(e.type));
  const depthOf = new Map([[accountId, 0]]);
  let frontier = [accountId];
  for (let ring = 1; ring <= depth; ring++) {
    const next = new Set<string>();
    for (const e of usable) {
      for (const [here, there] of [[e.fromId, e.toId], [e.toId, e.fromId]]) {
        if (frontier.includes(here) && !depthOf.has(there)) next.add(there);
      }
    }
    frontier = [...next].sort();
    for (const id of frontier) depthOf.set(id, ring);
  }
  const nodes = [...depthOf].map(([id, d]) => ({ id, depth: d })).sort((a, b) => a.depth - b.depth || (a.id < b.id ? -1 : 1));
  const networkEdges = usable
    .filter((e) => depthOf.has(e.fromId) && depthOf.has(e.toId))
    .map(({ type, fromId, toId }) => ({ type, fromId, toId }))
    .sort((a, b) => (a.fromId !== b.fromId ? (a.fromId < b.fromId ? -1 : 1) : a.toId !== b.toId ? (a.toId < b.toId ? -1 : 1) : a.type < b.type ? -1 : 1));
  return { nodes, edges: networkEdges };
}
