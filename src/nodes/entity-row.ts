import type { NodeLabel } from '../model/graph-model';

/** Any entity node as the Cypher of every area returns it: its properties plus its type. */
export interface EntityRow {
  __typename: NodeLabel;
  id: string;
  key: string | null;
  /** Epoch milliseconds (TIMESTAMPS below); the DateTime scalar prints them as ISO-8601 UTC. */
  createdAt: number;
  updatedAt: number;
  [property: string]: unknown;
}

/**
 * Map projection entries that ship the createdAt and updatedAt of node or relationship `x` as
 * epoch milliseconds rather than DateTimes. Every row carries both, and the driver decodes each
 * DateTime with its 64-bit Integer arithmetic: on reads of many rows that was most of the API's
 * CPU (issue 12). Milliseconds are all the DateTime scalar prints anyway.
 */
export const TIMESTAMPS = (x: string) => `createdAt: ${x}.createdAt.epochMillis, updatedAt: ${x}.updatedAt.epochMillis`;

/** Cypher map projection that turns node `n` into an EntityRow. */
export const ENTITY_ROW = (n: string) => `${n} { .*, ${TIMESTAMPS(n)}, __typename: [label IN labels(${n}) WHERE label <> 'Entity'][0] }`;
