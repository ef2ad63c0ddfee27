/** Lifecycle stages of organizations, their transition table and history. */
import { createLifecycleLoaders } from './loaders';

export { lifecycleResolvers as resolvers } from './resolvers';
export { createLifecycleLoaders as createLoaders };

type LifecycleLoaders = ReturnType<typeof createLifecycleLoaders>;
declare module '../graphql/context' {
  interface Loaders extends LifecycleLoaders {}
}
