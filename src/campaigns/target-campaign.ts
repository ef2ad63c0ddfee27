import type { Tx } from '../neo4j/database';
import { param } from '../neo4j/values';
import { lockNode } from '../nodes/lock-nodes';
import { audienceMembers, type AudienceFilter } from '../consent';

export interface TargetingReport {
  targeted: number;
  alreadyTargeted: number;
  matchedWithoutConsent: number;
}

const ADD_TARGETS = `
MATCH (c:Entity:Campaign {id: $campaignId})
UNWIND $personIds AS personId
MATCH (p:Entity:Person {id: personId})
OPTIONAL MATCH (p)-[existing:TARGETED_BY]->(c)
WITH c, p, existing
CALL (c, p, existing) {
  WITH c, p, existing WHERE existing IS NULL
  CREATE (p)-[:TARGETED_BY {at: $at, createdAt: $now, updatedAt: $now}]->(c)
}
RETURN count(existing) AS alreadyTargeted, count(p) - count(existing) AS targeted`;

/**
 * Targets exactly the people of audience(filter, the campaign's channel and purpose, asOf: at):
 * the consent area's one rule for who may be contacted, run in this transaction. The campaign is
 * locked first, so two targetings of the same campaign never add a person twice.
 */
export async function targetCampaign(
  tx: Tx,
  campaignId: string,
  filter: AudienceFilter,
  at: string,
): Promise<TargetingReport> {
  const campaign = await lockNode(tx, 'Campaign', campaignId);
  const audience = await audienceMembers(tx, { filter, channel: String(campaign.channel), purpose: String(campaign.purpose), asOf: at });
  const [row] = await tx.run<{ targeted: number; alreadyTargeted: number }>(ADD_TARGETS, {
    campaignId,
    personIds: audience.personIds,
    at: param.dateTime(at),
    now: param.now(),
  });
  return { targeted: row.targeted, alreadyTargeted: row.alreadyTargeted, matchedWithoutConsent: audience.excludedWithoutConsent };
}
