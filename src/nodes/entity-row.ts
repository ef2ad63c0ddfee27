import type { NodeLabel } from '../model/graph-model';
import type { Params } from '../neo4j/database';

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

/** Cypher: the GraphQL type of node `n`, its label besides Entity. */
export const TYPENAME = (n: string) => `[label IN labels(${n}) WHERE label <> 'Entity'][0]`;

/** Cypher map projection that turns node `n` into an EntityRow (`more`: further map entries). */
export const ENTITY_ROW = (n: string, more?: string) => `${n} { .*, ${TIMESTAMPS(n)}, __typename: ${TYPENAME(n)}${more ? `, ${more}` : ''} }`;

/**
 * How a query that answers nodes turns node variable `n` into a row: ENTITY_ROW, or a projection
 * that brings more along (the walks a selection will ask for, src/relationships), with the
 * parameters that projection needs.
 */
export interface NodeProjection {
  row: (n: string) => string;
  params: Params;
}

/** The row of a node and nothing more. */
export const WHOLE_NODE: NodeProjection = { row: (n) => ENTITY_ROW(n), params: {} };
