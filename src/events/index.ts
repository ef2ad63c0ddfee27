/** Change events (DESIGN §10): one per successful write, in its transaction, and the feed that pages them. */
import type { EventRow } from './list-events';

export { eventResolvers as resolvers } from './resolvers';
export { recordEvents, recordMutationEvents, type NewEvent } from './record-events';
export { eventsAfter, checkedTypes, type EventRow } from './list-events';
export { EVENT_TYPES, ALL_EVENT_TYPES } from './event-types';

declare module '../graphql/resolver-rows' {
  interface ResolverRows {
    Event: EventRow;
  }
}
