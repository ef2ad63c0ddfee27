import type { Reader } from '../neo4j/database';
import { pageLoader, type PageFilterArgs } from '../graphql/page-loader';
import { PAGE_OF } from '../graphql/pagination';
import { ENTITY_ROW, type EntityRow } from '../nodes/entity-row';
import { VISIBLE } from '../nodes/visibility';
import { OPPORTUNITY_ORDER } from './list-opportunities';
import { loaderById } from '../graphql/loader-by-id';

/** The account and owner of an opportunity. */
export interface OpportunityParties {
  account: EntityRow | null;
  owner: EntityRow | null;
}

const PARTIES_BY_OPPORTUNITY_ID = `
UNWIND $ids AS id
MATCH (o:Entity:Opportunity {id: id})
OPTIONAL MATCH (o)-[:FOR_ACCOUNT]->(a:Organization) WHERE ${VISIBLE('a')}
OPTIONAL MATCH (u:User)-[:OWNS]->(o) WHERE ${VISIBLE('u')}
WITH id, head(collect(DISTINCT a)) AS a, head(collect(DISTINCT u)) AS u
RETURN id, ${ENTITY_ROW('a')} AS account, ${ENTITY_ROW('u')} AS owner`;

export interface PersonBuyingRoleRow {
  opportunity: EntityRow;
  roles: string[];
  stance: string;
}

const BUYING_ROLES_BY_PERSON_ID = `
UNWIND $ids AS id
MATCH (p:Entity:Person {id: id})
CALL (p) {
  OPTIONAL MATCH (p)-[r:BUYING_ROLE]->(o:Opportunity) WHERE ${VISIBLE('o')}
  WITH o, r ORDER BY ${OPPORTUNITY_ORDER('o')}
  RETURN collect(CASE WHEN o IS NULL THEN null ELSE
    {opportunity: ${ENTITY_ROW('o')}, roles: coalesce(r.roles, []), stance: coalesce(r.stance, 'UNKNOWN')} END) AS seats
}
RETURN id, seats`;

/**
 * The clauses of a `CALL (…) { … }` subquery answering the PageRows `total, page` of the
 * opportunities `pattern` finds as `o`: the visible ones, in `$stages` when given, in
 * OPPORTUNITY_ORDER, the window `$offset`, `$first`.
 */
const OPPORTUNITY_PAGE = (pattern: string) => `
  OPTIONAL MATCH ${pattern}
  WHERE ($stages IS NULL OR o.stage IN $stages) AND ${VISIBLE('o')}
  WITH o ORDER BY ${OPPORTUNITY_ORDER('o')}
  WITH collect(o) AS matching
  RETURN ${PAGE_OF('matching', ENTITY_ROW)}`;

/** OPPORTUNITY_PAGE of account `a`: what Organization.opportunities answers. */
export const ACCOUNT_OPPORTUNITY_PAGE = (a: string) => OPPORTUNITY_PAGE(`(o:Opportunity)-[:FOR_ACCOUNT]->(${a})`);

const pagedOpportunities = (parent: string, page: string) => `
UNWIND $ids AS id
MATCH (${parent} {id: id})
CALL (${parent.split(':')[0]}) {${page}
}
RETURN id, total, page`;

const OPPORTUNITIES_BY_ACCOUNT_ID = pagedOpportunities('a:Entity:Organization', ACCOUNT_OPPORTUNITY_PAGE('a'));
const OPPORTUNITIES_BY_OWNER_ID = pagedOpportunities('u:Entity:User', OPPORTUNITY_PAGE('(u)-[:OWNS]->(o:Opportunity)'));

/** The page arguments of Organization.opportunities and User.opportunities. */
export interface OpportunityPageArgs {
  stages?: readonly string[] | null;
  first: number;
  after?: string | null;
}

/** The arguments the opportunities loaders key a page by (with the parent's id): `stages` null when not given. */
export const opportunityPageArgs = ({ stages, ...page }: OpportunityPageArgs): PageFilterArgs => ({ ...page, stages: stages ?? null });

export function createOpportunityLoaders(db: Reader) {
  return {
    partiesByOpportunityId: loaderById<OpportunityParties>(
      db,
      PARTIES_BY_OPPORTUNITY_ID,
      (row) => ({ account: row.account as EntityRow | null, owner: row.owner as EntityRow | null }),
      { account: null, owner: null },
    ),
    buyingRolesByPersonId: loaderById<PersonBuyingRoleRow[]>(db, BUYING_ROLES_BY_PERSON_ID, 'seats', []),
    opportunitiesByAccountId: pageLoader(db, OPPORTUNITIES_BY_ACCOUNT_ID),
    opportunitiesByOwnerId: pageLoader(db, OPPORTUNITIES_BY_OWNER_ID),
  };
}
