import type { Reader } from '../neo4j/database';
import { loaderById } from '../graphql/loader-by-id';
import { ENTITY_ROW, type EntityRow } from '../nodes/entity-row';
import { VISIBLE } from '../nodes/visibility';

const TARGETS_OF_USER = `
UNWIND $ids AS id
RETURN id, COLLECT {
  MATCH (:Entity {id: id})-[:HAS_TARGET]->(t:SalesTarget) WHERE ${VISIBLE('t')}
  WITH t ORDER BY t.period, t.id
  RETURN ${ENTITY_ROW('t')}
} AS targets`;

const USER_OF_TARGET = `
UNWIND $ids AS id
MATCH (u:User)-[:HAS_TARGET]->(:Entity {id: id}) WHERE ${VISIBLE('u')}
RETURN id, ${ENTITY_ROW('u')} AS user`;

/** Sales targets per user and the user of a target: one query per batch each. */
export function createForecastLoaders(db: Reader) {
  return {
    salesTargetsByUserId: loaderById<EntityRow[]>(db, TARGETS_OF_USER, 'targets', []),
    userBySalesTargetId: loaderById<EntityRow | null>(db, USER_OF_TARGET, 'user', null),
  };
}
