import type { Reader } from '../neo4j/database';
import { param } from '../neo4j/values';
import type { NodeLabel } from '../model/graph-model';
import { WHOLE_NODE, type EntityRow, type NodeProjection } from '../nodes/entity-row';
import { VISIBLE } from '../nodes/visibility';
import { offsetAfter, paginate, toUncountedConnection, type Connection, type PageArgs } from './pagination';

/** How one root list of nodes filters and orders; every piece is a constant of the calling area. */
export interface ListSpec<Filter, Order extends string> {
  label: NodeLabel;
  /**
   * One Cypher condition over `n` per filter field; the field's value travels as the parameter of
   * the same name. A condition that walks to another node keeps to visible ones (VISIBLE).
   */
  conditions: { [K in keyof Filter]-?: string };
  /** ORDER BY terms over `n` per order value; `n.id` is always appended as the tie-break. */
  orders: Record<Order, string | IndexedOrder>;
  defaultOrder: Order;
}

/**
 * An order a range index serves: its ORDER BY `terms`, and the `indexed` property (of `n`) they
 * start with. Given a condition on that property, Neo4j reads the index in order and stops after
 * the page instead of sorting every match; every node listed must have the property.
 */
export interface IndexedOrder {
  terms: string;
  indexed: string;
}

/** ORDER BY by name, case-insensitive: by the nameKey every listed label keeps (src/model/name-key.ts). */
export const BY_NAME_KEY = {
  ASC: { terms: 'n.nameKey ASC', indexed: 'n.nameKey' },
  DESC: { terms: 'n.nameKey DESC', indexed: 'n.nameKey' },
} as const satisfies Record<string, IndexedOrder>;

export interface ListArgs<Filter, Order> extends PageArgs {
  filter?: Filter | null;
  orderBy?: Order[] | null;
  /** Whether to count every match for totalCount (default true); counting 15,000 organizations cost a quarter of a page of 50. */
  counted?: boolean;
}

/**
 * One page of the nodes matching every given filter field, in the requested order, with the
 * total unless `counted` is false (then one row more tells hasNextPage), in one round trip. The
 * order always ends with `n.id`, so equal sort values keep one order and offset cursors never skip
 * or repeat. `projection` turns each node into its row.
 */
export async function listPage<Filter extends object, Order extends string>(
  db: Reader,
  spec: ListSpec<Filter, Order>,
  { filter, orderBy, counted = true, ...page }: ListArgs<Filter, Order>,
  projection: NodeProjection = WHOLE_NODE,
): Promise<Connection<EntityRow>> {
  const given = Object.entries(filter ?? {}).filter(([, value]) => value !== null && value !== undefined) as [keyof Filter, unknown][];
  const orders = (orderBy?.length ? orderBy : [spec.defaultOrder]).map((o) => spec.orders[o]);
  const inIndexOrder = typeof orders[0] === 'string' ? [] : [`${orders[0].indexed} IS NOT NULL`];
  const where = `WHERE ${[VISIBLE('n'), ...inIndexOrder, ...given.map(([name]) => spec.conditions[name])].join(' AND ')}`;
  const order = [...orders.map((o) => (typeof o === 'string' ? o : o.terms)), 'n.id'].join(', ');
  const params = (offset: number, first: number) => ({
    ...projection.params,
    ...Object.fromEntries(given),
    offset: param.integer(offset),
    first: param.integer(first),
  });
  if (!counted) {
    const offset = offsetAfter(page.after);
    const [row] = await db.read<{ page: EntityRow[] }>(PAGE(spec.label, where, order, projection), params(offset, page.first + 1));
    return toUncountedConnection(row.page, offset, page.first);
  }
  const cypher = `
CALL () { MATCH (n:${spec.label}) ${where} RETURN count(n) AS total }
CALL () { ${PAGE(spec.label, where, order, projection)} }
RETURN total, page`;
  return paginate(page, async ({ offset, first }) => {
    const [row] = await db.read<{ total: number; page: EntityRow[] }>(cypher, params(offset, first));
    return row;
  });
}

/** The window $offset…$first of the matches in `order`, as rows. */
const PAGE = (label: NodeLabel, where: string, order: string, projection: NodeProjection) => `
  MATCH (n:${label}) ${where}
  WITH n ORDER BY ${order} SKIP $offset LIMIT $first
  RETURN collect(${projection.row('n')}) AS page`;
