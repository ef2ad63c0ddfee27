import type { Reader } from '../neo4j/database';
import { loaderById } from '../graphql/loader-by-id';
import { pageLoader } from '../graphql/page-loader';
import { PAGE_OF } from '../graphql/pagination';
import { ENTITY_ROW, type EntityRow } from '../nodes/entity-row';
import { VISIBLE } from '../nodes/visibility';

export interface InteractionLinks {
  participants: EntityRow[];
  about: EntityRow[];
}

const LINKS_BY_INTERACTION_ID = `
UNWIND $ids AS id
MATCH (i:Entity:Interaction {id: id})
CALL (i) {
  OPTIONAL MATCH (p:Entity)-[:PARTICIPATED_IN]->(i) WHERE ${VISIBLE('p')}
  WITH DISTINCT p ORDER BY p.name, p.id
  RETURN collect(${ENTITY_ROW('p')}) AS participants
}
CALL (i) {
  OPTIONAL MATCH (i)-[:ABOUT]->(a:Entity) WHERE ${VISIBLE('a')}
  WITH DISTINCT a ORDER BY coalesce(a.name, a.subject), a.id
  RETURN collect(${ENTITY_ROW('a')}) AS about
}
RETURN id, participants, about`;

/** Newest first; the id breaks ties so pages never split or repeat. */
const pagedInteractions = (parent: string, matchInteractions: string) => `
UNWIND $ids AS id
MATCH (${parent} {id: id})
CALL (${parent.split(':')[0]}) {
  ${matchInteractions}
}
WITH id, i WHERE i IS NULL OR (($types IS NULL OR i.type IN $types) AND ${VISIBLE('i')})
WITH id, i ORDER BY i.occurredAt DESC, i.id
WITH id, collect(i) AS matching
RETURN id, ${PAGE_OF('matching', ENTITY_ROW)}`;

const INTERACTIONS_BY_ORGANIZATION_ID = pagedInteractions('a:Entity:Organization', `
  OPTIONAL MATCH (i:Interaction)-[:ABOUT]->(a) RETURN i
  UNION
  MATCH (i:Interaction)-[:ABOUT]->(o:Opportunity)-[:FOR_ACCOUNT]->(a) WHERE ${VISIBLE('o')} RETURN i
  UNION
  MATCH (i:Interaction)<-[:PARTICIPATED_IN]-(p:Person)-[:WORKS_AT]->(a) WHERE ${VISIBLE('p')} RETURN i`);
const INTERACTIONS_BY_PERSON_ID = pagedInteractions('p:Entity:Person', 'OPTIONAL MATCH (p)-[:PARTICIPATED_IN]->(i:Interaction) RETURN DISTINCT i');
const INTERACTIONS_BY_OPPORTUNITY_ID = pagedInteractions('o:Entity:Opportunity', 'OPTIONAL MATCH (i:Interaction)-[:ABOUT]->(o) RETURN DISTINCT i');

export function createInteractionLoaders(db: Reader) {
  return {
    linksByInteractionId: loaderById<InteractionLinks>(
      db,
      LINKS_BY_INTERACTION_ID,
      (row) => ({ participants: row.participants as EntityRow[], about: row.about as EntityRow[] }),
      { participants: [], about: [] },
    ),
    interactionsByOrganizationId: pageLoader(db, INTERACTIONS_BY_ORGANIZATION_ID),
    interactionsByPersonId: pageLoader(db, INTERACTIONS_BY_PERSON_ID),
    interactionsByOpportunityId: pageLoader(db, INTERACTIONS_BY_OPPORTUNITY_ID),
  };
}
