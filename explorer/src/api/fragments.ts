/**
 * What every view needs to draw or name a node. `kinds` differs in type between organizations
 * and people, so GraphQL needs two names for it.
 */
export const NODE_SUMMARY = /* GraphQL */ `
fragment NodeSummary on Node {
  id
  __typename
  ... on Organization { name orgKinds: kinds }
  ... on Person { name personKinds: kinds title }
  ... on User { name roles }
}`;

export interface NodeSummary {
  id: string;
  __typename: string;
  name?: string;
  orgKinds?: string[];
  personKinds?: string[];
  title?: string | null;
  roles?: string[];
}

export const PATH_FIELDS = /* GraphQL */ `
fragment PathFields on RelationshipPath {
  strength
  hops
  nodes { ...NodeSummary }
  steps { type fromId toId weight }
}`;

export interface PathStep {
  type: string;
  fromId: string;
  toId: string;
  weight: number;
}

/** A ranked path as relationshipPaths, warmIntroductions and friends return it. */
export interface RelationshipPath {
  strength: number;
  hops: number;
  nodes: NodeSummary[];
  steps: PathStep[];
}
