import { conflict, notFound } from '../graphql/errors';
import type { Tx } from '../neo4j/database';
import { param } from '../neo4j/values';
import type { EntityRow } from '../nodes/entity-row';
import { deleteEntity } from '../nodes/entity-writes';

/** Creates a product from validated input; `key` is the optional external id. */
// The SET locks the product: an order being placed for it concurrently waits, then is counted.
const LOCK_AND_COUNT_ORDERS = `
MATCH (p:Product {id: $id})
SET p.updatedAt = $now
RETURN COUNT { (:Order)-[:CONTAINS]->(p) } AS orders`;

/** Deletes a product unless an order contains it: order history must keep its lines. */
export async function deleteProduct(tx: Tx, id: string): Promise<EntityRow> {
  const [row] = await tx.run<{ orders: number }>(LOCK_AND_COUNT_ORDERS, { id, now: param.now() });
  if (!row) throw notFound('Product', id);
  if (row.orders > 0) {
    throw conflict(`Product ${id} is on ${row.orders} order(s) and cannot be deleted; rename it or mark it discontinued instead.`, { id });
  }
  return deleteEntity(tx, 'Product', id);
}
