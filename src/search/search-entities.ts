import { badUserInput } from '../graphql/errors';
import type { Reader } from '../neo4j/database';
import { param } from '../neo4j/values';
import { NODE_LABELS, isNodeLabel } from '../model/graph-model';
import { ENTITY_ROW, type EntityRow } from '../nodes/entity-row';
import { VISIBLE } from '../nodes/visibility';
import { luceneQuery } from './lucene-query';

export interface SearchHitRow {
  node: EntityRow;
  score: number;
}

const SEARCH = `
CALL db.index.fulltext.queryNodes('entity_search', $query) YIELD node, score
WHERE ($types IS NULL OR any(label IN labels(node) WHERE label IN $types)) AND ${VISIBLE('node')}
RETURN ${ENTITY_ROW('node')} AS node, score
ORDER BY score DESC, node.id
LIMIT $first`;

/** Full-text search over the `entity_search` index, best first (ties by id); hidden nodes are never hits. */
export async function searchEntities(db: Reader, text: string, types: readonly string[] | null | undefined, first: number): Promise<SearchHitRow[]> {
  const unknown = (types ?? []).filter((type) => !isNodeLabel(type));
  if (unknown.length) throw badUserInput(`Unknown types ${JSON.stringify(unknown)}; use any of ${NODE_LABELS.join(', ')}.`);
  const query = luceneQuery(text);
  if (query === null) return [];
  return db.read<SearchHitRow>(SEARCH, { query, types: types?.length ? types : null, first: param.integer(first) });
}
