import { gql } from './client';
import { NODE_SUMMARY, PATH_FIELDS, type RelationshipPath } from './fragments';

const WARM_INTRODUCTIONS = /* GraphQL */ `
query WarmIntroductions($targetId: ID!, $maxHops: Int!, $first: Int!) {
  warmIntroductions(targetId: $targetId, maxHops: $maxHops, first: $first) { ...PathFields }
}
${PATH_FIELDS}
${NODE_SUMMARY}`;

/** The strongest introduction paths from anyone on our team to the target, strongest first. */
export async function fetchWarmIntroductions(targetId: string, maxHops = 4, first = 5): Promise<RelationshipPath[]> {
  const { warmIntroductions } = await gql<{ warmIntroductions: RelationshipPath[] }>(WARM_INTRODUCTIONS, { targetId, maxHops, first });
  return warmIntroductions;
}
