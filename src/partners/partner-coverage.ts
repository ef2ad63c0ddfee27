import type { Reader } from '../neo4j/database';
import { notFound } from '../graphql/errors';
import { ENTITY_ROW, type EntityRow } from '../nodes/entity-row';
import { VISIBLE } from '../nodes/visibility';
import { IS_OPEN } from '../opportunities';

export interface PartnerCoverageRow {
  partner: EntityRow;
  customers: EntityRow[];
  openPipeline: number;
  conflicts: { customer: EntityRow; partners: EntityRow[] }[];
  people: EntityRow[];
  managers: EntityRow[];
}

const PARTNER_COVERAGE = `
MATCH (partner:Entity:Organization {id: $partnerId}) WHERE ${VISIBLE('partner')}
CALL (partner) {
  OPTIONAL MATCH (partner)-[:SERVES]->(c:Organization) WHERE ${VISIBLE('c')}
  WITH DISTINCT c ORDER BY c.name, c.id
  RETURN collect(${ENTITY_ROW('c')}) AS customers
}
CALL (partner) {
  OPTIONAL MATCH (partner)-[:SERVES]->(c:Organization)<-[:FOR_ACCOUNT]-(o:Opportunity)
  WHERE ${IS_OPEN('o')} AND ${VISIBLE('c')} AND ${VISIBLE('o')}
  WITH DISTINCT o
  RETURN sum(coalesce(o.amount, 0.0) * coalesce(o.probability, 0.0)) AS openPipeline
}
CALL (partner) {
  OPTIONAL MATCH (partner)-[:SERVES]->(c:Organization)<-[:SERVES]-(other:Organization)
  WHERE other <> partner AND ${VISIBLE('c')} AND ${VISIBLE('other')}
  WITH DISTINCT c, other ORDER BY other.name, other.id
  WITH c, collect(${ENTITY_ROW('other')}) AS partners ORDER BY c.name, c.id
  RETURN collect(CASE WHEN c IS NULL THEN null ELSE {customer: ${ENTITY_ROW('c')}, partners: partners} END) AS conflicts
}
CALL (partner) {
  OPTIONAL MATCH (p:Person)-[:WORKS_AT]->(partner) WHERE ${VISIBLE('p')}
  WITH DISTINCT p ORDER BY p.name, p.id
  RETURN collect(${ENTITY_ROW('p')}) AS people
}
CALL (partner) {
  OPTIONAL MATCH (u:User)-[:MANAGES]->(partner) WHERE ${VISIBLE('u')}
  WITH DISTINCT u ORDER BY u.name, u.id
  RETURN collect(${ENTITY_ROW('u')}) AS managers
}
RETURN ${ENTITY_ROW('partner')} AS partner, customers, openPipeline, conflicts, people, managers`;

/** What a channel partner brings (DESIGN §4), over visible nodes only; NOT_FOUND unless the id is a visible Organization. */
export async function partnerCoverage(db: Reader, partnerId: string): Promise<PartnerCoverageRow> {
  const [row] = await db.read<PartnerCoverageRow>(PARTNER_COVERAGE, { partnerId });
  if (!row) throw notFound('Organization', partnerId);
  return row;
}
