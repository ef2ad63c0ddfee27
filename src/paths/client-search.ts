/*
 * Why this algorithm: the k strongest simple paths under a product of weights in (0, 1] are the
 * k shortest simple paths under costs −log w ≥ 0, with an extra, exact tie order. Enumerating
 * paths blindly explodes on hubs (a distributor with thousands of WORKS_AT and SERVES), and
 * running Yen or Eppstein in Cypher needs the whole graph. So the search runs here, as a
 * bidirectional threshold search that fetches only the edges it can still use:
 *
 *   For thresholds ρf × ρb = τ, the forward side holds every simple partial path from a
 *   source with strength ≥ ρf, the backward side every one from the target (walked backwards)
 *   with strength ≥ ρb. Every path P with strength S ≥ τ splits at its last node whose prefix
 *   strength is ≥ ρf: that prefix is on the forward side, and the rest after one middle edge
 *   is on the backward side (its strength is S / (prefix up to the middle edge's far end)
 *   > S / ρf ≥ ρb), so joining both sides over one edge finds every such path. Weights are
 *   ≤ 1, so a partial path below its threshold cannot grow back above it: that prunes hubs.
 *
 * τ starts at 0.5 and falls geometrically, or jumps straight to the `first`-th strongest path
 * already found when that is higher (the answer cannot be weaker than paths in hand). τ is
 * split so that the side that has grown larger gets the higher threshold: a hub at one end is
 * met from the other. Each round only extends what the lower thresholds let in (a cursor per
 * partial path over its node's edges, strongest first) and fetches neighbourhoods in one
 * UNWIND query per step, each only down to the weight still needed (plus a little look-ahead);
 * the join runs in Neo4j, so a hub's edges never travel just to be filtered. The search stops
 * once `first` paths of strength ≥ ρf × ρb are known (anything not found is weaker than all of
 * them, so the answer is exact, ties included), or when one side was cut by nothing (then every
 * path is a root, one edge and a partial path of that side, so every path was found). Nodes with
 * few relationships are fetched whole, so a side in a small corner of the graph (or an
 * unreachable target) is complete at once.
 * Parallel relationships are different edges, so they give different paths.
 * Before any of this, Neo4j's breadth-first SHORTEST checks that some path within maxHops exists
 * (reachable.ts): proving absence by exhausting partial paths would cost seconds on a dense graph.
 *
 * Where it runs: inside Neo4j when the database has the procedure xrm.strongestPathsToEach (the
 * embedded Neo4j always does; a server gets it from the plugin jar), in one statement, with store
 * reads instead of ~100 sequential round trips (in-database-search.ts; the Java twin in
 * embedded-neo4j/ meets the sides at nodes and keeps to the corridor between the ends). The
 * search here is the fallback for a server without the plugin; tests hold both to the brute force.
 */
import type { AdjacentEdge, Adjacency } from './adjacency';
import { comparePaths, type PathRow } from './path-row';

/**
 * Rounds aim at a strength τ that every path still to be found must reach: τ₀, then ×FACTOR,
 * or straight to the `first`-th strongest path found so far when that is higher (no answer can
 * be weaker than a path already in hand); below FLOOR, everything.
 */
const START = 0.5;
const FACTOR = 0.6;
const FLOOR = 1e-8;
/** Neighbourhoods are fetched a little below what a round needs, so the next round rarely fetches again. */
const LOOKAHEAD = 0.8;
/** Admission is a hair looser and certainty a hair stricter than the thresholds, so rounding never decides. */
const SLACK = 1e-6;

/** A simple path grown from one root; shares its prefix with its parent. */
interface Partial {
  node: string;
  strength: number;
  hops: number;
  parent: Partial | null;
  edge: AdjacentEdge | null;
  /** Edges of `node` (strongest first) already turned into children. */
  cursor: number;
}

class Side {
  readonly partials: Partial[] = [];
  /** Every simple partial path from the roots with strength ≥ level is in `partials`. */
  level = 1;
  readonly byNode = new Map<string, Partial[]>();

  constructor(
    roots: string[],
    /** Never walked into (the forward side never enters the target: the join reaches it). */
    readonly avoid: string | null,
  ) {
    for (const node of roots) this.add({ node, strength: 1, hops: 0, parent: null, edge: null, cursor: 0 });
  }

  add(partial: Partial): void {
    this.partials.push(partial);
    const list = this.byNode.get(partial.node);
    if (list) list.push(partial);
    else this.byNode.set(partial.node, [partial]);
  }
}

export class PathSearch {
  private readonly forward: Side;
  private readonly backward: Side;
  /** Longest partial path on either side: one hop is always the middle edge. */
  private readonly sideHops: number;
  private readonly found = new Map<string, PathRow>();

  constructor(
    private readonly adjacency: Adjacency,
    sources: string[],
    private readonly target: string,
    private readonly maxHops: number,
  ) {
    this.forward = new Side(sources, target);
    this.backward = new Side([target], null);
    this.sideHops = maxHops - 1;
  }

  async run(first: number): Promise<PathRow[]> {
    for (let tau = START; ; ) {
      this.lowerLevels(tau);
      await this.expand();
      // One side holding every partial path is enough: every path is a root, one edge and a partial path of it.
      const complete = tau === 0 || !this.cutByThreshold(this.forward) || !this.cutByThreshold(this.backward);
      const sure = complete ? 0 : this.forward.level * this.backward.level;
      await this.join(sure);
      const ranked = [...this.found.values()].sort(comparePaths);
      const certain = ranked.filter((path) => path.strength >= sure * (1 + SLACK)).length;
      if (complete || certain >= first) return ranked.slice(0, first);
      const kth = ranked[first - 1]?.strength ?? 0;
      // A margin of several SLACKs makes the k paths in hand certain next round, whatever the rounding.
      tau = Math.max(kth * (1 - 4 * SLACK), sure * FACTOR);
      if (!(tau < sure)) tau = sure * FACTOR;
      if (tau < FLOOR) tau = 0;
    }
  }

  /**
   * Splits τ between the sides (ρ_forward × ρ_backward = τ; the split argument above holds for
   * any such pair): the side that has grown larger gets the higher threshold, so a hub on one
   * end is met from the other. Levels only fall: a side stays complete down to its lowest one,
   * and when one side is already deeper than its share, the other needs less.
   */
  private lowerLevels(tau: number): void {
    const { forward, backward } = this;
    if (tau === 0) {
      forward.level = 0;
      backward.level = 0;
      return;
    }
    const skew = Math.log((forward.partials.length + 1) / (backward.partials.length + 1));
    const share = Math.min(0.9, Math.max(0.1, 0.5 - 0.25 * skew));
    const rf = Math.min(1, tau ** share);
    const rb = Math.min(1, tau / rf);
    // Keep the deeper side's level and give the other only what τ still asks of it.
    const b1 = Math.min(backward.level, rb);
    const f1 = Math.min(forward.level, tau / b1);
    const f2 = Math.min(forward.level, rf);
    const b2 = Math.min(backward.level, tau / f2);
    [forward.level, backward.level] = f1 * b1 >= f2 * b2 ? [f1, b1] : [f2, b2];
  }

  /** Grows each side until it holds every simple partial path of strength ≥ its level. */
  private async expand(): Promise<void> {
    const sides = [this.forward, this.backward];
    for (;;) {
      const floors = new Map<string, number>();
      for (const side of sides) {
        const low = side.level * (1 - SLACK);
        for (const partial of side.partials) {
          if (partial.hops >= this.sideHops) continue;
          if (this.adjacency.of(partial.node).min > low / partial.strength) {
            const floor = (low * LOOKAHEAD) / partial.strength;
            floors.set(partial.node, Math.min(floors.get(partial.node) ?? Infinity, floor < FLOOR ? 0 : floor));
          }
        }
      }
      await this.adjacency.ensure(floors);
      let grown = 0;
      for (const side of sides) {
        const low = side.level * (1 - SLACK);
        const count = side.partials.length;
        for (let i = 0; i < count; i++) {
          const partial = side.partials[i];
          if (partial.hops >= this.sideHops) continue;
          const { edges } = this.adjacency.of(partial.node);
          while (partial.cursor < edges.length && partial.strength * edges[partial.cursor].weight >= low) {
            const edge = edges[partial.cursor++];
            if (edge.other === side.avoid || onPath(partial, edge.other)) continue;
            side.add({
              node: edge.other, strength: partial.strength * edge.weight, hops: partial.hops + 1,
              parent: partial, edge, cursor: 0,
            });
            grown += 1;
          }
        }
      }
      if (grown === 0) return;
    }
  }

  /** Whether some partial path of the side still has edges its threshold kept out (or not yet fetched). */
  private cutByThreshold(side: Side): boolean {
    for (const partial of side.partials) {
      if (partial.hops >= this.sideHops) continue;
      const cached = this.adjacency.of(partial.node);
      if (cached.min > 0 || partial.cursor < cached.edges.length) return true;
    }
    return false;
  }

  /**
   * Joins forward and backward partial paths over one middle edge; keeps every simple result.
   * The edges are looked up from the side with fewer end nodes, into the other side's.
   */
  private async join(sure: number): Promise<void> {
    const floor = sure * (1 - SLACK);
    const fromForward = this.forward.byNode.size <= this.backward.byNode.size;
    const [near, far] = fromForward ? [this.forward, this.backward] : [this.backward, this.forward];
    const floors = new Map<string, number>();
    for (const [node, partials] of near.byNode) {
      const best = Math.max(...partials.map((p) => p.strength));
      floors.set(node, floor / best);
    }
    const edgesByNode = await this.adjacency.edgesInto(floors, new Set(far.byNode.keys()));
    for (const [node, edges] of edgesByNode) {
      for (const edge of edges) {
        const heads = fromForward ? this.forward.byNode.get(node) : this.forward.byNode.get(edge.other);
        const tails = fromForward ? this.backward.byNode.get(edge.other) : this.backward.byNode.get(node);
        for (const head of heads ?? []) {
          for (const tail of tails ?? []) {
            if (head.hops + 1 + tail.hops > this.maxHops) continue;
            const joined = joinPaths(head, edge, tail);
            if (joined) this.found.set(joined.signature, joined.path);
          }
        }
      }
    }
  }
}

function onPath(partial: Partial, node: string): boolean {
  for (let p: Partial | null = partial; p; p = p.parent) if (p.node === node) return true;
  return false;
}

/** The path root(head) … head → middle → tail … target, or null when a node would repeat. */
function joinPaths(head: Partial, middle: AdjacentEdge, tail: Partial): { path: PathRow; signature: string } | null {
  const nodeIds: string[] = [];
  const edges: AdjacentEdge[] = [];
  for (let p: Partial | null = head; p; p = p.parent) {
    nodeIds.push(p.node);
    if (p.edge) edges.push(p.edge);
  }
  nodeIds.reverse();
  edges.reverse();
  edges.push(middle);
  for (let p: Partial | null = tail; p; p = p.parent) {
    nodeIds.push(p.node);
    if (p.edge) edges.push(p.edge);
  }
  if (new Set(nodeIds).size !== nodeIds.length) return null;
  // Multiplied in path order, the same way for every path, so equal paths get equal numbers.
  let strength = 1;
  for (const edge of edges) strength *= edge.weight;
  return {
    path: {
      strength,
      hops: edges.length,
      nodeIds,
      steps: edges.map(({ type, fromId, toId, weight }) => ({ type, fromId, toId, weight })),
    },
    // The same path can be joined at several middle edges in later rounds; its edges name it.
    signature: `${nodeIds[0]}|${edges.map((edge) => edge.key).join('|')}`,
  };
}
