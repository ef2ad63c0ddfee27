import type { Resolvers } from '../generated/graphql';
import { audience } from './audience';
import { currentConsents } from './loaders';
import { recordConsentDecision } from './record-consent';

export const consentResolvers: Resolvers = {
  Query: {
    audience: (_root, { filter, asOf, ...args }, { db }) =>
      audience(db, { ...args, filter: filter ?? {}, asOf: asOf ?? new Date().toISOString() }),
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
