import type { Database } from '../neo4j/database';
import { param } from '../neo4j/values';

const DAY_MS = 24 * 60 * 60 * 1000;
const DEFAULT_BATCH_SIZE = 1_000;

const COUNT_OLDER = 'MATCH (i:Interaction) WHERE i.occurredAt < $cutoff RETURN count(i) AS count';

// KNOWS keeps interactionCount, lastInteractionAt and strength: they are stored on the
// relationship, so the contact history may go while the relationship strength it built stays.
const DELETE_OLDER_BATCH = `
MATCH (i:Interaction) WHERE i.occurredAt < $cutoff
WITH i LIMIT $batchSize
DETACH DELETE i
RETURN count(*) AS deleted`;

export interface PurgeOptions {
  /** Interactions that occurred more than this many days before `now` are deleted. */
  olderThanDays: number;
  now?: Date;
  /** Interactions per transaction. */
  batchSize?: number;
  onProgress?: (deleted: number, total: number) => void;
}

export interface PurgeReport {
  /** Interactions that occurred before this instant were deleted. */
  cutoff: string;
  deleted: number;
}

/**
 * Retention of contact history (RETENTION_INTERACTIONS_DAYS): deletes every interaction older
 * than the cutoff, in batches of one transaction each, so a big purge neither holds one huge
 * transaction nor loses what it already did when it stops.
 */
export async function purgeInteractions(db: Database, options: PurgeOptions): Promise<PurgeReport> {
  const { olderThanDays, now = new Date(), batchSize = DEFAULT_BATCH_SIZE, onProgress } = options;
  if (!Number.isInteger(olderThanDays) || olderThanDays < 1) throw new Error(`olderThanDays must be a whole number ≥ 1, got ${olderThanDays}`);
  const cutoff = new Date(now.getTime() - olderThanDays * DAY_MS).toISOString();
  const params = { cutoff: param.dateTime(cutoff), batchSize: param.integer(batchSize) };
  const [{ count: total }] = await db.read<{ count: number }>(COUNT_OLDER, params);
  let deleted = 0;
  while (deleted < total) {
    const [batch] = await db.write<{ deleted: number }>(DELETE_OLDER_BATCH, params);
    if (batch.deleted === 0) break;
    deleted += batch.deleted;
    onProgress?.(deleted, total);
  }
  return { cutoff, deleted };
}
