import type { NodeResolvers, Resolvers } from '../generated/graphql';

type NodeTypeName = NonNullable<Awaited<ReturnType<NodeResolvers['__resolveType']>>>;

export const nodeResolvers: Resolvers = {
  Query: {
    node: (_root, { id }, { loaders }) => loaders.nodeById.load(id),
    nodeByKey: (_root, { key }, { loaders }) => loaders.nodeByKey.load(key),
  },
  Node: {
    // Every label of the graph model has a GraphQL object type of the same name.
    __resolveType: (node) => node.__typename as NodeTypeName,
  },
};
