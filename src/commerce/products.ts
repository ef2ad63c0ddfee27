import { conflict } from '../graphql/errors';
import type { Database } from '../neo4j/database';
import type { EntityRow } from '../nodes/entity-row';
import { createEntity, deleteEntity, updateEntity } from '../nodes/entity-writes';

/** Creates a product from validated input; `key` is the optional external id. */
export function createProduct(db: Database, input: Record<string, unknown>): Promise<EntityRow> {
  const { key, ...properties } = input;
  return createEntity(db, 'Product', properties, key as string | null | undefined);
}

export function updateProduct(db: Database, id: string, input: Record<string, unknown>): Promise<EntityRow> {
  return updateEntity(db, 'Product', id, input);
}

const ORDERS_CONTAINING = `
MATCH (p:Product {id: $id})
RETURN COUNT { (:Order)-[:CONTAINS]->(p) } AS orders`;

/** Deletes a product unless an order contains it: order history must keep its lines. */
export async function deleteProduct(db: Database, id: string): Promise<EntityRow> {
  const [row] = await db.read<{ orders: number }>(ORDERS_CONTAINING, { id });
  if (row && row.orders > 0) {
    throw conflict(`Product ${id} is on ${row.orders} order(s) and cannot be deleted; rename it or mark it discontinued instead.`, { id });
  }
  return deleteEntity(db, 'Product', id);
}
