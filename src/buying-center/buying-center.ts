import DataLoader from 'dataloader';
import type { Database } from '../neo4j/database';
import { ENTITY_ROW, type EntityRow } from '../nodes/entity-row';
import { bestPathsToTargets, type PathRow } from './paths-placeholder';

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
  bestPath: PathRow | null;
}

export interface BuyingCenterRow {
  opportunity: EntityRow;
  members: BuyingCenterMemberRow[];
  missingRoles: string[];
  coverage: number;
}

interface MemberData {
  id: string;
  opportunity: EntityRow;
  ownerId: string | null;
  members: Omit<BuyingCenterMemberRow, 'bestPath' | 'opportunityId'>[];
}

const MEMBERS_BY_OPPORTUNITY_ID = `
UNWIND $ids AS id
MATCH (o:Opportunity {id: id})
CALL (o) {
  OPTIONAL MATCH (owner:User)-[:OWNS]->(o)
  RETURN owner.id AS ownerId ORDER BY owner.id LIMIT 1
}
CALL (o) {
  OPTIONAL MATCH (p:Person)-[r:BUYING_ROLE]->(o)
  WITH p, r ORDER BY p.name, p.id
  RETURN collect(CASE WHEN p IS NULL THEN null ELSE
    {person: ${ENTITY_ROW('p')}, roles: coalesce(r.roles, []), stance: coalesce(r.stance, 'UNKNOWN')} END) AS members
}
RETURN id, ${ENTITY_ROW('o')} AS opportunity, ownerId, members`;

const ALL_USER_IDS = 'MATCH (u:User) RETURN collect(u.id) AS ids';

/**
 * Buying centers of a batch of opportunities (DESIGN §4): one query for the members, one path
 * search from all users over every member, and one from each distinct owner.
 */
async function loadBuyingCenters(db: Database, ids: readonly string[]): Promise<(BuyingCenterRow | null)[]> {
  const rows = await db.read<MemberData>(MEMBERS_BY_OPPORTUNITY_ID, { ids });
  const targetIds = [...new Set(rows.flatMap((row) => row.members.map((member) => member.person.id)))];
  const [{ ids: userIds }] = targetIds.length ? await db.read<{ ids: string[] }>(ALL_USER_IDS) : [{ ids: [] as string[] }];
  const fromAnyUser = await bestPathsToTargets(db, { fromIds: userIds, targetIds, maxHops: BEST_PATH_MAX_HOPS });

  const fromOwner = new Map<string, Map<string, PathRow>>();
  const ownerIds = new Set(rows.filter((row) => row.ownerId && row.members.length).map((row) => row.ownerId!));
  await Promise.all(
    [...ownerIds].map(async (ownerId) => {
      const targets = rows.filter((row) => row.ownerId === ownerId).flatMap((row) => row.members.map((m) => m.person.id));
      fromOwner.set(ownerId, await bestPathsToTargets(db, { fromIds: [ownerId], targetIds: [...new Set(targets)], maxHops: BEST_PATH_MAX_HOPS }));
    }),
  );

  const byId = new Map(
    rows.map((row): [string, BuyingCenterRow] => {
      const ownerPaths = row.ownerId ? fromOwner.get(row.ownerId) : undefined;
      const members = row.members.map((member) => ({
        ...member,
        opportunityId: row.id,
        bestPath: ownerPaths?.get(member.person.id) ?? fromAnyUser.get(member.person.id) ?? null,
      }));
      const held = new Set(members.flatMap((member) => member.roles));
      const covered = members.filter((m) => (fromAnyUser.get(m.person.id)?.strength ?? 0) >= COVERED_STRENGTH - EPSILON).length;
      return [row.id, {
        opportunity: row.opportunity,
        members,
        missingRoles: KEY_ROLES.filter((role) => !held.has(role)),
        coverage: members.length ? covered / members.length : 0,
      }];
    }),
  );
  return ids.map((id) => byId.get(id) ?? null);
}

export function createBuyingCenterLoaders(db: Database) {
  return {
    /** The buying center of each opportunity; null for an unknown id. */
    buyingCenterByOpportunityId: new DataLoader<string, BuyingCenterRow | null>((ids) => loadBuyingCenters(db, ids)),
  };
}
