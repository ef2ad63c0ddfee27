import { gql } from './client';
import { NODE_SUMMARY, PATH_FIELDS, type RelationshipPath } from './fragments';

export interface OpportunitySummary {
  id: string;
  name: string;
  stage: string | null;
  amount: number | null;
  currency: string | null;
  expectedCloseDate: string | null;
  account: { id: string; name: string } | null;
}

const OPPORTUNITY_SUMMARY = /* GraphQL */ `
fragment OpportunitySummary on Opportunity {
  id name stage amount currency expectedCloseDate account { id name }
}`;

const OPPORTUNITIES_OF = /* GraphQL */ `
query OpportunitiesOf($id: ID!) {
  node(id: $id) {
    ... on Organization { opportunities(first: 50) { edges { node { ...OpportunitySummary } } } }
    ... on Person { buyingRoles { opportunity { ...OpportunitySummary } } }
    ... on User { opportunities(first: 50) { edges { node { ...OpportunitySummary } } } }
  }
}
${OPPORTUNITY_SUMMARY}`;

interface OpportunitiesAnswer {
  opportunities?: { edges: { node: OpportunitySummary }[] };
  buyingRoles?: { opportunity: OpportunitySummary }[];
}

/** The deals of an account or a user, or those a person sits in the buying center of. */
export async function fetchOpportunitiesOf(id: string): Promise<OpportunitySummary[]> {
  const { node } = await gql<{ node: OpportunitiesAnswer | null }>(OPPORTUNITIES_OF, { id });
  if (!node) return [];
  return node.opportunities?.edges.map((edge) => edge.node) ?? node.buyingRoles?.map((role) => role.opportunity) ?? [];
}

const BUYING_CENTER = /* GraphQL */ `
query BuyingCenter($opportunityId: ID!) {
  buyingCenter(opportunityId: $opportunityId) {
    opportunity { ...OpportunitySummary probability owner { id name } }
    members { person { id name title } roles stance bestPath { ...PathFields } }
    missingRoles
    coverage
  }
}
${OPPORTUNITY_SUMMARY}
${PATH_FIELDS}
${NODE_SUMMARY}`;

export interface BuyingCenterMember {
  person: { id: string; name: string; title: string | null };
  roles: string[];
  stance: string;
  bestPath: RelationshipPath | null;
}

export interface BuyingCenter {
  opportunity: OpportunitySummary & { probability: number | null; owner: { id: string; name: string } | null };
  members: BuyingCenterMember[];
  missingRoles: string[];
  coverage: number;
}

export async function fetchBuyingCenter(opportunityId: string): Promise<BuyingCenter> {
  const { buyingCenter } = await gql<{ buyingCenter: BuyingCenter }>(BUYING_CENTER, { opportunityId });
  return buyingCenter;
}
