import type { Reader } from '../neo4j/database';
import { ENTITY_ROW, type EntityRow } from '../nodes/entity-row';
import { VISIBLE } from '../nodes/visibility';

export interface AlternativeRow {
  product: EntityRow;
  kind: 'UPGRADE' | 'COMPLEMENT';
}

const ALTERNATIVES_FOR = `
MATCH (p:Product {id: $productId}) WHERE ${VISIBLE('p')}
CALL (p) {
  MATCH (other:Product)-[:UPGRADE_OF]->(p) WHERE ${VISIBLE('other')}
  RETURN DISTINCT other, 'UPGRADE' AS kind, 0 AS rank
  UNION
  MATCH (p)-[:COMPLEMENTS]-(other:Product) WHERE ${VISIBLE('other')}
  RETURN DISTINCT other, 'COMPLEMENT' AS kind, 1 AS rank
}
RETURN ${ENTITY_ROW('other')} AS product, kind
ORDER BY rank, other.sku, other.id`;

/** What the call center can offer for a product: its upgrades first, then its complements, each by SKU. */
export function alternativesFor(db: Reader, productId: string): Promise<AlternativeRow[]> {
  return db.read<AlternativeRow>(ALTERNATIVES_FOR, { productId });
}
