import type { Reader } from '../neo4j/database';
import { ENTITY_ROW, type EntityRow } from '../nodes/entity-row';
import { VISIBLE } from '../nodes/visibility';
import { loaderById } from '../graphql/loader-by-id';

const CONSENTS = `
UNWIND $ids AS id
MATCH (p:Person {id: id})
RETURN id, COLLECT {
  MATCH (p)-[:GAVE]->(c:Consent) WHERE ${VISIBLE('c')}
  RETURN ${ENTITY_ROW('c')} ORDER BY c.at DESC, c.granted ASC, c.createdAt DESC, c.id
} AS consents`;

const PEOPLE = `
UNWIND $ids AS id
MATCH (p:Person)-[:GAVE]->(:Consent {id: id}) WHERE ${VISIBLE('p')}
RETURN id, ${ENTITY_ROW('p')} AS person`;

/** Consent decisions per person (newest first; on equal `at` the withdrawal first) and the person per decision. */
export function createConsentLoaders(db: Reader) {
  return {
    consentsByPersonId: loaderById<EntityRow[]>(db, CONSENTS, 'consents', []),
    personByConsentId: loaderById<EntityRow | null>(db, PEOPLE, 'person', null),
  };
}

/** The current decision per channel and purpose: the first of each in newest-first order. */
export function currentConsents(consents: EntityRow[]): EntityRow[] {
  const seen = new Set<string>();
  return consents.filter((consent) => {
    const key = JSON.stringify([consent.channel, consent.purpose]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
