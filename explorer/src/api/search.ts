import { gql } from './client';
import { NODE_SUMMARY, type NodeSummary } from './fragments';

const SEARCH = /* GraphQL */ `
query Search($text: String!) {
  search(text: $text, types: ["Organization", "Person"], first: 10) {
    score
    node {
      ...NodeSummary
      ... on Organization { city }
      ... on Person { employers(first: 1) { node { id name } } }
    }
  }
}
${NODE_SUMMARY}`;

export interface SearchHitNode extends NodeSummary {
  city?: string | null;
  employers?: { node: { id: string; name: string } }[];
}

/** Organizations and people matching every word (whole or as a prefix), best first. */
export async function searchStakeholders(text: string): Promise<SearchHitNode[]> {
  const { search } = await gql<{ search: { node: SearchHitNode }[] }>(SEARCH, { text });
  return search.map((hit) => hit.node);
}
