import type { Reader } from '../neo4j/database';
import { param } from '../neo4j/values';
import { ENTITY_ROW, type EntityRow } from '../nodes/entity-row';
import { VISIBLE } from '../nodes/visibility';
import type { StakeholderType } from './hop-weight';
import { ENDS_OF, ENDS_USABLE, type EndRow } from './path-ends';
import { comparePaths, type PathRow } from './path-row';
import { EVERY_USER, EVERY_USER_ID, type PathSources } from './sources';

/**
 * The path search as the procedure `xrm.strongestPathsToEach` runs it inside Neo4j (embedded-neo4j/,
 * package xrm.paths): the embedded Neo4j registers it, a server loads the same jar from its
 * plugins folder. One call answers a question for every target, sharing what it reads around
 * the sources and the relationships it reads, where the client search needs a round trip per step. The procedure settles "no path within maxHops" itself, from
 * breadth-first distances around both ends. Only visible nodes (VISIBLE, DESIGN §9) may be on a
 * path: the procedure gets the request's `$visible` ids. The nodes the question names (`$endIds`)
 * are looked up first, as EndRows, and the search runs only when they are all visible and usable:
 * else the question is refused anyway, and its refusal costs no statement of its own.
 */
const PATHS_IN_DATABASE = `
CALL () {${ENDS_OF}
}
CALL (ends) {
  WITH ends WHERE ${ENDS_USABLE('ends')}
  WITH CASE WHEN $fromIds IS NULL THEN ${EVERY_USER_ID} ELSE $fromIds END AS fromIds
  CALL xrm.strongestPathsToEach(fromIds, $toIds, $maxHops, $first, $types, {visible: $visible, preferred: $preferred})
  YIELD toId, preferred, strength, hops, nodeIds, steps
  RETURN collect({toId: toId, preferred: preferred, strength: strength, hops: hops, nodeIds: nodeIds, steps: steps}) AS paths
}
CALL (paths) {
  UNWIND paths AS path
  UNWIND CASE WHEN $withNodes THEN path.nodeIds ELSE [] END AS id
  WITH DISTINCT id
  MATCH (n:Entity {id: id}) WHERE ${VISIBLE('n')}
  RETURN collect(${ENTITY_ROW('n')}) AS nodes
}
RETURN ends, paths, nodes`;

const PROCEDURE_NOT_FOUND = 'Neo.ClientError.Procedure.ProcedureNotFound';

/**
 * Set once the database answered that it lacks the procedure (a server without the plugin), so
 * later searches run here without asking again; installing the plugin takes an API restart.
 */
let procedureMissing = false;

export interface InDatabaseQuery {
  /** Every visible User is looked up in the search's own statement. */
  fromIds: PathSources;
  toIds: string[];
  maxHops: number;
  first: number;
  types: readonly StakeholderType[];
  /** Sources preferred for some targets (a buying center's owner): their own `first` strongest paths are answered too. */
  preferred?: PreferredSources[];
  /** Also read the rows of the nodes on the paths found, in the same statement (a Bolt exchange less than reading them after). */
  withNodes?: boolean;
  /** The nodes the question names, looked up in the same statement; no search unless all are visible and usable. */
  endIds?: readonly string[];
}

/** Some of the sources, whose paths to some of the targets are wanted on their own. */
export interface PreferredSources {
  fromIds: string[];
  toIds: string[];
}

/** Per target, its paths from any source; and per preferred entry (same order), its paths from those sources. */
export interface InDatabaseAnswer {
  fromAll: Map<string, PathRow[]>;
  preferred: Map<string, PathRow[]>[];
  /** The visible nodes on the paths, by id, when asked `withNodes`; else empty. */
  nodes: Map<string, EntityRow>;
  /** The visible nodes of `endIds`, by id. */
  ends: Map<string, EndRow>;
}

/**
 * Per target, its `first` strongest paths from any of `fromIds` (ranked by comparePaths), and from
 * each preferred set for the targets it names, all in one statement; undefined when the database
 * has no xrm.strongestPathsToEach, so the caller searches itself.
 */
export async function searchInDatabase(db: Reader, query: InDatabaseQuery): Promise<InDatabaseAnswer | undefined> {
  if (procedureMissing) return undefined;
  let answered: { ends: EndRow[]; paths: (PathRow & { toId: string; preferred: number | null })[]; nodes: EntityRow[] };
  try {
    [answered] = await db.read(PATHS_IN_DATABASE, {
      fromIds: query.fromIds === EVERY_USER ? null : query.fromIds,
      toIds: query.toIds,
      maxHops: param.integer(query.maxHops),
      first: param.integer(query.first),
      types: [...query.types],
      preferred: query.preferred ?? [],
      withNodes: query.withNodes ?? false,
      endIds: [...new Set(query.endIds ?? [])],
    });
  } catch (error) {
    if ((error as { code?: unknown }).code !== PROCEDURE_NOT_FOUND) throw error;
    procedureMissing = true;
    return undefined;
  }
  const byTarget = (toIds: string[]) => new Map<string, PathRow[]>(toIds.map((id) => [id, []]));
  const answer: InDatabaseAnswer = {
    fromAll: byTarget(query.toIds),
    preferred: (query.preferred ?? []).map((entry) => byTarget(entry.toIds)),
    nodes: new Map(answered.nodes.map((node) => [node.id, node])),
    ends: new Map(answered.ends.map((end) => [end.id, end])),
  };
  for (const { toId, preferred, ...path } of answered.paths) (preferred === null ? answer.fromAll : answer.preferred[preferred]).get(toId)!.push(path);
  for (const map of [answer.fromAll, ...answer.preferred]) for (const paths of map.values()) paths.sort(comparePaths);
  return answer;
}
