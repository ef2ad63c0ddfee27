import type { Resolvers } from '../generated/graphql';
import { ALL_EVENT_TYPES } from './event-types';
import { eventsAfter } from './list-events';

export const eventResolvers: Resolvers = {
  Query: {
    events: (_root, { after, first, types }, { db }) => eventsAfter(db, after, first, types),
    eventTypes: () => [...ALL_EVENT_TYPES],
  },
};
