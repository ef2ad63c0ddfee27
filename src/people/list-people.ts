import type { Reader } from '../neo4j/database';
import type { PersonFilter, PersonOrder } from '../generated/graphql';
import { BY_NAME_KEY, listPage, type IndexedOrder, type ListArgs } from '../graphql/list-page';
import type { NodeProjection } from '../nodes/entity-row';
import { VISIBLE } from '../nodes/visibility';

const ORDER: Record<PersonOrder, string | IndexedOrder> = {
  NAME_ASC: BY_NAME_KEY.ASC,
  NAME_DESC: BY_NAME_KEY.DESC,
  CREATED_AT_ASC: 'n.createdAt ASC',
  CREATED_AT_DESC: 'n.createdAt DESC',
  UPDATED_AT_DESC: 'n.updatedAt DESC',
  TITLE_ASC: 'toLower(n.title) ASC',
};

/** One condition per filter field; every value travels as a parameter. A hidden node named by a filter matches nothing. */
const CONDITIONS: { [K in keyof PersonFilter]-?: string } = {
  nameContains: 'toLower(n.name) CONTAINS toLower($nameContains)',
  kinds: 'any(kind IN coalesce(n.kinds, []) WHERE kind IN $kinds)',
  worksAt: `EXISTS { MATCH (n)-[:WORKS_AT]->(o:Organization {id: $worksAt}) WHERE ${VISIBLE('o')} }`,
  titleContains: 'toLower(n.title) CONTAINS toLower($titleContains)',
  // E-mails are stored lower-cased (model/properties.ts).
  email: 'n.email = toLower($email)',
  seniority: 'n.seniority = $seniority',
  city: 'toLower(n.city) = toLower($city)',
};

/** A page of people matching every given filter field, in the requested order (name by default), each node as `projection` makes it. */
export function listPeople(db: Reader, args: ListArgs<PersonFilter, PersonOrder>, projection?: NodeProjection) {
  return listPage(db, { label: 'Person', conditions: CONDITIONS, orders: ORDER, defaultOrder: 'NAME_ASC' }, args, projection);
}
