import type { Reader } from '../neo4j/database';
import type { OrganizationFilter, OrganizationOrder } from '../generated/graphql';
import { BY_NAME_KEY, listPage, type IndexedOrder, type ListArgs } from '../graphql/list-page';
import type { NodeProjection } from '../nodes/entity-row';
import { VISIBLE } from '../nodes/visibility';

/** ORDER BY terms per enum value; DESC on numbers puts missing values last. */
const ORDER: Record<OrganizationOrder, string | IndexedOrder> = {
  NAME_ASC: BY_NAME_KEY.ASC,
  NAME_DESC: BY_NAME_KEY.DESC,
  CREATED_AT_ASC: 'n.createdAt ASC',
  CREATED_AT_DESC: 'n.createdAt DESC',
  UPDATED_AT_DESC: 'n.updatedAt DESC',
  EMPLOYEES_ASC: 'n.employees ASC',
  EMPLOYEES_DESC: 'coalesce(n.employees, -1) DESC',
  ANNUAL_REVENUE_DESC: 'coalesce(n.annualRevenue, -1) DESC',
  CITY_ASC: 'toLower(n.city) ASC',
};

/** One condition per filter field; every value travels as a parameter. A hidden node named by a filter matches nothing. */
const CONDITIONS: { [K in keyof OrganizationFilter]-?: string } = {
  kinds: 'any(kind IN coalesce(n.kinds, []) WHERE kind IN $kinds)',
  lifecycleStage: 'n.lifecycleStage = $lifecycleStage',
  tier: 'n.tier = $tier',
  country: 'toUpper(n.country) = toUpper($country)',
  city: 'toLower(n.city) = toLower($city)',
  region: 'toLower(n.region) = toLower($region)',
  industry: 'toLower(n.industry) = toLower($industry)',
  nameContains: 'toLower(n.name) CONTAINS toLower($nameContains)',
  employs: `EXISTS { MATCH (n)<-[:WORKS_AT]-(p:Person {id: $employs}) WHERE ${VISIBLE('p')} }`,
  manager: `EXISTS { MATCH (n)<-[:MANAGES]-(u:User {id: $manager}) WHERE ${VISIBLE('u')} }`,
  servedBy: `EXISTS { MATCH (n)<-[:SERVES]-(partner:Organization {id: $servedBy}) WHERE ${VISIBLE('partner')} }`,
};

/** A page of organizations matching every given filter field, in the requested order (name by default), each node as `projection` makes it. */
export function listOrganizations(db: Reader, args: ListArgs<OrganizationFilter, OrganizationOrder>, projection?: NodeProjection) {
  return listPage(db, { label: 'Organization', conditions: CONDITIONS, orders: ORDER, defaultOrder: 'NAME_ASC' }, args, projection);
}
