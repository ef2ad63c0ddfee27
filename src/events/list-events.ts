import { badUserInput } from '../graphql/errors';
import type { Reader } from '../neo4j/database';
import { param } from '../neo4j/values';
import { ALL_EVENT_TYPES } from './event-types';

/** An event as the feed and the webhooks hand it on. */
export interface EventRow {
  id: string;
  seq: number;
  type: string;
  at: string;
  actorId: string | null;
  targetIds: string[];
  data: Record<string, unknown>;
}

// Events are not entities: they name ids, and who may read the feed is the permission table's
// business (ADMIN and INTEGRATION keys only; no PARTNER reads it).
const EVENTS_AFTER = `
MATCH (e:Event)
WHERE e.seq > $after AND ($types IS NULL OR e.type IN $types)
RETURN e { .id, .seq, .type, .at, .actorId, .targetIds, .data } AS event
ORDER BY e.seq
LIMIT $first`;

/** Up to `first` events after seq `after`, oldest first, of the given types (all when null). */
export async function eventsAfter(
  db: Pick<Reader, 'read'>,
  after: number,
  first: number,
  types: readonly string[] | null | undefined,
): Promise<EventRow[]> {
  if (after < 0) throw badUserInput(`after must be a seq of 0 or more (0: from the first event), got ${after}.`);
  const wanted = types?.length ? checkedTypes(types, 'types') : null;
  const rows = await db.read<{ event: EventRow & { data: string } }>(EVENTS_AFTER, {
    after: param.integer(after),
    first: param.integer(first),
    types: wanted,
  });
  return rows.map(({ event }) => ({ ...event, data: JSON.parse(event.data ?? '{}') as Record<string, unknown> }));
}

/** The types, each checked against the table; an unknown one is BAD_USER_INPUT naming the known ones. */
export function checkedTypes(types: readonly string[], field: string): string[] {
  const unknown = types.filter((type) => !ALL_EVENT_TYPES.includes(type));
  if (unknown.length) {
    throw badUserInput(`${field} holds unknown event types ${JSON.stringify(unknown)}; known types: ${ALL_EVENT_TYPES.join(', ')}.`);
  }
  return [...new Set(types)];
}
