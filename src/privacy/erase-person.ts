import type { Tx } from '../neo4j/database';
import { param } from '../neo4j/values';
import { lockNode } from '../nodes/lock-nodes';
import { keyHash } from './erased-keys';
import { checkedReason } from './reason';
import { redactedProperties, redactor } from './redact';

// Text that outlives the person: interactions someone else also took part in, and cases they raised.
const TEXT_THAT_STAYS = `
MATCH (p:Person {id: $personId})
CALL (p) {
  MATCH (p)-[:PARTICIPATED_IN]->(n:Interaction)
  WHERE EXISTS { MATCH (other)-[:PARTICIPATED_IN]->(n) WHERE other <> p }
  RETURN n
  UNION
  MATCH (n:Case)-[:RAISED_BY]->(p)
  RETURN n
}
RETURN n.id AS id, properties(n) AS properties,
       [name IN keys(n) WHERE n[name] IS :: STRING OR n[name] IS :: LIST<STRING NOT NULL>] AS textNames`;

const SET_REDACTED = `
UNWIND $rows AS row
MATCH (n:Entity {id: row.id})
SET n += row.properties, n.updatedAt = $now`;

// Consents and interactions that would be left with nobody go with the person; the rest of
// their relationships (buying roles included) go with DETACH DELETE.
const ERASE = `
MATCH (p:Person {id: $personId})
CALL (p) {
  MATCH (p)-[:GAVE]->(c:Consent)
  WHERE NOT EXISTS { MATCH (someone)-[:GAVE]->(c) WHERE someone <> p }
  DETACH DELETE c
  RETURN count(*) AS consents
}
CALL (p) {
  MATCH (p)-[:PARTICIPATED_IN]->(i:Interaction)
  WHERE NOT EXISTS { MATCH (someone)-[:PARTICIPATED_IN]->(i) WHERE someone <> p }
  DETACH DELETE i
  RETURN count(*) AS interactions
}
DETACH DELETE p
CREATE (:ErasedPerson {id: $personId, erasedAt: $now, reason: $reason, keyHash: $keyHash})
RETURN consents, interactions`;

/**
 * Erases a person in the caller's transaction (see Mutation.erasePerson): redacts their name,
 * e-mail, phone and key in the text that stays, deletes them with their relationships, consents
 * and lone interactions, and leaves an ErasedPerson tombstone (no :Entity label, no personal
 * data). NOT_FOUND for an unknown id.
 */
export async function erasePerson(tx: Tx, personId: string, reason: string): Promise<string> {
  const given = checkedReason(reason);
  const person = await lockNode(tx, 'Person', personId);
  const redact = redactor([person.name as string, person.email as string, person.phone as string, person.key]);
  const now = param.now();
  const texts = await tx.run<{ id: string; properties: Record<string, unknown>; textNames: string[] }>(TEXT_THAT_STAYS, { personId });
  // Only text properties: a date comes back as a string too, but must stay a date.
  const rows = texts
    .map((text) => ({ id: text.id, properties: redactedProperties(pick(text.properties, text.textNames), redact) }))
    .filter((row) => row.properties !== null);
  if (rows.length) await tx.run(SET_REDACTED, { rows, now });
  await tx.run(ERASE, {
    personId,
    now,
    reason: redact(given),
    keyHash: person.key ? keyHash(person.key) : null,
  });
  return personId;
}

function pick(properties: Record<string, unknown>, names: string[]): Record<string, unknown> {
  return Object.fromEntries(names.map((name) => [name, properties[name]]));
}
