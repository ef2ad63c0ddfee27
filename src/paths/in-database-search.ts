import type { Reader } from '../neo4j/database';
import { param } from '../neo4j/values';
import type { StakeholderType } from './hop-weight';
import { comparePaths, type PathRow } from './path-row';

/**
 * The path search as the procedure `xrm.strongestPathsToEach` runs it inside Neo4j (embedded-neo4j/,
 * package xrm.paths): the embedded Neo4j registers it, a server loads the same jar from its
 * plugins folder. One call answers a question for every target, sharing what it reads around
 * the sources and the relationships it reads, where the client search needs a round trip per step. The procedure settles "no path within maxHops" itself, from
 * breadth-first distances around both ends. Only visible nodes (VISIBLE, DESIGN §9) may be on a
 * path: the procedure gets the request's `$visible` ids.
 */
const PATHS_IN_DATABASE = `
CALL xrm.strongestPathsToEach($fromIds, $toIds, $maxHops, $first, $types, {visible: $visible}) YIELD toId, strength, hops, nodeIds, steps
RETURN toId, strength, hops, nodeIds, steps`;

const PROCEDURE_NOT_FOUND = 'Neo.ClientError.Procedure.ProcedureNotFound';

/**
 * Set once the database answered that it lacks the procedure (a server without the plugin), so
 * later searches run here without asking again; installing the plugin takes an API restart.
 */
let procedureMissing = false;

export interface InDatabaseQuery {
  fromIds: string[];
  toIds: string[];
  maxHops: number;
  first: number;
  types: readonly StakeholderType[];
}

/**
 * Per target, its `first` strongest paths from any of `fromIds` (ranked by comparePaths), all in
 * one statement; undefined when the database has no xrm.strongestPathsToEach, so the caller searches
 * itself.
 */
export async function searchInDatabase(db: Reader, query: InDatabaseQuery): Promise<Map<string, PathRow[]> | undefined> {
  if (procedureMissing) return undefined;
  let rows: (PathRow & { toId: string })[];
  try {
    rows = await db.read(PATHS_IN_DATABASE, {
      fromIds: query.fromIds,
      toIds: query.toIds,
      maxHops: param.integer(query.maxHops),
      first: param.integer(query.first),
      types: [...query.types],
    });
  } catch (error) {
    if ((error as { code?: unknown }).code !== PROCEDURE_NOT_FOUND) throw error;
    procedureMissing = true;
    return undefined;
  }
  const byTarget = new Map<string, PathRow[]>(query.toIds.map((id) => [id, []]));
  for (const { toId, ...path } of rows) byTarget.get(toId)!.push(path);
  for (const paths of byTarget.values()) paths.sort(comparePaths);
  return byTarget;
}
