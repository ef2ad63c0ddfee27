import type { Reader } from '../neo4j/database';
import { param } from '../neo4j/values';
import { PAGE_OF, paginate, type Connection, type PageArgs } from '../graphql/pagination';
import { ENTITY_ROW, type EntityRow } from '../nodes/entity-row';
import { VISIBLE } from '../nodes/visibility';

export interface OpportunityFilter {
  stages?: string[] | null;
  accountId?: string | null;
  ownerId?: string | null;
  closesFrom?: string | null;
  closesTo?: string | null;
}

/** Expected close date first (undated last), then id, so pages never split or repeat. */
export const OPPORTUNITY_ORDER = (o: string) => `${o}.expectedCloseDate IS NULL, ${o}.expectedCloseDate, ${o}.id`;

const LIST_OPPORTUNITIES = `
MATCH (o:Opportunity)
WHERE ${VISIBLE('o')}
  AND ($stages IS NULL OR o.stage IN $stages)
  AND ($accountId IS NULL OR EXISTS { MATCH (o)-[:FOR_ACCOUNT]->(a:Entity:Organization {id: $accountId}) WHERE ${VISIBLE('a')} })
  AND ($ownerId IS NULL OR EXISTS { MATCH (u:Entity:User {id: $ownerId})-[:OWNS]->(o) WHERE ${VISIBLE('u')} })
  AND ($closesFrom IS NULL OR o.expectedCloseDate >= $closesFrom)
  AND ($closesTo IS NULL OR o.expectedCloseDate <= $closesTo)
WITH o ORDER BY ${OPPORTUNITY_ORDER('o')}
WITH collect(o) AS matching
RETURN ${PAGE_OF('matching', ENTITY_ROW)}`;

/** One page of the visible opportunities matching every given criterion (a hidden account or owner matches nothing). */
export function listOpportunities(db: Reader, filter: OpportunityFilter | null | undefined, page: PageArgs): Promise<Connection<EntityRow>> {
  return paginate(page, async (window) => {
    const [row] = await db.read<{ total: number; page: EntityRow[] }>(LIST_OPPORTUNITIES, {
      stages: filter?.stages ?? null,
      accountId: filter?.accountId ?? null,
      ownerId: filter?.ownerId ?? null,
      closesFrom: filter?.closesFrom ? param.date(filter.closesFrom) : null,
      closesTo: filter?.closesTo ? param.date(filter.closesTo) : null,
      ...window,
    });
    return row;
  });
}
