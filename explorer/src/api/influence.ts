import { gql } from './client';
import { NODE_SUMMARY, PATH_FIELDS, type NodeSummary, type RelationshipPath } from './fragments';

export interface InfluenceScore {
  influencer: NodeSummary;
  score: number;
  paths: RelationshipPath[];
}

const INFLUENCERS = /* GraphQL */ `
query Influencers($targetId: ID!) {
  influencers(targetId: $targetId, first: 10) { influencer { ...NodeSummary } score paths { ...PathFields } }
}
${PATH_FIELDS}
${NODE_SUMMARY}`;

const ACCOUNT_INFLUENCERS = /* GraphQL */ `
query AccountInfluencers($accountId: ID!) {
  accountInfluencers(accountId: $accountId, first: 10) { influencer { ...NodeSummary } score paths { ...PathFields } }
}
${PATH_FIELDS}
${NODE_SUMMARY}`;

/** Who influences a person (influencers) or an account (accountInfluencers), highest score first. */
export async function fetchInfluencers(target: { id: string; type: string }): Promise<InfluenceScore[]> {
  if (target.type === 'Organization') {
    const { accountInfluencers } = await gql<{ accountInfluencers: InfluenceScore[] }>(ACCOUNT_INFLUENCERS, { accountId: target.id });
    return accountInfluencers;
  }
  const { influencers } = await gql<{ influencers: InfluenceScore[] }>(INFLUENCERS, { targetId: target.id });
  return influencers;
}
