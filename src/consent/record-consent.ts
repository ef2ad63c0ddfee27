import { notFound } from '../graphql/errors';
import { NODE_TYPES } from '../model/graph-model';
import { validInput } from '../model/validate-properties';
import type { Tx } from '../neo4j/database';
import { param } from '../neo4j/values';
import { ENTITY_ROW, type EntityRow } from '../nodes/entity-row';

export interface ConsentDecision {
  personId: string;
  channel: string;
  purpose: string;
  granted: boolean;
  source: string;
  textVersion?: string | null;
  at?: string | null;
}

const GIVE_CONSENT = `
MATCH (p:Person {id: $personId})
CREATE (p)-[:GAVE {createdAt: $now, updatedAt: $now}]->(c:Entity:Consent {id: randomUUID(), createdAt: $now, updatedAt: $now})
SET c += $properties
RETURN ${ENTITY_ROW('c')} AS node`;

/** Stores one grant or withdrawal as a new Consent node: decisions are evidence and never edited. */
export async function recordConsentDecision(tx: Tx, decision: ConsentDecision): Promise<EntityRow> {
  const purpose = decision.purpose.trim();
  const values = validInput(
    NODE_TYPES.Consent.properties,
    {
      channel: decision.channel,
      purpose,
      granted: decision.granted,
      at: decision.at ?? new Date().toISOString(),
      source: decision.source.trim(),
      ...(decision.textVersion ? { textVersion: decision.textVersion } : {}),
    },
    'consent',
    ['channel', 'purpose', 'granted', 'at', 'source'],
  );
  const [row] = await tx.run<{ node: EntityRow }>(GIVE_CONSENT, { personId: decision.personId, properties: values, now: param.now() });
  if (!row) throw notFound('Person', decision.personId);
  return row.node;
}
