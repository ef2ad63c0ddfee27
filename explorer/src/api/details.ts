import { gql } from './client';

const NODE_DETAILS = /* GraphQL */ `
query NodeDetails($id: ID!) {
  node(id: $id) {
    id
    key
    __typename
    ... on Organization {
      name orgKinds: kinds lifecycleStage tier industry city region employees annualRevenue domain
      parent { id name }
      partners { node { id name } as }
      managers { node { id name } as }
    }
    ... on Person {
      name personKinds: kinds title department seniority email phone city
      employers { node { id name } title until }
      manager { id name }
      knows(first: 5) { node { id ... on Person { name } ... on User { name } } strength lastInteractionAt }
    }
    ... on User {
      name email roles
      accounts { node { id name } as }
    }
  }
}`;

interface Ref {
  id: string;
  name: string;
}

export interface NodeDetails {
  id: string;
  key: string | null;
  __typename: string;
  name?: string;
  orgKinds?: string[];
  personKinds?: string[];
  lifecycleStage?: string | null;
  tier?: string | null;
  industry?: string | null;
  city?: string | null;
  region?: string | null;
  employees?: number | null;
  annualRevenue?: number | null;
  domain?: string | null;
  parent?: Ref | null;
  partners?: { node: Ref; as: string | null }[];
  managers?: { node: Ref; as: string | null }[];
  title?: string | null;
  department?: string | null;
  seniority?: string | null;
  email?: string | null;
  phone?: string | null;
  employers?: { node: Ref; title: string | null; until: string | null }[];
  manager?: Ref | null;
  knows?: { node: { id: string; name?: string }; strength: number; lastInteractionAt: string | null }[];
  roles?: string[];
  accounts?: { node: Ref; as: string | null }[];
}

/** Everything the side panel shows about one organization, person or user. */
export async function fetchNodeDetails(id: string): Promise<NodeDetails | null> {
  const { node } = await gql<{ node: NodeDetails | null }>(NODE_DETAILS, { id });
  return node;
}
