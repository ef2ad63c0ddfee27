/** Node lookups by id and key, the Node interface (shared plumbing: other code imports its files directly). */
import { createNodeLoaders } from './loaders';

export { nodeResolvers as resolvers } from './resolvers';
export { createNodeLoaders as createLoaders };

type NodeLoaders = ReturnType<typeof createNodeLoaders>;
declare module '../graphql/context' {
  interface Loaders extends NodeLoaders {}
}
