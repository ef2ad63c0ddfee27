import type { Resolvers } from '../generated/graphql';
import { logInteraction } from './log-interaction';

const page = (first: number | null | undefined, after: string | null | undefined, types: string[] | null | undefined) => ({
  first: first ?? 20,
  after,
  types: types ?? null,
});

export const interactionResolvers: Resolvers = {
  Mutation: {
    logInteraction: (_root, { input }, { mutate }) => mutate((tx) => logInteraction(tx, input)),
  },
  Interaction: {
    participants: async (interaction, _args, { loaders }) => (await loaders.interactionLinksById.load(interaction.id)).participants,
    about: async (interaction, _args, { loaders }) => (await loaders.interactionLinksById.load(interaction.id)).about,
  },
  Organization: {
    interactions: (organization, { types, first, after }, { loaders }) =>
      loaders.interactionsByOrganizationId.load({ id: organization.id, args: page(first, after, types) }),
  },
  Person: {
    interactions: (person, { types, first, after }, { loaders }) =>
      loaders.interactionsByPersonId.load({ id: person.id, args: page(first, after, types) }),
  },
  Opportunity: {
    interactions: (opportunity, { types, first, after }, { loaders }) =>
      loaders.interactionsByOpportunityId.load({ id: opportunity.id, args: page(first, after, types) }),
  },
};
