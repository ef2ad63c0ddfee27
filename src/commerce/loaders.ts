import DataLoader from 'dataloader';
import type { Reader } from '../neo4j/database';
import { ENTITY_ROW, type EntityRow } from '../nodes/entity-row';
import { VISIBLE } from '../nodes/visibility';
import { loaderById } from '../graphql/loader-by-id';
import { pageLoader } from '../graphql/page-loader';
import { PAGE_OF } from '../graphql/pagination';

export interface OrderLineRow {
  product: EntityRow;
  quantity: number;
  amount: number;
}

export interface RevenueRequest {
  id: string;
  from: string;
  to: string;
}

const relatedProductsCypher = (pattern: string) => `
UNWIND $ids AS id
MATCH (p:Product {id: id})
RETURN id, COLLECT { MATCH ${pattern} WHERE ${VISIBLE('other')} WITH DISTINCT other ORDER BY other.sku, other.id RETURN ${ENTITY_ROW('other')} } AS products`;

// Fixed patterns, never user input.
const UPGRADES = relatedProductsCypher('(other:Product)-[:UPGRADE_OF]->(p)');
const UPGRADE_OF = relatedProductsCypher('(p)-[:UPGRADE_OF]->(other:Product)');
const COMPLEMENTS = relatedProductsCypher('(p)-[:COMPLEMENTS]-(other:Product)');

const ORDER_LINES = `
UNWIND $ids AS id
MATCH (o:Order {id: id})
RETURN id, COLLECT {
  MATCH (o)-[c:CONTAINS]->(p:Product) WHERE ${VISIBLE('p')}
  WITH c, p ORDER BY p.sku, p.id
  RETURN {product: ${ENTITY_ROW('p')}, quantity: c.quantity, amount: c.amount}
} AS lines`;

const ACCOUNTS_OF_ORDERS = `
UNWIND $ids AS id
MATCH (a:Organization)-[:PLACED]->(:Order {id: id}) WHERE ${VISIBLE('a')}
RETURN id, ${ENTITY_ROW('a')} AS account`;

const ORDERS_BY_ORGANIZATION_ID = `
UNWIND $ids AS id
MATCH (a:Organization {id: id})
CALL (a) {
  OPTIONAL MATCH (a)-[:PLACED]->(o:Order) WHERE ${VISIBLE('o')}
  WITH o ORDER BY o.date DESC, o.number, o.id
  WITH collect(o) AS orders
  RETURN ${PAGE_OF('orders', ENTITY_ROW)}
}
RETURN id, total, page`;

const REVENUE_OF_ORGANIZATIONS = `
UNWIND $requests AS req
OPTIONAL MATCH (:Organization {id: req.id})-[:PLACED]->(o:Order)
  WHERE date(req.from) <= o.date <= date(req.to) AND ${VISIBLE('o')}
RETURN req.key AS key, sum(o.amount) AS revenue`;

const requestKey = (request: object) => JSON.stringify(request);

/** Products, order lines, an organization's orders (paged) and revenue: one query per batch each. */
export function createCommerceLoaders(db: Reader) {
  return {
    upgradesByProductId: loaderById<EntityRow[]>(db, UPGRADES, 'products', []),
    upgradeOfByProductId: loaderById<EntityRow[]>(db, UPGRADE_OF, 'products', []),
    complementsByProductId: loaderById<EntityRow[]>(db, COMPLEMENTS, 'products', []),
    linesByOrderId: loaderById<OrderLineRow[]>(db, ORDER_LINES, 'lines', []),
    accountByOrderId: loaderById<EntityRow | null>(db, ACCOUNTS_OF_ORDERS, 'account', null),
    ordersByOrganizationId: pageLoader(db, ORDERS_BY_ORGANIZATION_ID),
    revenueByOrganizationId: new DataLoader<RevenueRequest, number, string>(
      async (requests) => {
        const rows = await db.read<{ key: string; revenue: number }>(REVENUE_OF_ORGANIZATIONS, {
          requests: requests.map((r) => ({ ...r, key: requestKey(r) })),
        });
        const map = new Map(rows.map((row) => [row.key, row.revenue]));
        return requests.map((r) => map.get(requestKey(r)) ?? 0);
      },
      { cacheKeyFn: requestKey },
    ),
  };
}
