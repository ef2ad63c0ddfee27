import type { Database } from '../neo4j/database';
import type { Resolvers } from '../generated/graphql';
import type { EntityRow } from '../nodes/entity-row';

/*
 * Stand-in for the paths area (src/paths) until it lands on main: the same PathRow shape and
 * best-path contract (DESIGN §4), by plain enumeration of simple paths. Fine for tests and the
 * sample world only; delete this file and schema/paths-placeholder.graphql when src/paths lands.
 */

export interface PathStepRow {
  type: string;
  fromId: string;
  toId: string;
  weight: number;
}

export interface PathRow {
  strength: number;
  hops: number;
  nodeIds: string[];
  steps: PathStepRow[];
}

const WEIGHT = (r: string) => `CASE type(${r})
  WHEN 'KNOWS' THEN coalesce(${r}.strength, 0.5)
  WHEN 'INFLUENCES' THEN coalesce(${r}.weight, 0.5)
  WHEN 'REPORTS_TO' THEN 0.8
  ELSE 0.5 END`;

const BEST_PATHS_TO_TARGETS = (maxHops: number) => `
UNWIND $targetIds AS targetId
MATCH (t:Entity {id: targetId})
CALL (t) {
  MATCH p = (s:Entity)-[:KNOWS|REPORTS_TO|WORKS_AT|INFLUENCES|SERVES|SUBSIDIARY_OF|MANAGES*1..${maxHops}]-(t)
  WHERE s.id IN $fromIds
    AND all(i IN range(0, size(nodes(p)) - 2) WHERE NOT nodes(p)[i] IN nodes(p)[i + 1..])
  WITH p, reduce(acc = 1.0, r IN relationships(p) | acc * ${WEIGHT('r')}) AS strength
  ORDER BY strength DESC, length(p), [n IN nodes(p) | n.id]
  LIMIT 1
  RETURN p, strength
}
RETURN targetId, strength, length(p) AS hops, [n IN nodes(p) | n.id] AS nodeIds,
  [r IN relationships(p) | {type: type(r), fromId: startNode(r).id, toId: endNode(r).id, weight: ${WEIGHT('r')}}] AS steps`;

/** The strongest path (≤ maxHops, default stakeholder types) from any of `fromIds` to each target; absent when none. */
export async function bestPathsToTargets(
  db: Database,
  { fromIds, targetIds, maxHops }: { fromIds: string[]; targetIds: string[]; maxHops: number },
): Promise<Map<string, PathRow | null>> {
  if (!fromIds.length || !targetIds.length) return new Map();
  const rows = await db.read<PathRow & { targetId: string }>(BEST_PATHS_TO_TARGETS(Math.trunc(maxHops)), { fromIds, targetIds });
  const found = new Map(rows.map(({ targetId, ...path }) => [targetId, path]));
  return new Map(targetIds.map((id) => [id, found.get(id) ?? null]));
}

export const pathResolvers: Resolvers = {
  RelationshipPath: {
    nodes: async (path, _args, { loaders }) => {
      const nodes = await loaders.nodeById.loadMany(path.nodeIds);
      return nodes.filter((node): node is EntityRow => !!node && !(node instanceof Error));
    },
  },
};
