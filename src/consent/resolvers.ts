import type { Resolvers } from '../generated/graphql';
import { offsetAfter, toConnection } from '../graphql/pagination';
import { audience } from './audience';
import { currentConsents } from './loaders';
import { recordConsentDecision } from './record-consent';

export const consentResolvers: Resolvers = {
  Query: {
    audience: async (_root, { filter, channel, purpose, asOf, first, after }, { db }) => {
      const offset = offsetAfter(after);
      const result = await audience(db, {
        filter: filter ?? {},
        channel,
        purpose,
        asOf: asOf ?? new Date().toISOString(),
        offset,
        first: first ?? 20,
      });
      return {
        people: toConnection(result.page, offset, result.included),
        included: result.included,
        excludedWithoutConsent: result.excludedWithoutConsent,
      };
    },
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
