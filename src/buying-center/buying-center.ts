import DataLoader from 'dataloader';
import { readerIn, type Reader } from '../neo4j/database';
import { ENTITY_ROW, type EntityRow } from '../nodes/entity-row';
import { VISIBLE } from '../nodes/visibility';
import { EVERY_USER, bestPathsPreferring, nodesOnPaths, type PathRow } from '../paths';
import { isRestricted } from '../privacy';

/** The roles every opportunity should have filled (DESIGN §3), in this order. */
export const KEY_ROLES = ['DECISION_MAKER', 'ECONOMIC_BUYER', 'CHAMPION'] as const;
/** A member counts as covered when our team's strongest path to them reaches this strength. */
export const COVERED_STRENGTH = 0.3;
const BEST_PATH_MAX_HOPS = 4;
// Products of hop weights carry float noise (0.6 × 0.5 may land a hair under 0.3).
const EPSILON = 1e-9;

export interface BuyingCenterMemberRow {
  opportunityId: string;
  person: EntityRow;
  roles: string[];
  stance: string;
}

/** A buying center without its paths: those are searched only when a client asks for them. */
export interface BuyingCenterRow {
  opportunity: EntityRow;
  ownerId: string | null;
  members: BuyingCenterMemberRow[];
  missingRoles: string[];
}

/** Per member (person id): the path shown (owner first, else any user) and the strongest from any user. */
export interface MemberPaths {
  best: Map<string, PathRow | null>;
  fromAnyUser: Map<string, PathRow | null>;
  /** The rows of the nodes on the paths shown, read in the search's transaction (for the nodeById loader). */
  pathNodes: Map<string, EntityRow>;
}

const BUYING_CENTERS_BY_OPPORTUNITY_ID = `
UNWIND $ids AS id
MATCH (o:Entity:Opportunity {id: id}) WHERE ${VISIBLE('o')}
CALL (o) {
  OPTIONAL MATCH (owner:User)-[:OWNS]->(o) WHERE ${VISIBLE('owner')}
  RETURN owner.id AS ownerId ORDER BY owner.id LIMIT 1
}
CALL (o) {
  OPTIONAL MATCH (p:Person)-[r:BUYING_ROLE]->(o) WHERE ${VISIBLE('p')}
  WITH p, r ORDER BY p.name, p.id
  RETURN collect(CASE WHEN p IS NULL THEN null ELSE
    {opportunityId: o.id, person: ${ENTITY_ROW('p')}, roles: coalesce(r.roles, []), stance: coalesce(r.stance, 'UNKNOWN')} END) AS members
}
RETURN id, ${ENTITY_ROW('o')} AS opportunity, ownerId, members`;

async function loadBuyingCenters(db: Reader, ids: readonly string[]): Promise<(BuyingCenterRow | null)[]> {
  const rows = await db.read<BuyingCenterRow & { id: string }>(BUYING_CENTERS_BY_OPPORTUNITY_ID, { ids });
  const byId = new Map(
    rows.map(({ id, ...row }): [string, BuyingCenterRow] => {
      const held = new Set(row.members.flatMap((member) => member.roles));
      return [id, { ...row, missingRoles: KEY_ROLES.filter((role) => !held.has(role)) }];
    }),
  );
  return ids.map((id) => byId.get(id) ?? null);
}

/**
 * Best paths to the members of a batch of buying centers (DESIGN §4), in one search: from all
 * users to every member, preferring each distinct owner for that owner's members. A hidden owner
 * counts as no owner, and "all users" are the visible ones.
 */
async function loadMemberPaths(db: Reader, centers: (BuyingCenterRow | null)[]): Promise<MemberPaths[]> {
  const present = centers.filter((center): center is BuyingCenterRow => !!center);
  const targetIds = [...new Set(present.flatMap((center) => center.members.map((member) => member.person.id)))];
  if (!targetIds.length) return centers.map(() => ({ best: new Map(), fromAnyUser: new Map(), pathNodes: new Map() }));
  const ownerIds = [...new Set(present.filter((c) => c.ownerId && c.members.length).map((c) => c.ownerId!))];
  const preferred = ownerIds.map((ownerId) => ({
    fromIds: [ownerId],
    targetIds: present.filter((c) => c.ownerId === ownerId).flatMap((c) => c.members.map((m) => m.person.id)),
  }));
  // The search and the rows of the nodes on the shown paths in one read transaction (inside Neo4j,
  // in the search's own statement): a path's nodes then cost the request no transaction of their own.
  return db.readTransaction(async (tx) => {
    const reader = readerIn(tx);
    const found = new Map<string, EntityRow>();
    const paths = await bestPathsPreferring(reader, { fromIds: EVERY_USER, targetIds, maxHops: BEST_PATH_MAX_HOPS, preferred }, { pathNodes: found });
    const fromOwner = new Map(ownerIds.map((ownerId, i) => [ownerId, paths.preferred[i]]));
    const fromAnyUser = paths.fromAll;
    const bests = centers.map((center) => {
      const ownerPaths = center?.ownerId ? fromOwner.get(center.ownerId) : undefined;
      return new Map(
        (center?.members ?? []).map((m) => [m.person.id, ownerPaths?.get(m.person.id) ?? fromAnyUser.get(m.person.id) ?? null]),
      );
    });
    const shown = bests.flatMap((best) => [...best.values()].filter((path): path is PathRow => !!path));
    const pathNodes = await nodesOnPaths(reader, shown, found);
    return bests.map((best) => ({ best, fromAnyUser, pathNodes }));
  });
}

/**
 * Share of members whose strongest path from any user reaches COVERED_STRENGTH; 0 without members.
 * Restricted members are left out of it: we may not analyse how well we reach them.
 */
export function coverage(center: BuyingCenterRow, paths: MemberPaths): number {
  const members = center.members.filter((m) => !isRestricted(m.person));
  if (!members.length) return 0;
  const covered = members.filter((m) => (paths.fromAnyUser.get(m.person.id)?.strength ?? 0) >= COVERED_STRENGTH - EPSILON);
  return covered.length / members.length;
}

export function createBuyingCenterLoaders(db: Reader) {
  const buyingCenterByOpportunityId = new DataLoader<string, BuyingCenterRow | null>((ids) => loadBuyingCenters(db, ids));
  return {
    /** The buying center of each opportunity (members, roles, missing roles); null for an unknown or hidden id. */
    buyingCenterByOpportunityId,
    /** The members' paths of each opportunity's buying center. */
    memberPathsByOpportunityId: new DataLoader<string, MemberPaths>(async (ids) =>
      loadMemberPaths(db, await Promise.all(ids.map((id) => buyingCenterByOpportunityId.load(id))))),
  };
}
