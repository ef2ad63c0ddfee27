/*
 * The path questions' entry points (DESIGN §4): checked queries, and where each search runs: inside
 * Neo4j through xrm.strongestPathsToEach when the database has it (in-database-search.ts), else
 * the threshold search here in the API (client-search.ts, which explains the algorithm).
 */
import { badUserInput } from '../graphql/errors';
import type { Reader } from '../neo4j/database';
import type { EntityRow } from '../nodes/entity-row';
import { Adjacency } from './adjacency';
import { PathSearch } from './client-search';
import { STAKEHOLDER_TYPES, chosenTypes, type StakeholderType } from './hop-weight';
import { searchInDatabase } from './in-database-search';
import { endsUsable, pathEnds, type EndRow } from './path-ends';
import type { PathRow } from './path-row';
import { isReachable } from './reachable';
import { sourceIds, type PathSources } from './sources';

export const PATH_LIMITS = { maxHops: 6, first: 50 } as const;

export interface StrongestPathsQuery {
  fromIds: PathSources;
  toId: string;
  maxHops: number;
  first: number;
  relationshipTypes?: string[] | null;
}

/**
 * Where a search runs: 'auto' inside Neo4j when it has the procedure xrm.strongestPathsToEach (else
 * here, as below); 'client' always here (tests compare both with a brute force).
 */
export type PathEngine = 'auto' | 'client';

export interface PathSearchOptions {
  engine?: PathEngine;
  /**
   * Filled with the rows of visible nodes on the paths found, where the search can read them in
   * its own statement (inside Neo4j); the caller reads any it lacks (nodesOnPaths).
   */
  pathNodes?: Map<string, EntityRow>;
  /**
   * The nodes the question names (its ends, the users it starts from): `found` is filled with the
   * visible ones, read in the search's own statement where it can (inside Neo4j), else in one
   * before it. The search runs only when all of them are visible and usable, else it answers no
   * path (the caller refuses such a question: requireEnds, refuseRestrictedEnds).
   */
  ends?: { ids: readonly string[]; found: Map<string, EndRow> };
}

/**
 * The `first` strongest simple paths of at most `maxHops` hops from any of `fromIds` to `toId`,
 * ranked as DESIGN §4 says (see comparePaths). Sources equal to the target are ignored.
 * Ids are not checked for existence here (the resolvers do that); unknown ids simply have no paths.
 */
export async function strongestPaths(
  db: Reader,
  query: StrongestPathsQuery,
  options: PathSearchOptions & { adjacency?: Adjacency } = {},
): Promise<PathRow[]> {
  const types = checkPathQuery(query);
  if (options.engine !== 'client') {
    const inDatabase = await searchInDatabase(db, {
      fromIds: query.fromIds, toIds: [query.toId], maxHops: query.maxHops, first: query.first, types, withNodes: !!options.pathNodes,
      endIds: options.ends?.ids,
    });
    if (inDatabase) {
      keepNodes(inDatabase.nodes, options.pathNodes);
      keepNodes(inDatabase.ends, options.ends?.found);
      return inDatabase.fromAll.get(query.toId) ?? [];
    }
  }
  if (options.ends) {
    keepNodes(await pathEnds(db, options.ends.ids), options.ends.found);
    if (!endsUsable(options.ends.ids, options.ends.found)) return [];
  }
  const sources = (await sourceIds(db, query.fromIds)).filter((id) => id !== query.toId);
  if (sources.length === 0 || !(await isReachable(db, sources, query.toId, query.maxHops, types))) return [];
  const search = new PathSearch(options.adjacency ?? new Adjacency(db, types), sources, query.toId, query.maxHops);
  return search.run(query.first);
}

/**
 * The single strongest path (default types) to each target from any of `fromIds`, or null:
 * one statement for all targets inside Neo4j, or searches here that share one neighbourhood cache.
 */
export async function bestPathsToTargets(
  db: Reader,
  query: { fromIds: PathSources; targetIds: string[]; maxHops: number },
  options: { engine?: PathEngine } = {},
): Promise<Map<string, PathRow | null>> {
  return (await bestPathsPreferring(db, { ...query, preferred: [] }, options)).fromAll;
}

/** Some of the sources, whose own best paths to some of the targets are wanted too (a buying center's owner). */
export interface PreferredSources {
  fromIds: string[];
  targetIds: string[];
}

/**
 * As bestPathsToTargets, and for each preferred entry the single strongest path from its sources
 * to each of its targets, or null. Inside Neo4j it is one statement: a path from the preferred
 * sources is a path from any source, so one search per target settles both.
 */
export async function bestPathsPreferring(
  db: Reader,
  query: { fromIds: PathSources; targetIds: string[]; maxHops: number; preferred: PreferredSources[] },
  options: PathSearchOptions = {},
): Promise<{ fromAll: Map<string, PathRow | null>; preferred: Map<string, PathRow | null>[] }> {
  const best = (targetIds: string[], paths: (toId: string) => PathRow[] | undefined) =>
    new Map([...new Set(targetIds)].map((toId): [string, PathRow | null] => [toId, paths(toId)?.[0] ?? null]));
  if (options.engine !== 'client') {
    checkPathQuery({ maxHops: query.maxHops, first: 1 });
    const inDatabase = await searchInDatabase(db, {
      fromIds: query.fromIds,
      toIds: [...new Set(query.targetIds)],
      maxHops: query.maxHops,
      first: 1,
      types: STAKEHOLDER_TYPES,
      preferred: query.preferred.map((entry) => ({ fromIds: [...new Set(entry.fromIds)], toIds: [...new Set(entry.targetIds)] })),
      withNodes: !!options.pathNodes,
    });
    if (inDatabase) {
      keepNodes(inDatabase.nodes, options.pathNodes);
      return {
        fromAll: best(query.targetIds, (toId) => inDatabase.fromAll.get(toId)),
        preferred: query.preferred.map((entry, i) => best(entry.targetIds, (toId) => inDatabase.preferred[i].get(toId))),
      };
    }
  }
  const adjacency = new Adjacency(db, STAKEHOLDER_TYPES);
  const searchHere = async (fromIds: string[], targetIds: string[]) => {
    const out = new Map<string, PathRow | null>();
    for (const toId of new Set(targetIds)) {
      const [path] = await strongestPaths(db, { fromIds, toId, maxHops: query.maxHops, first: 1 }, { engine: 'client', adjacency });
      out.set(toId, path ?? null);
    }
    return out;
  };
  const fromAll = await searchHere(await sourceIds(db, query.fromIds), query.targetIds);
  const preferred = [];
  for (const entry of query.preferred) preferred.push(await searchHere(entry.fromIds, entry.targetIds));
  return { fromAll, preferred };
}

function keepNodes<T>(found: Map<string, T>, into: Map<string, T> | undefined) {
  if (into) for (const [id, node] of found) into.set(id, node);
}

/** BAD_USER_INPUT unless maxHops, first and the types are within DESIGN §4's caps; returns the types to walk. */
export function checkPathQuery(query: { maxHops: number; first: number; relationshipTypes?: string[] | null }): StakeholderType[] {
  if (!Number.isInteger(query.maxHops) || query.maxHops < 1 || query.maxHops > PATH_LIMITS.maxHops) {
    throw badUserInput(`"maxHops" must be between 1 and ${PATH_LIMITS.maxHops}, got ${query.maxHops}.`);
  }
  if (!Number.isInteger(query.first) || query.first < 1 || query.first > PATH_LIMITS.first) {
    throw badUserInput(`"first" must be between 1 and ${PATH_LIMITS.first}, got ${query.first}.`);
  }
  return chosenTypes(query.relationshipTypes);
}
