import type { Reader } from '../neo4j/database';
import { loaderById } from '../graphql/loader-by-id';
import { pageLoader } from '../graphql/page-loader';
import { PAGE_OF } from '../graphql/pagination';
import { ENTITY_ROW, type EntityRow } from '../nodes/entity-row';
import { VISIBLE } from '../nodes/visibility';

const COMMUNITY_OF_MEMBER = `
UNWIND $ids AS id
MATCH (m:Entity {id: id})
MATCH (m)-[:IN_COMMUNITY]->(c:Community) WHERE ${VISIBLE('c')}
RETURN id, ${ENTITY_ROW('c')} AS node`;

/** One page of a community's members of one label (a constant), in `order` over `m` and `r` (a constant). */
const membersCypher = (label: 'Person' | 'Organization' | 'User' | null, order: string) => `
UNWIND $ids AS id
MATCH (c:Entity {id: id})
WHERE c:Community
CALL (c) {
  OPTIONAL MATCH (m${label ? `:${label}` : ''})-[r:IN_COMMUNITY]->(c) WHERE ${VISIBLE('m')}
  WITH m, r ORDER BY ${order}
  WITH collect(m) AS members
  RETURN ${PAGE_OF('members', ENTITY_ROW)}
}
RETURN id, total, page`;

const BY_NAME = 'm.name, m.id';
// The hubs: members by their weighted degree inside the community, stored by the run.
const BY_INNER_DEGREE = 'r.degree DESC, m.id';

/** A member's community, and a community's people, organizations, users and hubs: one query per batch each. */
export function createCommunityLoaders(db: Reader) {
  return {
    communityByMemberId: loaderById<EntityRow | null>(db, COMMUNITY_OF_MEMBER, 'node', null),
    peopleOfCommunity: pageLoader(db, membersCypher('Person', BY_NAME)),
    organizationsOfCommunity: pageLoader(db, membersCypher('Organization', BY_NAME)),
    usersOfCommunity: pageLoader(db, membersCypher('User', BY_NAME)),
    hubsOfCommunity: pageLoader(db, membersCypher(null, BY_INNER_DEGREE)),
  };
}
