import type { MutationRecorder } from '../graphql/mutate';
import type { Tx } from '../neo4j/database';
import { eventTypeOf } from './event-types';

/** One change event to write. */
export interface NewEvent {
  type: string;
  targetIds: string[];
  data?: Record<string, unknown>;
}

// One counter for the whole graph: its write lock, held to the commit, hands out seq numbers one
// transaction after the other, and a rolled-back transaction gives its numbers back. Taken last,
// so the lock is held only for the few writes before the commit.
const APPEND_EVENTS = `
MERGE (sequence:EventSequence {name: 'events'})
ON CREATE SET sequence.last = 0
SET sequence.last = sequence.last + size($events)
WITH sequence.last - size($events) AS before
UNWIND range(0, size($events) - 1) AS i
WITH before + i + 1 AS seq, $events[i] AS event
CREATE (e:Event {id: randomUUID(), seq: seq, type: event.type, at: datetime(), actorId: $actorId,
                 targetIds: event.targetIds, data: event.data})
RETURN e.seq AS seq ORDER BY seq`;

/**
 * Appends events with the next seq numbers (one more per event, no gaps, no repeats) in the
 * caller's transaction, so they exist exactly when the change they describe commits.
 * `data` is stored as JSON text (a property cannot hold a map).
 */
export async function recordEvents(tx: Tx, events: NewEvent[], actorId: string | null): Promise<number[]> {
  if (!events.length) return [];
  const rows = await tx.run<{ seq: number }>(APPEND_EVENTS, {
    actorId,
    events: events.map((event) => ({ type: event.type, targetIds: event.targetIds, data: JSON.stringify(event.data ?? {}) })),
  });
  return rows.map((row) => row.seq);
}

/** The recorder every mutation runs: its own event (type from EVENT_TYPES), then the extra ones it emitted. */
export const recordMutationEvents: MutationRecorder = async (tx, record) => {
  const own: NewEvent = { type: eventTypeOf(record.operation), targetIds: record.targetIds };
  await recordEvents(tx, [own, ...record.extraEvents], record.actor.id);
};
