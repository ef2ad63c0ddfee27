import type { Database } from '../neo4j/database';
import { EVERYTHING_VISIBLE, type Scope } from '../neo4j/scoped-database';

/**
 * Everything a PARTNER may see (DESIGN §9), as ids: the organization it acts for, the
 * organizations that one SERVES, the people who currently WORK_AT one of those (no `until`, or
 * one not yet past), the opportunities FOR_ACCOUNT one of those, the users who MANAGE the
 * partner, the interactions the partner user took part in, and that user's own node. An unknown
 * partner or user adds nothing, so the scope only shrinks.
 */
const PARTNER_SCOPE = `
CALL () {
  OPTIONAL MATCH (partner:Entity:Organization {id: $partnerId})
  OPTIONAL MATCH (partner)-[:SERVES]->(customer:Organization)
  RETURN collect(DISTINCT partner) + collect(DISTINCT customer) AS organizations
}
WITH organizations, [o IN organizations WHERE o.id = $partnerId] AS partner
RETURN [o IN organizations | o.id]
  + COLLECT {
      UNWIND organizations AS o
      MATCH (p:Person)-[w:WORKS_AT]->(o) WHERE w.until IS NULL OR w.until >= date()
      RETURN DISTINCT p.id
    }
  + COLLECT { UNWIND organizations AS o MATCH (deal:Opportunity)-[:FOR_ACCOUNT]->(o) RETURN DISTINCT deal.id }
  + COLLECT { UNWIND partner AS p MATCH (manager:User)-[:MANAGES]->(p) RETURN DISTINCT manager.id }
  + COLLECT { MATCH (me:Entity:User {id: $userId}) RETURN me.id }
  + COLLECT { MATCH (:Entity:User {id: $userId})-[:PARTICIPATED_IN]->(i:Interaction) RETURN DISTINCT i.id }
  AS ids`;

/**
 * The ids a PARTNER user (or a partner's API key, with `userId` null) sees: one query, run
 * straight on the database because it is what defines `$visible` for every other query. Without
 * a partner (`partnerId` null) only the user's own node and contacts are left.
 */
export async function partnerScope(db: Database, viewer: { userId: string | null; partnerId: string | null }): Promise<string[]> {
  const [row] = await db.read<{ ids: string[] }>(PARTNER_SCOPE, { partnerId: viewer.partnerId, userId: viewer.userId });
  return [...new Set(row?.ids ?? [])];
}

/** Who is asking, as far as scoping goes (the request's viewer). */
export interface ScopedViewer {
  userId: string | null;
  roles: readonly string[];
  /** The partner organization a PARTNER acts for. */
  actsForId: string | null;
}

/**
 * The scope of a request (DESIGN §9): a PARTNER sees its partner's scope, even when it holds
 * other roles too; everyone else sees everything. Fails closed: a PARTNER without a partner
 * sees only its own node and contacts.
 */
export function viewerScope(db: Database, viewer: ScopedViewer): Scope {
  if (!viewer.roles.includes('PARTNER')) return EVERYTHING_VISIBLE;
  return () => partnerScope(db, { userId: viewer.userId, partnerId: viewer.actsForId });
}
