import { notFound } from '../graphql/errors';
import type { Reader } from '../neo4j/database';
import { withoutNameKey } from '../model/name-key';

/** `{id, key, type, name}` of node `n`: enough to name the other end without copying its record. */
const REF = (n: string) => `{id: ${n}.id, key: ${n}.key, type: [label IN labels(${n}) WHERE label <> 'Entity'][0], name: ${n}.name}`;

// Everything hangs off the person, so one query in one read transaction gives a consistent copy.
// Other participants of an interaction are named by id and type only: their names are their data.
const PERSON_DATA = `
MATCH (p:Entity:Person {id: $personId})
RETURN {
  person: {id: p.id, key: p.key, type: 'Person', properties: properties(p)},
  relationships: COLLECT {
    MATCH (p)-[r]-(other)
    RETURN {type: type(r), direction: CASE WHEN startNode(r) = p THEN 'OUTGOING' ELSE 'INCOMING' END,
            properties: properties(r), other: ${REF('other')}}
    ORDER BY type(r), other.id, elementId(r)
  },
  interactions: COLLECT {
    MATCH (p)-[:PARTICIPATED_IN]->(i:Interaction)
    RETURN i {.*,
      about: COLLECT { MATCH (i)-[:ABOUT]->(a) RETURN ${REF('a')} ORDER BY a.id },
      otherParticipants: COLLECT {
        MATCH (someone)-[:PARTICIPATED_IN]->(i) WHERE someone <> p
        RETURN {id: someone.id, type: [label IN labels(someone) WHERE label <> 'Entity'][0]} ORDER BY someone.id
      }
    }
    ORDER BY i.occurredAt, i.id
  },
  consents: COLLECT { MATCH (p)-[:GAVE]->(c:Consent) RETURN c {.*} ORDER BY c.at, c.id },
  buyingRoles: COLLECT {
    MATCH (p)-[b:BUYING_ROLE]->(o:Opportunity)
    RETURN {opportunity: ${REF('o')}, roles: coalesce(b.roles, []), stance: b.stance, properties: properties(b)}
    ORDER BY o.id
  },
  casesRaised: COLLECT {
    MATCH (c:Case)-[:RAISED_BY]->(p)
    RETURN c {.*, concerns: COLLECT { MATCH (c)-[:CONCERNS]->(x) RETURN ${REF('x')} ORDER BY x.id }}
    ORDER BY c.openedAt, c.id
  }
} AS document`;

/**
 * Everything stored about one person (GDPR Art. 15/20) as one JSON document: see
 * Query.exportPersonData. NOT_FOUND for an unknown id.
 */
export async function exportPersonData(db: Reader, personId: string): Promise<Record<string, unknown>> {
  const [row] = await db.read<{ document: { person: { properties: Record<string, unknown> } } }>(PERSON_DATA, { personId });
  if (!row) throw notFound('Person', personId);
  const { person, ...rest } = row.document;
  return { exportedAt: new Date().toISOString(), person: { ...person, properties: withoutNameKey(person.properties) }, ...rest };
}
