import type { Resolvers } from '../generated/graphql';
import { erasePerson } from './erase-person';
import { exportPersonData } from './export-person-data';
import { isRestricted } from './restricted-ends';
import { liftRestriction, restrictProcessing } from './restrict-processing';

export const privacyResolvers: Resolvers = {
  Query: {
    exportPersonData: (_root, { personId }, { db }) => exportPersonData(db, personId),
  },
  Mutation: {
    restrictProcessing: (_root, { personId, reason }, { mutate }) => mutate((tx) => restrictProcessing(tx, personId, reason)),
    liftRestriction: (_root, { personId }, { mutate }) => mutate((tx) => liftRestriction(tx, personId)),
    erasePerson: (_root, { personId, reason }, { mutate }) => mutate((tx) => erasePerson(tx, personId, reason)),
  },
  Person: {
    restricted: (person) => isRestricted(person),
    restriction: (person) =>
      isRestricted(person) ? { since: person.restrictedAt as string, reason: person.restrictionReason as string } : null,
  },
};
