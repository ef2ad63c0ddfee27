import { badUserInput } from '../graphql/errors';
import type { ChangeReport } from '../graphql/mutate';
import type { Tx } from '../neo4j/database';
import { param } from '../neo4j/values';
import { ENTITY_ROW, type EntityRow } from '../nodes/entity-row';
import { lockNode } from '../nodes/lock-nodes';
import { recordConsentDecision } from '../consent';
import { logInteraction } from '../interactions';

export interface CampaignResponseRow {
  person: EntityRow;
  campaign: EntityRow;
  kind: string;
  at: string;
}

/** Responses that are not a reaction of the person: they do not count as "responded". */
export const PASSIVE_KINDS = ['DELIVERED', 'BOUNCED'] as const;

/** The interaction a reply arrives as, by the campaign's channel (a letter is answered in writing: EMAIL). */
const REPLY_TYPE: Record<string, string> = { EMAIL: 'EMAIL', PHONE: 'CALL', POST: 'EMAIL', SMS: 'CHAT', SOCIAL: 'SOCIAL' };

// One RESPONDED per person, campaign and kind: a repeat (a re-sent tracking call) keeps the earliest at.
const RECORD_RESPONSE = `
MATCH (p:Entity:Person {id: $personId}), (c:Entity:Campaign {id: $campaignId})
OPTIONAL MATCH (p)-[existing:RESPONDED {kind: $kind}]->(c)
CALL (p, c, existing) {
  WITH p, c, existing WHERE existing IS NULL
  CREATE (p)-[r:RESPONDED {kind: $kind, at: $at, createdAt: $now, updatedAt: $now}]->(c)
  RETURN r
  UNION
  WITH existing WHERE existing IS NOT NULL
  SET existing.at = CASE WHEN $at < existing.at THEN $at ELSE existing.at END, existing.updatedAt = $now
  RETURN existing AS r
}
RETURN ${ENTITY_ROW('p')} AS person, r.kind AS kind, r.at AS at`;

const IS_TARGETED = `
MATCH (p:Entity:Person {id: $personId})
RETURN EXISTS { MATCH (p)-[:TARGETED_BY]->(:Campaign {id: $campaignId}) } AS targeted`;

/**
 * Records a targeted person's response. UNSUBSCRIBED also withdraws the campaign's channel and
 * purpose through the consent area's rule; REPLIED and REGISTERED also log an INBOUND interaction
 * of the person about the campaign through the interactions area's rule — in this transaction.
 */
export async function recordCampaignResponse(
  tx: Tx,
  report: ChangeReport,
  input: { campaignId: string; personId: string; kind: string; at: string },
): Promise<CampaignResponseRow> {
  const { campaignId, personId, kind, at } = input;
  const campaign = await lockNode(tx, 'Campaign', campaignId);
  await lockNode(tx, 'Person', personId);
  const [{ targeted }] = await tx.run<{ targeted: boolean }>(IS_TARGETED, { personId, campaignId });
  if (!targeted) {
    throw badUserInput(`Person ${personId} was not targeted by campaign "${String(campaign.name)}"; only targeted people can respond (targetCampaign adds them).`);
  }
  const [row] = await tx.run<Omit<CampaignResponseRow, 'campaign'>>(RECORD_RESPONSE, {
    personId, campaignId, kind, at: param.dateTime(at), now: param.now(),
  });
  if (kind === 'UNSUBSCRIBED') {
    const withdrawal = await recordConsentDecision(tx, {
      personId,
      channel: String(campaign.channel),
      purpose: String(campaign.purpose),
      granted: false,
      source: `campaign:${campaign.key ?? campaign.id}`,
      at,
    });
    report.emit({ type: 'consent.withdrawn', targetIds: [personId, withdrawal.id] });
  }
  if (kind === 'REPLIED' || kind === 'REGISTERED') {
    const interaction = await logInteraction(tx, {
      type: kind === 'REGISTERED' ? 'WEB_FORM' : REPLY_TYPE[String(campaign.channel)],
      direction: 'INBOUND',
      occurredAt: at,
      summary: `${kind === 'REGISTERED' ? 'Registered' : 'Replied'} to the campaign "${String(campaign.name)}"`,
      participantIds: [personId],
      aboutIds: [campaignId],
    });
    report.emit({ type: 'interaction.logged', targetIds: [interaction.id, personId, campaignId] });
  }
  return { ...row, campaign };
}
