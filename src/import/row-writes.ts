import { randomUUID } from 'node:crypto';
import { withNameKey } from '../model/name-key';
import type { NodeRow, RelationshipRow } from './parse-row';

/**
 * What a row writes, shared by the Bolt writer (write-batch.ts) and the offline writer
 * (offline-files.ts), so that both build the same graph from the same row.
 */

/** The times a row writes: as given (a backup keeps them), else the import's `now`. */
export function rowTimes(row: NodeRow | RelationshipRow, now: unknown): { createdAt: unknown; updatedAt: unknown } {
  return { createdAt: row.createdAt ?? now, updatedAt: row.updatedAt ?? now };
}

/** Every property of the node a node row creates: its properties (and the nameKey of its name), its key or id, an id (given or a new UUID) and its times. */
export function newNodeProperties(row: NodeRow, now: unknown): Record<string, unknown> {
  const id = row.id ?? (row.ref.by === 'id' ? row.ref.value : randomUUID());
  return { ...withNameKey(row.label, row.properties), [row.ref.by]: row.ref.value, id, ...rowTimes(row, now) };
}

/** Every property of the relationship a relationship row creates: its properties and its times. */
export function newRelationshipProperties(row: RelationshipRow, now: unknown): Record<string, unknown> {
  return { ...row.properties, ...rowTimes(row, now) };
}
