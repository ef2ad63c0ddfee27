import type { PersonKind, Resolvers } from '../generated/graphql';
import { createEntity, deleteEntity, updateEntity } from '../nodes/entity-writes';
import { nodeOfType } from '../nodes/require-node';
import { storedWeight } from '../paths';
import { listPeople } from './list-people';

export const peopleResolvers: Resolvers = {
  Query: {
    person: (_root, { id }, context) => nodeOfType(context, id, 'Person'),
    people: (_root, args, { db }) => listPeople(db, args),
  },
  Mutation: {
    createPerson: (_root, { input: { key, ...input } }, { mutate }) => mutate((tx) => createEntity(tx, 'Person', input, key)),
    updatePerson: (_root, { id, input }, { mutate }) => mutate((tx) => updateEntity(tx, 'Person', id, input)),
    deletePerson: (_root, { id }, { mutate }) => mutate(async (tx) => (await deleteEntity(tx, 'Person', id)).id),
  },
  Person: {
    kinds: (person) => (person.kinds as PersonKind[] | undefined) ?? [],
    employers: (person, { first }, { loaders }) => loaders.neighboursByNodeId('employersOf', first).load(person.id),
    manager: async (person, _args, { loaders }) => (await loaders.neighboursByNodeId('managerOf', 1).load(person.id))[0]?.node ?? null,
    reports: async (person, { first }, { loaders }) =>
      (await loaders.neighboursByNodeId('reportsOf', first).load(person.id)).map((edge) => edge.node),
    knows: (person, { first }, { loaders }) => loaders.neighboursByNodeId('knows', first).load(person.id),
    influences: (person, { first }, { loaders }) => loaders.neighboursByNodeId('influences', first).load(person.id),
    influencedBy: (person, { first }, { loaders }) => loaders.neighboursByNodeId('influencedBy', first).load(person.id),
  },
  KnowsEdge: {
    strength: (edge) => storedWeight(edge.strength),
    interactionCount: (edge) => (edge.interactionCount as number | undefined) ?? 0,
  },
};
