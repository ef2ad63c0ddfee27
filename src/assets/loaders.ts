import type { Reader } from '../neo4j/database';
import { loaderById } from '../graphql/loader-by-id';
import { ENTITY_ROW, type EntityRow } from '../nodes/entity-row';
import { VISIBLE } from '../nodes/visibility';

// Fixed patterns, never user input; `x` is what each id gets.
const oneOf = (pattern: string) => `
UNWIND $ids AS id
CALL (id) {
  MATCH ${pattern} WHERE ${VISIBLE('x')}
  RETURN x ORDER BY x.id LIMIT 1
}
RETURN id, ${ENTITY_ROW('x')} AS node`;

const listOf = (pattern: string, order: string) => `
UNWIND $ids AS id
RETURN id, COLLECT {
  MATCH ${pattern} WHERE ${VISIBLE('x')}
  WITH DISTINCT x ORDER BY ${order}
  RETURN ${ENTITY_ROW('x')}
} AS nodes`;

const ASSETS_OF_OPERATOR = listOf('(:Entity {id: id})-[:OPERATES]->(x:Asset)', 'x.installedAt, x.key, x.id');
const OPERATOR = oneOf('(x:Organization)-[:OPERATES]->(:Entity {id: id})');
const PRODUCT = oneOf('(:Entity {id: id})-[:OF_PRODUCT]->(x:Product)');
const MAINTAINERS = listOf('(x:Organization)-[:MAINTAINS]->(:Entity {id: id})', 'x.name, x.id');
const CASES = listOf('(x:Case)-[:CONCERNS]->(:Entity {id: id})', 'x.openedAt DESC, x.id');
const ASSET_OF_CASE = oneOf('(:Entity {id: id})-[:CONCERNS]->(x:Asset)');

const single = (db: Reader, cypher: string) => loaderById<EntityRow | null>(db, cypher, 'node', null);
const list = (db: Reader, cypher: string) => loaderById<EntityRow[]>(db, cypher, 'nodes', []);

/** The installed base around assets, organizations and cases: one query per batch each. */
export function createAssetLoaders(db: Reader) {
  return {
    assetsByOperatorId: list(db, ASSETS_OF_OPERATOR),
    operatorByAssetId: single(db, OPERATOR),
    productByAssetId: single(db, PRODUCT),
    maintainersByAssetId: list(db, MAINTAINERS),
    casesByAssetId: list(db, CASES),
    assetByCaseId: single(db, ASSET_OF_CASE),
  };
}
