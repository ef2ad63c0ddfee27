import { notFound } from '../graphql/errors';
import type { Reader } from '../neo4j/database';
import { TYPENAME, type EntityRow } from '../nodes/entity-row';
import { USABLE, VISIBLE } from '../nodes/visibility';
import { isRestricted } from '../privacy';

/** What a path question needs of a node it names (an end, a user to start from): enough to refuse it. */
export interface EndRow {
  id: string;
  __typename: EntityRow['__typename'];
  /** True for a person whose processing is restricted (privacy's isRestricted). */
  restricted: boolean | null;
}

/** Cypher map projection of node `e` as an EndRow. */
export const END_ROW = (e: string) => `${e} { .id, .restricted, __typename: ${TYPENAME(e)} }`;

/** Cypher: the visible nodes of `$endIds` as EndRows, in a list `ends` (a subquery's clauses). */
export const ENDS_OF = `
  MATCH (e:Entity) WHERE e.id IN $endIds AND ${VISIBLE('e')}
  RETURN collect(${END_ROW('e')}) AS ends`;

/**
 * Cypher: whether a search is worth running for `ends` (found from `$endIds`, distinct): every
 * end visible and usable. When not, the question is refused anyway (requireEnds, refuseRestrictedEnds).
 */
export const ENDS_USABLE = (ends: string) => `size(${ends}) = size($endIds) AND all(e IN ${ends} WHERE ${USABLE('e')})`;

const ENDS = `CALL () {${ENDS_OF}
}
RETURN ends`;

/** The visible nodes among `ids`, by id (where the search cannot look them up in its own statement). */
export async function pathEnds(db: Reader, ids: readonly string[]): Promise<Map<string, EndRow>> {
  const [{ ends }] = await db.read<{ ends: EndRow[] }>(ENDS, { endIds: [...new Set(ids)] });
  return new Map(ends.map((end) => [end.id, end]));
}

/** The TypeScript twin of ENDS_USABLE. */
export const endsUsable = (ids: readonly string[], ends: Map<string, EndRow>) => ids.every((id) => ends.has(id) && !isRestricted(ends.get(id)!));

/** The rows of `ids` in order; NOT_FOUND for the first one that is not among `ends` (unknown or hidden). */
export function requireEnds(ends: Map<string, EndRow>, ids: readonly string[]): EndRow[] {
  return ids.map((id) => {
    const end = ends.get(id);
    if (!end) throw notFound('node', id);
    return end;
  });
}
