import { badUserInput, notFound } from '../graphql/errors';
import type { Tx } from '../neo4j/database';
import { param } from '../neo4j/values';
import { NODE_TYPES, type NodeLabel } from '../model/graph-model';
import { validInput, withoutNulls } from '../model/validate-properties';
import { ENTITY_ROW, type EntityRow } from '../nodes/entity-row';
import { labelsOf } from '../nodes/labels-of';
import { lockNodes } from '../nodes/lock-nodes';
import { VISIBLE } from '../nodes/visibility';
import { KNOWS_STRENGTH } from '../relationships';

export interface LogInteractionInput {
  type: string;
  direction?: string | null;
  occurredAt: string;
  summary?: string | null;
  outcome?: string | null;
  participantIds: string[];
  aboutIds?: string[] | null;
}

/** Every user–person pair among the participants is written, so the lists stay small. */
export const MAX_PARTICIPANTS = 50;
export const MAX_ABOUT = 20;
const PARTICIPANT_LABELS: readonly NodeLabel[] = ['User', 'Person'];
const ABOUT_LABELS: readonly NodeLabel[] = ['Organization', 'Opportunity', 'Case', 'Campaign'];

const CREATE_INTERACTION = `
CREATE (i:Entity:Interaction {id: randomUUID(), createdAt: $now, updatedAt: $now})
SET i += $properties
WITH i
CALL (i) {
  UNWIND $participantIds AS participantId
  MATCH (p:Entity {id: participantId}) WHERE ${VISIBLE('p')}
  CREATE (p)-[:PARTICIPATED_IN {createdAt: $now, updatedAt: $now}]->(i)
}
CALL (i) {
  UNWIND $aboutIds AS aboutId
  MATCH (a:Entity {id: aboutId}) WHERE ${VISIBLE('a')}
  CREATE (i)-[:ABOUT {createdAt: $now, updatedAt: $now}]->(a)
}
RETURN ${ENTITY_ROW('i')} AS node`;

// declaredStrength keeps a hand-set strength: a KNOWS never touched by logging counts its
// strength as declared. Then strength = KNOWS_STRENGTH(declared, n).
const STRENGTHEN_KNOWS = `
UNWIND $pairs AS pair
MATCH (u:Entity:User {id: pair.userId}), (p:Entity:Person {id: pair.personId}) WHERE ${VISIBLE('u')} AND ${VISIBLE('p')}
OPTIONAL MATCH (u)-[k:KNOWS]-(p)
WITH u, p, head(collect(k)) AS existing
CALL (u, p, existing) {
  WITH u, p, existing WHERE existing IS NULL
  CREATE (u)-[k:KNOWS {createdAt: $now, source: 'interaction'}]->(p)
  RETURN k
  UNION
  WITH existing WHERE existing IS NOT NULL
  RETURN existing AS k
}
WITH k,
  coalesce(k.declaredStrength, CASE WHEN coalesce(k.interactionCount, 0) = 0 THEN k.strength END) AS declared,
  coalesce(k.interactionCount, 0) + 1 AS n
SET k.interactionCount = n,
    k.declaredStrength = declared,
    k.strength = ${KNOWS_STRENGTH('declared', 'n')},
    k.lastInteractionAt = CASE WHEN k.lastInteractionAt IS NULL OR k.lastInteractionAt < $occurredAt
                               THEN $occurredAt ELSE k.lastInteractionAt END,
    k.updatedAt = $now`;

/**
 * Logs a contact: the Interaction, PARTICIPATED_IN from each participant, ABOUT to each subject,
 * and KNOWS strengthened between every User–Person pair among the participants — all in one
 * transaction, so a rejected or failed call leaves nothing behind. A PARTNER may log contacts
 * within its scope: a hidden participant or subject is NOT_FOUND like an unknown id.
 */
export async function logInteraction(tx: Tx, input: LogInteractionInput): Promise<EntityRow> {
  const participantIds = [...new Set(input.participantIds)];
  const aboutIds = [...new Set(input.aboutIds ?? [])];
  if (!participantIds.length) throw badUserInput('input.participantIds must name at least one User or Person who took part.');
  if (participantIds.length > MAX_PARTICIPANTS) {
    throw badUserInput(`input.participantIds names ${participantIds.length} participants; at most ${MAX_PARTICIPANTS} are allowed. Log a NEWSLETTER per recipient group instead.`);
  }
  if (aboutIds.length > MAX_ABOUT) throw badUserInput(`input.aboutIds names ${aboutIds.length} subjects; at most ${MAX_ABOUT} are allowed.`);
  const { participantIds: _p, aboutIds: _a, ...fields } = input;
  const properties = withoutNulls(validInput(NODE_TYPES.Interaction.properties, fields, 'interaction', NODE_TYPES.Interaction.required));

  const labels = await checkIds(tx, participantIds, aboutIds);
  const users = participantIds.filter((id) => labels.get(id) === 'User');
  const persons = participantIds.filter((id) => labels.get(id) === 'Person');
  const pairs = users.flatMap((userId) => persons.map((personId) => ({ userId, personId })));
  // Locked first, concurrent loggings of the same pair run one after the other: the second
  // reads the KNOWS the first committed, so no count is lost.
  if (pairs.length) await lockNodes(tx, [...users, ...persons]);
  const now = param.now();
  const [row] = await tx.run<{ node: EntityRow }>(CREATE_INTERACTION, { properties, participantIds, aboutIds, now });
  if (pairs.length) await tx.run(STRENGTHEN_KNOWS, { pairs, occurredAt: properties.occurredAt, now });
  return row.node;
}

async function checkIds(tx: Tx, participantIds: string[], aboutIds: string[]): Promise<Map<string, NodeLabel>> {
  const labels = await labelsOf(tx, [...participantIds, ...aboutIds]);
  const check = (ids: string[], allowed: readonly NodeLabel[], field: string) => {
    for (const id of ids) {
      const label = labels.get(id);
      if (!label) throw notFound(allowed.join(' or '), id);
      if (!allowed.includes(label)) throw badUserInput(`input.${field} takes ids of ${allowed.join(', ')}; ${id} is a ${label}.`);
    }
  };
  check(participantIds, PARTICIPANT_LABELS, 'participantIds');
  check(aboutIds, ABOUT_LABELS, 'aboutIds');
  return labels;
}
