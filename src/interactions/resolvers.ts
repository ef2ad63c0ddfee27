import type { Resolvers } from '../generated/graphql';
import { logInteraction } from './log-interaction';

export const interactionResolvers: Resolvers = {
  Mutation: {
    logInteraction: (_root, { input }, { mutate }) => mutate((tx) => logInteraction(tx, input)),
  },
  Interaction: {
    participants: async (interaction, _args, { loaders }) => (await loaders.linksByInteractionId.load(interaction.id)).participants,
    about: async (interaction, _args, { loaders }) => (await loaders.linksByInteractionId.load(interaction.id)).about,
  },
  Organization: {
    interactions: (organization, { types, ...page }, { loaders }) =>
      loaders.interactionsByOrganizationId.load({ id: organization.id, args: { ...page, types: types ?? null } }),
  },
  Person: {
    interactions: (person, { types, ...page }, { loaders }) =>
      loaders.interactionsByPersonId.load({ id: person.id, args: { ...page, types: types ?? null } }),
  },
  Opportunity: {
    interactions: (opportunity, { types, ...page }, { loaders }) =>
      loaders.interactionsByOpportunityId.load({ id: opportunity.id, args: { ...page, types: types ?? null } }),
  },
};
