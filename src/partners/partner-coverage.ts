import type { Params, Reader } from '../neo4j/database';
import { notFound } from '../graphql/errors';
import type { EntityRow } from '../nodes/entity-row';
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

/** Where the answer holds nodes, as paths of the selection: each place's rows may be projected apart. */
export const COVERAGE_PLACES = {
  partner: ['partner'],
  customers: ['customers'],
  conflictCustomer: ['conflicts', 'customer'],
  conflictPartners: ['conflicts', 'partners'],
  people: ['people'],
  managers: ['managers'],
} as const;

export type CoveragePlace = keyof typeof COVERAGE_PLACES;

const partnerCoverageCypher = (row: Record<CoveragePlace, (n: string) => string>) => `
MATCH (partner:Entity:Organization {id: $partnerId}) WHERE ${VISIBLE('partner')}
CALL (partner) {
  OPTIONAL MATCH (partner)-[:SERVES]->(c:Organization) WHERE ${VISIBLE('c')}
  WITH DISTINCT c ORDER BY c.name, c.id
  RETURN collect(${row.customers('c')}) AS customers
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
  WITH c, collect(${row.conflictPartners('other')}) AS partners ORDER BY c.name, c.id
  RETURN collect(CASE WHEN c IS NULL THEN null ELSE {customer: ${row.conflictCustomer('c')}, partners: partners} END) AS conflicts
}
CALL (partner) {
  OPTIONAL MATCH (p:Person)-[:WORKS_AT]->(partner) WHERE ${VISIBLE('p')}
  WITH DISTINCT p ORDER BY p.name, p.id
  RETURN collect(${row.people('p')}) AS people
}
CALL (partner) {
  OPTIONAL MATCH (u:User)-[:MANAGES]->(partner) WHERE ${VISIBLE('u')}
  WITH DISTINCT u ORDER BY u.name, u.id
  RETURN collect(${row.managers('u')}) AS managers
}
RETURN ${row.partner('partner')} AS partner, customers, openPipeline, conflicts, people, managers`;

/**
 * What a channel partner brings (DESIGN §4), over visible nodes only; NOT_FOUND unless the id is a
 * visible Organization. The nodes come as `projection.row` makes them at each place.
 */
export async function partnerCoverage(
  db: Reader,
  partnerId: string,
  projection: { row: Record<CoveragePlace, (n: string) => string>; params: Params },
): Promise<PartnerCoverageRow> {
  const [row] = await db.read<PartnerCoverageRow>(partnerCoverageCypher(projection.row), { ...projection.params, partnerId });
  if (!row) throw notFound('Organization', partnerId);
  return row;
}
