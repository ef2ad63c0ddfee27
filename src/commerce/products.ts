import { conflict, notFound } from '../graphql/errors';
import type { Database } from '../neo4j/database';
import { param } from '../neo4j/values';
import { ENTITY_ROW, type EntityRow } from '../nodes/entity-row';
import { createEntity, updateEntity } from '../nodes/entity-writes';

/** Creates a product from validated input; `key` is the optional external id. */
export function createProduct(db: Database, input: Record<string, unknown>): Promise<EntityRow> {
  const { key, ...properties } = input;
  return createEntity(db, 'Product', properties, key as string | null | undefined);
}

export function updateProduct(db: Database, id: string, input: Record<string, unknown>): Promise<EntityRow> {
  return updateEntity(db, 'Product', id, input);
}

// The SET locks the product: an order being placed for it concurrently waits, then is counted.
const LOCK_AND_COUNT_ORDERS = `
MATCH (p:Product {id: $id})
SET p.updatedAt = $now
RETURN COUNT { (:Order)-[:CONTAINS]->(p) } AS orders`;

const DELETE_PRODUCT = `
MATCH (p:Product {id: $id})
WITH p, ${ENTITY_ROW('p')} AS node
DETACH DELETE p
RETURN node`;

/** Deletes a product unless an order contains it: order history must keep its lines. */
export function deleteProduct(db: Database, id: string): Promise<EntityRow> {
  return db.writeTransaction(async (tx) => {
    const [row] = await tx.run<{ orders: number }>(LOCK_AND_COUNT_ORDERS, { id, now: param.dateTime(new Date().toISOString()) });
    if (!row) throw notFound('Product', id);
    if (row.orders > 0) {
      throw conflict(`Product ${id} is on ${row.orders} order(s) and cannot be deleted; rename it or mark it discontinued instead.`, { id });
    }
    const [deleted] = await tx.run<{ node: EntityRow }>(DELETE_PRODUCT, { id });
    return deleted.node;
  });
}
