import type { Reader } from '../neo4j/database';
import { param } from '../neo4j/values';
import type { NodeLabel } from '../model/graph-model';
import { ENTITY_ROW, type EntityRow } from '../nodes/entity-row';
import { offsetAfter, toConnection, type Connection } from './pagination';

export interface ListPageQuery {
  label: NodeLabel;
  /** Cypher conditions over `n`, ANDed; built by the caller from constants, values in `params`. */
  where: string[];
  params: Record<string, unknown>;
  /** ORDER BY terms over `n` from the caller's enum table; `n.id` is always appended as the tie-break. */
  order: string[];
  first: number;
  after?: string | null;
}

/**
 * One page of a filtered, ordered node list with its total, in one round trip. The order always
 * ends with `n.id`, so equal sort values keep one order and offset cursors never skip or repeat.
 */
export async function listPage(db: Reader, query: ListPageQuery): Promise<Connection<EntityRow>> {
  const offset = offsetAfter(query.after);
  const where = query.where.length ? `WHERE ${query.where.join(' AND ')}` : '';
  const order = [...query.order, 'n.id'].join(', ');
  const cypher = `
CALL () { MATCH (n:${query.label}) ${where} RETURN count(n) AS total }
CALL () {
  MATCH (n:${query.label}) ${where}
  WITH n ORDER BY ${order} SKIP $offset LIMIT $first
  RETURN collect(${ENTITY_ROW('n')}) AS page
}
RETURN total, page`;
  const [row] = await db.read<{ total: number; page: EntityRow[] }>(cypher, {
    ...query.params,
    offset: param.integer(offset),
    first: param.integer(query.first),
  });
  return toConnection(row.page, offset, row.total);
}
