import type { PersonKind, Resolvers } from '../generated/graphql';
import { readsTotalCount } from '../graphql/pagination';
import { readingProperties } from '../graphql/property-fields';
import type { EntityRow } from '../nodes/entity-row';
import { createEntity, deleteEntity, updateEntity } from '../nodes/entity-writes';
import { storedWeight } from '../paths';
import { refuseErasedKey } from '../privacy';
import { neighbourEdges, neighbourNode, neighbourNodes, nodeOfTypeWithWalksAhead, pageWithWalksAhead, type Neighbour } from '../relationships';
import { listPeople } from './list-people';

export const peopleResolvers: Resolvers = {
  Query: {
    person: (_root, { id }, context, info) => nodeOfTypeWithWalksAhead(context, info, id, 'Person'),
    people: (_root, args, context, info) => pageWithWalksAhead(context, info, (projection) => listPeople(context.db, { ...args, counted: readsTotalCount(info) }, projection)),
  },
  Mutation: {
    createPerson: (_root, { input: { key, ...input } }, { mutate }) =>
      mutate(async (tx) => {
        if (key) await refuseErasedKey(tx, key, 'input.key');
        return createEntity(tx, 'Person', input, key);
      }),
    updatePerson: (_root, { id, input }, { mutate }) => mutate((tx) => updateEntity(tx, 'Person', id, input)),
    deletePerson: (_root, { id }, { mutate }) => mutate(async (tx) => (await deleteEntity(tx, 'Person', id)).id),
  },
  Person: {
    kinds: readingProperties(['kinds'], (person: EntityRow) => (person.kinds as PersonKind[] | undefined) ?? []),
    employers: neighbourEdges('employersOf'),
    manager: neighbourNode('managerOf'),
    reports: neighbourNodes('reportsOf'),
    knows: neighbourEdges('knows'),
    influences: neighbourEdges('influences'),
    influencedBy: neighbourEdges('influencedBy'),
  },
  KnowsEdge: {
    strength: readingProperties(['strength'], (edge: Neighbour) => storedWeight(edge.strength)),
    interactionCount: readingProperties(['interactionCount'], (edge: Neighbour) => (edge.interactionCount as number | undefined) ?? 0),
  },
};
