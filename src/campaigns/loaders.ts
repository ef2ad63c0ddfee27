import type { Reader } from '../neo4j/database';
import { loaderById } from '../graphql/loader-by-id';
import { PAGE_OF, type PageRows, type PageWindow } from '../graphql/pagination';
import { param } from '../neo4j/values';
import { ENTITY_ROW, type EntityRow } from '../nodes/entity-row';
import { VISIBLE } from '../nodes/visibility';

const OWNER_BY_CAMPAIGN_ID = `
UNWIND $ids AS id
MATCH (u:User)-[:OWNS]->(c:Campaign {id: id})
WHERE ${VISIBLE('u')} AND ${VISIBLE('c')}
RETURN id, ${ENTITY_ROW('u')} AS owner`;

const CAMPAIGN_BY_OPPORTUNITY_ID = `
UNWIND $ids AS id
MATCH (d:Opportunity {id: id})-[:SOURCED_FROM]->(c:Campaign)
WHERE ${VISIBLE('d')} AND ${VISIBLE('c')}
RETURN id, ${ENTITY_ROW('c')} AS campaign`;

/** A campaign's owner and a deal's campaign, one query per batch. */
export function createCampaignLoaders(db: Reader) {
  return {
    ownerByCampaignId: loaderById<EntityRow | null>(db, OWNER_BY_CAMPAIGN_ID, 'owner', null),
    campaignByOpportunityId: loaderById<EntityRow | null>(db, CAMPAIGN_BY_OPPORTUNITY_ID, 'campaign', null),
  };
}

const CAMPAIGNS = `
MATCH (c:Campaign) WHERE ${VISIBLE('c')}
WITH c ORDER BY c.startsAt IS NULL, c.startsAt DESC, c.name, c.id
WITH collect(c) AS campaigns
RETURN ${PAGE_OF('campaigns', ENTITY_ROW)}`;

/** One page of all campaigns, newest start first (unplanned last), then by name. */
export async function campaignsPage(db: Reader, window: PageWindow): Promise<PageRows<EntityRow>> {
  const [row] = await db.read<PageRows<EntityRow>>(CAMPAIGNS, { offset: param.integer(window.offset), first: param.integer(window.first) });
  return row;
}
