import type { Resolvers } from '../generated/graphql';
import { offsetAfter, toConnection } from '../graphql/pagination';
import { audienceRow } from './audience-pages';
import { currentConsents } from './loaders';
import { recordConsentDecision } from './record-consent';

export const consentResolvers: Resolvers = {
  Query: {
    audience: (_root, { filter, channel, purpose, asOf, first, after }, { db }) =>
      audienceRow(db, { filter: filter ?? {}, channel, purpose, asOf: asOf ?? new Date().toISOString() }, { first, after }),
  },
  Audience: {
    people: async (row, { first, after }) => {
      const offset = offsetAfter(after ?? row.fallback.after);
      const result = await row.pages.load({ offset, first: first ?? row.fallback.first ?? 20 });
      return toConnection(result.page, offset, result.included);
    },
    included: async (row) => (await row.pages.load('counts')).included,
    excludedWithoutConsent: async (row) => (await row.pages.load('counts')).excludedWithoutConsent,
  },
  Mutation: {
    recordConsent: (_root, args, { db }) => recordConsentDecision(db, { ...args, granted: true }),
    withdrawConsent: (_root, args, { db }) => recordConsentDecision(db, { ...args, granted: false }),
  },
  Person: {
    consents: async (person, { current }, { loaders }) => {
      const all = await loaders.consentsByPersonId.load(person.id);
      return current ? currentConsents(all) : all;
    },
  },
  Consent: {
    person: (consent, _args, { loaders }) => loaders.personByConsentId.load(consent.id),
  },
};
