/** Contact history: logging interactions (which strengthens KNOWS) and paging them. */
import { createInteractionLoaders } from './loaders';

export { interactionResolvers as resolvers } from './resolvers';
export { createInteractionLoaders as createLoaders };
export { logInteraction, type LogInteractionInput } from './log-interaction';

type InteractionLoaders = ReturnType<typeof createInteractionLoaders>;
declare module '../graphql/context' {
  interface Loaders extends InteractionLoaders {}
}
