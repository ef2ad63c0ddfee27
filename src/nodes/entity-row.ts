import type { NodeLabel } from '../model/graph-model';

/** Any entity node as the Cypher of every area returns it: its properties plus its type. */
export interface EntityRow {
  __typename: NodeLabel;
  id: string;
  key: string | null;
  createdAt: string;
  updatedAt: string;
  [property: string]: unknown;
}

/** Cypher map projection that turns node `n` into an EntityRow. */
export const ENTITY_ROW = (n: string) => `${n} { .*, __typename: [label IN labels(${n}) WHERE label <> 'Entity'][0] }`;
