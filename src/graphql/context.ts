import type { Database, Reader } from '../neo4j/database';
import type { Logger } from '../logger';
import { createNodeLoaders } from '../nodes/loaders';
import { createNeighbourLoaders } from '../relationships/neighbour-loaders';
import { createOpportunityLoaders } from '../opportunities/loaders';
import { createBuyingCenterLoaders } from '../buying-center/buying-center';
import { createInteractionLoaders } from '../interactions/loaders';
import { createCommerceLoaders } from '../commerce/loaders';
import { createCaseLoaders } from '../cases/loaders';
import { createLifecycleLoaders } from '../lifecycle/loaders';
import { createConsentLoaders } from '../consent/loaders';
import { createWarmPathLoaders } from '../analytics/warm-paths';
import { createPipelineLoaders } from '../pipeline/loaders';
import { mutator, type Mutate } from './mutate';

/** Everything a resolver may use; built fresh for every request. */
export interface Context {
  /** Reads only; a mutation writes through `mutate`. */
  db: Reader;
  log: Logger;
  loaders: Loaders;
  /** Opens the one write transaction of a mutation. */
  mutate: Mutate;
}

/** All DataLoaders, one set per request so no cache outlives it. */
export function createLoaders(db: Reader) {
  return {
    ...createNodeLoaders(db),
    ...createNeighbourLoaders(db),
    ...createOpportunityLoaders(db),
    ...createBuyingCenterLoaders(db),
    ...createInteractionLoaders(db),
    ...createCommerceLoaders(db),
    ...createCaseLoaders(db),
    ...createLifecycleLoaders(db),
    ...createConsentLoaders(db),
    ...createWarmPathLoaders(db),
    ...createPipelineLoaders(db),
  };
}
export type Loaders = ReturnType<typeof createLoaders>;

export function createContext(db: Database, log: Logger): Context {
  return { db, log, loaders: createLoaders(db), mutate: mutator(db) };
}
