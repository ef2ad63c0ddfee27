import type { Resolvers } from '../generated/graphql';
import { paginate } from '../graphql/pagination';
import { audienceRow } from './audience-pages';
import { currentConsents } from './loaders';
import { recordConsentDecision } from './record-consent';

export const consentResolvers: Resolvers = {
  Query: {
    audience: (_root, { filter, channel, purpose, asOf, first, after }, { db }) =>
      audienceRow(db, { filter: filter ?? {}, channel, purpose, asOf: asOf ?? new Date().toISOString() }, { first, after }),
  },
  Audience: {
    people: (row, { first, after }) =>
      paginate({ first: first ?? row.fallback.first ?? 20, after: after ?? row.fallback.after }, (window) => row.pages.load(window)),
    included: async (row) => (await row.pages.load('counts')).total,
    excludedWithoutConsent: async (row) => (await row.pages.load('counts')).excludedWithoutConsent,
  },
  Mutation: {
    recordConsent: (_root, args, { mutate }) => mutate((tx) => recordConsentDecision(tx, { ...args, granted: true })),
    withdrawConsent: (_root, args, { mutate }) => mutate((tx) => recordConsentDecision(tx, { ...args, granted: false })),
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
