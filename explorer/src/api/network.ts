import { gql } from './client';
import { NODE_SUMMARY, type NodeSummary } from './fragments';

const ACCOUNT_NETWORK = /* GraphQL */ `
query AccountNetwork($accountId: ID!, $depth: Int!, $nodeLimit: Int!) {
  accountNetwork(accountId: $accountId, depth: $depth, nodeLimit: $nodeLimit) {
    truncated
    nodes { type label depth node { ...NodeSummary } }
    edges { type fromId toId properties }
  }
}
${NODE_SUMMARY}`;

export interface NetworkAnswer {
  truncated: boolean;
  nodes: { type: string; label: string; depth: number; node: NodeSummary }[];
  edges: { type: string; fromId: string; toId: string; properties: Record<string, unknown> | null }[];
}

/** An account and everything within `depth` hops, as accountNetwork returns it. */
export async function fetchAccountNetwork(accountId: string, depth: number, nodeLimit: number): Promise<NetworkAnswer> {
  const { accountNetwork } = await gql<{ accountNetwork: NetworkAnswer }>(ACCOUNT_NETWORK, { accountId, depth, nodeLimit });
  return accountNetwork;
}

const NEIGHBOURS = /* GraphQL */ `
query Neighbours($id: ID!) {
  node(id: $id) {
    ...NodeSummary
    ... on Person {
      employers { node { ...NodeSummary } title }
      manager { ...NodeSummary }
      reports { ...NodeSummary }
      knows { node { ...NodeSummary } strength lastInteractionAt interactionCount }
      influences { node { ...NodeSummary } weight topic }
      influencedBy { node { ...NodeSummary } weight topic }
    }
    ... on User {
      accounts { node { ...NodeSummary } as }
      knows { node { ...NodeSummary } strength lastInteractionAt interactionCount }
    }
  }
}
${NODE_SUMMARY}`;

interface KnowsEdge {
  node: NodeSummary;
  strength: number;
  lastInteractionAt: string | null;
  interactionCount: number;
}
interface InfluenceEdge {
  node: NodeSummary;
  weight: number;
  topic: string | null;
}

export interface NeighboursAnswer extends NodeSummary {
  employers?: { node: NodeSummary; title: string | null }[];
  manager?: NodeSummary | null;
  reports?: NodeSummary[];
  knows?: KnowsEdge[];
  influences?: InfluenceEdge[];
  influencedBy?: InfluenceEdge[];
  accounts?: { node: NodeSummary; as: string | null }[];
}

/** A person's or user's direct relationships (organizations expand through accountNetwork). */
export async function fetchNeighbours(id: string): Promise<NeighboursAnswer | null> {
  const { node } = await gql<{ node: NeighboursAnswer | null }>(NEIGHBOURS, { id });
  return node;
}
