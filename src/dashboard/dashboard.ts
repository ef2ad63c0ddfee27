import { dormantCustomers } from '../analytics';
import type { Reader } from '../neo4j/database';
import { param } from '../neo4j/values';
import { VISIBLE } from '../nodes/visibility';
import { IS_OPEN } from '../opportunities';
import { OPEN_CASE_STATUSES } from '../cases';
import { KEY_ROLES } from '../buying-center';

export interface DashboardRow {
  asOf: string;
  openOpportunities: number;
  openPipeline: number;
  weightedPipeline: number;
  winRate: number | null;
  newLeads: number;
  openCasesBySeverity: { severity: 'LOW' | 'MEDIUM' | 'HIGH' | 'CRITICAL'; count: number }[];
  dormantCustomers: number;
  accountsPerTier: { tier: 'A' | 'B' | 'C'; accounts: number }[];
  interactionsLast30Days: number;
  buyingCentersWithMissingRoles: number;
}

// Every KPI counts visible nodes only, so a scoped viewer's dashboard is that of the graph it sees.
const PIPELINE = `
MATCH (o:Opportunity) WHERE ${VISIBLE('o')}
WITH o, ${IS_OPEN('o')} AS open
RETURN count(CASE WHEN open THEN o END) AS openOpportunities,
       sum(CASE WHEN open THEN coalesce(o.amount, 0) ELSE 0 END) AS openPipeline,
       sum(CASE WHEN open THEN coalesce(o.amount, 0) * coalesce(o.probability, 0) ELSE 0 END) AS weightedPipeline,
       count(CASE WHEN o.stage = 'WON' THEN o END) AS won,
       count(CASE WHEN o.stage = 'LOST' THEN o END) AS lost`;

const NEW_LEADS = `
MATCH (a:Organization {lifecycleStage: 'LEAD'}) WHERE ${VISIBLE('a')}
WITH a, COLLECT {
  MATCH (a)-[:HAS_LIFECYCLE_CHANGE]->(c:LifecycleChange {to: 'LEAD'}) WHERE ${VISIBLE('c')}
  RETURN c.at ORDER BY c.at DESC LIMIT 1
} AS changes
WITH coalesce(changes[0], a.createdAt) AS since
WHERE $asOf - duration('P30D') < since <= $asOf
RETURN count(*) AS newLeads`;

const OPEN_CASES = `
UNWIND ['CRITICAL', 'HIGH', 'MEDIUM', 'LOW'] AS severity
RETURN severity, COUNT {
  MATCH (c:Case {severity: severity})
  WHERE c.status IN $openStatuses AND ${VISIBLE('c')} AND coalesce(c.openedAt, c.createdAt) <= $asOf
} AS count`;

const TIERS = `
UNWIND ['A', 'B', 'C'] AS tier
RETURN tier, COUNT { MATCH (a:Organization {tier: tier}) WHERE ${VISIBLE('a')} } AS accounts`;

const INTERACTIONS = `
MATCH (i:Interaction)
WHERE $asOf - duration('P30D') < i.occurredAt <= $asOf AND ${VISIBLE('i')}
RETURN count(i) AS interactions`;

const MISSING_ROLES = `
MATCH (o:Opportunity)
WHERE ${IS_OPEN('o')} AND ${VISIBLE('o')}
  AND any(role IN $keyRoles WHERE NOT EXISTS {
    MATCH (p:Person)-[b:BUYING_ROLE]->(o) WHERE role IN b.roles AND ${VISIBLE('p')}
  })
RETURN count(o) AS missing`;

/** The sales lead's morning KPIs, read in one transaction so they describe one moment. */
export async function dashboard(db: Reader, asOf: string = new Date().toISOString()): Promise<DashboardRow> {
  const at = param.dateTime(asOf);
  const kpis = await db.readTransaction(async (tx) => {
    const [pipeline] = await tx.run<{ openOpportunities: number; openPipeline: number; weightedPipeline: number; won: number; lost: number }>(PIPELINE);
    const [leads] = await tx.run<{ newLeads: number }>(NEW_LEADS, { asOf: at });
    const cases = await tx.run<DashboardRow['openCasesBySeverity'][number]>(OPEN_CASES, { asOf: at, openStatuses: OPEN_CASE_STATUSES });
    const tiers = await tx.run<DashboardRow['accountsPerTier'][number]>(TIERS);
    const [interactions] = await tx.run<{ interactions: number }>(INTERACTIONS, { asOf: at });
    const [missing] = await tx.run<{ missing: number }>(MISSING_ROLES, { keyRoles: KEY_ROLES });
    return { pipeline, leads, cases, tiers, interactions, missing };
  });
  const dormant = await dormantCustomers(db, { days: 180, asOf: new Date(asOf).toISOString().slice(0, 10), offset: 0, first: 0 });
  const { pipeline } = kpis;
  return {
    asOf,
    openOpportunities: pipeline.openOpportunities,
    openPipeline: pipeline.openPipeline,
    weightedPipeline: pipeline.weightedPipeline,
    winRate: pipeline.won + pipeline.lost > 0 ? pipeline.won / (pipeline.won + pipeline.lost) : null,
    newLeads: kpis.leads.newLeads,
    openCasesBySeverity: kpis.cases,
    dormantCustomers: dormant.total,
    accountsPerTier: kpis.tiers,
    interactionsLast30Days: kpis.interactions.interactions,
    buyingCentersWithMissingRoles: kpis.missing.missing,
  };
}
