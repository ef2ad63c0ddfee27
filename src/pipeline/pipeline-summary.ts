import { badUserInput } from '../graphql/errors';
import { OPPORTUNITY_STAGES } from '../model/enums';
import type { Reader } from '../neo4j/database';
import { param } from '../neo4j/values';
import { VISIBLE } from '../nodes/visibility';
import { STAGE_OF, isOpenStage, type OpportunityStage } from '../opportunities';

export interface PipelineFilter {
  ownerIds?: readonly string[] | null;
  accountIds?: readonly string[] | null;
  partnerIds?: readonly string[] | null;
  tiers?: readonly string[] | null;
  closesFrom?: string | null;
  closesTo?: string | null;
}

export interface StageSummary {
  stage: OpportunityStage;
  count: number;
  amount: number;
  weightedAmount: number;
}

export interface PipelineSummary {
  stages: StageSummary[];
  openCount: number;
  openAmount: number;
  weightedAmount: number;
  won: number;
  lost: number;
  winRate: number | null;
}

const PIPELINE_BY_STAGE = `
MATCH (o:Opportunity)
WHERE ${VISIBLE('o')}
  AND ($ownerIds IS NULL OR EXISTS { MATCH (u:User)-[:OWNS]->(o) WHERE u.id IN $ownerIds AND ${VISIBLE('u')} })
  AND ($accountIds IS NULL OR EXISTS { MATCH (o)-[:FOR_ACCOUNT]->(a:Organization) WHERE a.id IN $accountIds AND ${VISIBLE('a')} })
  AND ($partnerIds IS NULL OR EXISTS {
        MATCH (o)-[:FOR_ACCOUNT]->(a:Organization)<-[:SERVES]-(p:Organization)
        WHERE p.id IN $partnerIds AND ${VISIBLE('a')} AND ${VISIBLE('p')} })
  AND ($tiers IS NULL OR EXISTS { MATCH (o)-[:FOR_ACCOUNT]->(a:Organization) WHERE a.tier IN $tiers AND ${VISIBLE('a')} })
  AND ($closesFrom IS NULL OR o.expectedCloseDate >= $closesFrom)
  AND ($closesTo IS NULL OR o.expectedCloseDate <= $closesTo)
RETURN ${STAGE_OF('o')} AS stage, count(o) AS count,
       sum(coalesce(o.amount, 0)) AS amount,
       sum(coalesce(o.amount, 0) * coalesce(o.probability, 0)) AS weightedAmount`;

/**
 * Visible opportunities by stage (count, Σ amount, Σ amount × probability) under the filter, with
 * open totals and win rate; a hidden owner, account or partner in the filter matches nothing.
 */
export async function pipelineSummary(db: Reader, filter: PipelineFilter = {}): Promise<PipelineSummary> {
  if (filter.closesFrom && filter.closesTo && filter.closesFrom > filter.closesTo) {
    throw badUserInput(`"closesFrom" (${filter.closesFrom}) must not be after "closesTo" (${filter.closesTo}).`);
  }
  const list = (values?: readonly string[] | null) => (values?.length ? values : null);
  const rows = await db.read<StageSummary>(PIPELINE_BY_STAGE, {
    ownerIds: list(filter.ownerIds),
    accountIds: list(filter.accountIds),
    partnerIds: list(filter.partnerIds),
    tiers: list(filter.tiers),
    closesFrom: filter.closesFrom ? param.date(filter.closesFrom) : null,
    closesTo: filter.closesTo ? param.date(filter.closesTo) : null,
  });
  const byStage = new Map(rows.map((row) => [row.stage, row]));
  const stages = OPPORTUNITY_STAGES.map((stage) => byStage.get(stage) ?? { stage, count: 0, amount: 0, weightedAmount: 0 });
  const open = stages.filter((s) => isOpenStage(s.stage));
  const won = byStage.get('WON')?.count ?? 0;
  const lost = byStage.get('LOST')?.count ?? 0;
  return {
    stages,
    openCount: open.reduce((sum, s) => sum + s.count, 0),
    openAmount: open.reduce((sum, s) => sum + s.amount, 0),
    weightedAmount: open.reduce((sum, s) => sum + s.weightedAmount, 0),
    won,
    lost,
    winRate: won + lost > 0 ? won / (won + lost) : null,
  };
}
