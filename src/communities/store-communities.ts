import { randomUUID } from 'node:crypto';
import type { Tx } from '../neo4j/database';
import { param } from '../neo4j/values';

const BATCH = 10_000;

// Memberships go first, in bounded statements; then the emptied communities.
const DELETE_MEMBERSHIPS = `
MATCH (:Community)<-[r:IN_COMMUNITY]-()
WITH r LIMIT $batch
DELETE r
RETURN count(*) AS deleted`;
const DELETE_COMMUNITIES = 'MATCH (c:Community) DETACH DELETE c';

const CREATE_COMMUNITIES = `
UNWIND $communities AS community
CREATE (:Entity:Community {id: community.id, size: community.size, computedAt: $computedAt, createdAt: $now, updatedAt: $now})`;

const CREATE_MEMBERSHIPS = `
UNWIND $rows AS row
MATCH (c:Entity {id: row.community})
MATCH (m:Entity {id: row.member})
CREATE (m)-[:IN_COMMUNITY {degree: row.degree, createdAt: $now, updatedAt: $now}]->(c)`;

export interface StoredCommunity {
  id: string;
  members: string[];
}

export interface StoreProgress {
  phase: 'removed' | 'stored';
  done: number;
  total?: number;
}

/**
 * Replaces the previous run's communities with these groups, inside the caller's transaction
 * (so readers see the old partition or the new one, never a mix), in statements of at most
 * 10,000 rows. Each member's `degree` (its weighted degree inside its group) is kept on
 * IN_COMMUNITY, which ranks the hubs.
 */
export async function storeCommunities(
  tx: Tx,
  groups: string[][],
  degrees: Map<string, number>,
  computedAt: string,
  onProgress?: (progress: StoreProgress) => void,
): Promise<StoredCommunity[]> {
  let removed = 0;
  for (;;) {
    const [{ deleted }] = await tx.run<{ deleted: number }>(DELETE_MEMBERSHIPS, { batch: param.integer(BATCH) });
    if (deleted === 0) break;
    onProgress?.({ phase: 'removed', done: (removed += deleted) });
  }
  await tx.run(DELETE_COMMUNITIES);

  const now = param.now();
  const communities = groups.map((members) => ({ id: randomUUID(), members }));
  for (let i = 0; i < communities.length; i += BATCH) {
    const part = communities.slice(i, i + BATCH).map(({ id, members }) => ({ id, size: param.integer(members.length) }));
    await tx.run(CREATE_COMMUNITIES, { communities: part, computedAt: param.dateTime(computedAt), now });
  }
  const total = groups.reduce((sum, members) => sum + members.length, 0);
  let rows: { community: string; member: string; degree: number }[] = [];
  let done = 0;
  const flush = async () => {
    await tx.run(CREATE_MEMBERSHIPS, { rows, now });
    onProgress?.({ phase: 'stored', done: (done += rows.length), total });
    rows = [];
  };
  for (const { id, members } of communities) {
    for (const member of members) {
      rows.push({ community: id, member, degree: degrees.get(member) ?? 0 });
      if (rows.length === BATCH) await flush();
    }
  }
  if (rows.length) await flush();
  return communities;
}
