import { badUserInput } from '../graphql/errors';
import type { Reader } from '../neo4j/database';
import { USABLE, VISIBLE } from '../nodes/visibility';
import { INFLUENCES_WEIGHT, type PathRow } from '../paths';

export const INFLUENCE_LIMITS = { maxHops: 4, pathsPerInfluencer: 3 } as const;

/** GraphQL `InfluenceScore` resolves from this. */
export interface InfluenceRow {
  influencerId: string;
  score: number;
  /** The paths with the largest contribution to the score, largest first. */
  paths: PathRow[];
}

/** Paths kept per influencer before the exact (tolerant) re-sort in TypeScript picks the top 3. */
const PATHS_FETCHED = 10;

/**
 * Every simple directed INFLUENCES path of 1…maxHops hops into one of the targets, summed per
 * influencer in Neo4j (only the score and its strongest few paths travel). Every node of a path,
 * influencer and target included, is visible and not a restricted person (USABLE): influence
 * sums over visible paths only, and a path through a restricted person does not count. The quantifier is a
 * literal (Cypher takes no parameter there), built only from the validated integers 1…4.
 */
const influenceCypher = (maxHops: number) => `
UNWIND $targetIds AS targetId
MATCH p = (x:Entity)-[:INFLUENCES]->{1,${maxHops}}(t:Entity {id: targetId})
WHERE all(i IN range(0, length(p) - 1) WHERE NOT nodes(p)[i] IN nodes(p)[i + 1..])
  AND all(n IN nodes(p) WHERE ${VISIBLE('n')} AND ${USABLE('n')})
  AND NOT x.id IN $excluded
WITH x, p, reduce(s = 1.0, r IN relationships(p) | s * ${INFLUENCES_WEIGHT('r')}) AS strength
WITH x, p, strength * $decay ^ (length(p) - 1) AS contribution
ORDER BY contribution DESC, length(p), [n IN nodes(p) | n.id]
WITH x, sum(contribution) AS score,
     collect({contribution: contribution, nodeIds: [n IN nodes(p) | n.id],
              steps: [r IN relationships(p) | {fromId: startNode(r).id, toId: endNode(r).id, weight: ${INFLUENCES_WEIGHT('r')}}]
     })[0..${PATHS_FETCHED}] AS paths
WHERE score > 0
RETURN x.id AS influencerId, score, paths`;
const INFLUENCE_CYPHER = [1, 2, 3, 4].map(influenceCypher);

interface InfluenceRecord {
  influencerId: string;
  score: number;
  paths: { contribution: number; nodeIds: string[]; steps: { fromId: string; toId: string; weight: number }[] }[];
}

export interface InfluenceOptions {
  maxHops: number;
  decay: number;
  first: number;
}

/**
 * Influence on a set of targets (DESIGN §4): per influencer X, the sum over targets and over
 * simple directed INFLUENCES paths P from X with at most maxHops hops of decay^(len−1) × Π weight.
 * Highest first, ties by id; `excluded` nodes are never listed.
 */
export async function influenceScores(
  db: Reader,
  targetIds: string[],
  options: InfluenceOptions,
  excluded: string[] = [],
): Promise<InfluenceRow[]> {
  checkInfluenceOptions(options);
  const records = await db.read<InfluenceRecord>(INFLUENCE_CYPHER[options.maxHops - 1], {
    targetIds: [...new Set(targetIds)],
    excluded,
    decay: options.decay,
  });
  return records
    .sort((a, b) => (nearlyEqual(a.score, b.score) ? (a.influencerId < b.influencerId ? -1 : 1) : b.score - a.score))
    .slice(0, options.first)
    .map((record) => ({
      influencerId: record.influencerId,
      score: record.score,
      paths: record.paths
        // Cypher ordered by the exact float; equal contributions reached in another order must still tie.
        .sort((a, b) =>
          nearlyEqual(a.contribution, b.contribution)
            ? a.nodeIds.length - b.nodeIds.length || compareIds(a.nodeIds, b.nodeIds)
            : b.contribution - a.contribution)
        .slice(0, INFLUENCE_LIMITS.pathsPerInfluencer)
        .map(toPathRow),
    }));
}

function checkInfluenceOptions({ maxHops, decay, first }: InfluenceOptions): void {
  if (!Number.isInteger(maxHops) || maxHops < 1 || maxHops > INFLUENCE_LIMITS.maxHops) {
    throw badUserInput(`"maxHops" must be between 1 and ${INFLUENCE_LIMITS.maxHops}, got ${maxHops}.`);
  }
  if (!(decay > 0 && decay <= 1)) throw badUserInput(`"decay" must be above 0 and at most 1, got ${decay}.`);
  if (!Number.isInteger(first) || first < 1) throw badUserInput(`"first" must be at least 1, got ${first}.`);
}

function toPathRow(path: InfluenceRecord['paths'][number]): PathRow {
  let strength = 1;
  for (const step of path.steps) strength *= step.weight;
  return {
    strength,
    hops: path.steps.length,
    nodeIds: path.nodeIds,
    steps: path.steps.map((step) => ({ type: 'INFLUENCES', ...step })),
  };
}

function nearlyEqual(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b));
}

function compareIds(a: string[], b: string[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i] < b[i] ? -1 : 1;
  return 0;
}
