/** The pipeline by stage, and stage changes with their history. */
import { createPipelineLoaders } from './loaders';
import type { PipelineSummary } from './pipeline-summary';

export { pipelineResolvers as resolvers } from './resolvers';
export { createPipelineLoaders as createLoaders };

type PipelineLoaders = ReturnType<typeof createPipelineLoaders>;
declare module '../graphql/context' {
  interface Loaders extends PipelineLoaders {}
}

declare module '../graphql/resolver-rows' {
  interface ResolverRows {
    Pipeline: PipelineSummary;
  }
}
