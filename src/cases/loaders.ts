import type { Reader } from '../neo4j/database';
import { ENTITY_ROW, type EntityRow } from '../nodes/entity-row';
import { VISIBLE } from '../nodes/visibility';
import { loaderById } from '../graphql/loader-by-id';

const neighbourOfCase = (pattern: string) => `
UNWIND $ids AS id
MATCH ${pattern} WHERE ${VISIBLE('x')}
RETURN id, ${ENTITY_ROW('x')} AS node`;

// Fixed patterns, never user input.
const RAISED_BY = neighbourOfCase('(:Case {id: id})-[:RAISED_BY]->(x)');
const PRODUCT = neighbourOfCase('(:Case {id: id})-[:CONCERNS]->(x:Product)');
const ASSIGNEE = neighbourOfCase('(x:User)-[:ASSIGNED_TO]->(:Case {id: id})');

const neighbourLoader = (db: Reader, cypher: string) => loaderById<EntityRow | null>(db, cypher, 'node', null);

/** Who raised a case, what it concerns, who works on it: one query per batch each. */
export function createCaseLoaders(db: Reader) {
  return {
    raiserByCaseId: neighbourLoader(db, RAISED_BY),
    productByCaseId: neighbourLoader(db, PRODUCT),
    assigneeByCaseId: neighbourLoader(db, ASSIGNEE),
  };
}
