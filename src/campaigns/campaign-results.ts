import { notFound } from '../graphql/errors';
import type { Reader } from '../neo4j/database';
import { CAMPAIGN_RESPONSE_KINDS } from '../model/enums';
import { IS_OPEN, STAGE_OF } from '../opportunities';
import { PASSIVE_KINDS } from './record-response';
import { VISIBLE } from '../nodes/visibility';

export type CampaignGroupBy = 'NONE' | 'TIER' | 'LIFECYCLE_STAGE' | 'REGION' | 'COMMUNITY';

export interface CampaignResultRow {
  group: string | null;
  targeted: number;
  responded: number;
  responseRate: number;
  byKind: { kind: string; people: number }[];
  unsubscribed: number;
  opportunities: number;
  openPipeline: number;
  wonAmount: number;
}

/** Cypher: the group of organization `o` (null when `o` is null or lacks the property). */
const GROUP_OF = (o: string) => `CASE $groupBy
  WHEN 'TIER' THEN ${o}.tier
  WHEN 'LIFECYCLE_STAGE' THEN ${o}.lifecycleStage
  WHEN 'REGION' THEN ${o}.region
  WHEN 'COMMUNITY' THEN COLLECT { MATCH (${o})-[:IN_COMMUNITY]->(k:Community) WHERE ${VISIBLE('k')} RETURN k.id ORDER BY k.id LIMIT 1 }[0]
END`;

// People by the organization they currently WORK_AT (smallest key when several); each person's
// kinds of response counted once. Deals by their account. Two lists, merged by group in code.
const CAMPAIGN_RESULTS = `
MATCH (c:Entity:Campaign {id: $campaignId}) WHERE ${VISIBLE('c')}
CALL (c) {
  MATCH (p:Person)-[:TARGETED_BY]->(c) WHERE ${VISIBLE('p')}
  CALL (p) {
    OPTIONAL MATCH (p)-[w:WORKS_AT]->(o:Organization)
    WHERE (w.until IS NULL OR w.until >= date()) AND ${VISIBLE('o')}
    WITH o ORDER BY o.key, o.id
    RETURN head(collect(o)) AS employer
  }
  WITH ${GROUP_OF('employer')} AS grp, COLLECT { MATCH (p)-[r:RESPONDED]->(c) RETURN DISTINCT r.kind } AS kinds
  WITH grp, collect(kinds) AS kindsPerPerson
  RETURN collect({
    group: grp,
    targeted: size(kindsPerPerson),
    responded: size([kinds IN kindsPerPerson WHERE any(kind IN kinds WHERE NOT kind IN $passiveKinds)]),
    byKind: [kind IN $kinds | size([kinds IN kindsPerPerson WHERE kind IN kinds])]
  }) AS people
}
CALL (c) {
  MATCH (d:Opportunity)-[:SOURCED_FROM]->(c) WHERE ${VISIBLE('d')}
  OPTIONAL MATCH (d)-[:FOR_ACCOUNT]->(account:Organization) WHERE ${VISIBLE('account')}
  WITH d, head(collect(account)) AS account
  WITH ${GROUP_OF('account')} AS grp,
       count(d) AS opportunities,
       sum(CASE WHEN ${IS_OPEN('d')} THEN coalesce(d.amount, 0.0) * coalesce(d.probability, 0.0) ELSE 0.0 END) AS openPipeline,
       sum(CASE WHEN ${STAGE_OF('d')} = 'WON' THEN coalesce(d.amount, 0.0) ELSE 0.0 END) AS wonAmount
  RETURN collect({ group: grp, opportunities: opportunities, openPipeline: openPipeline, wonAmount: wonAmount }) AS deals
}
RETURN people, deals`;

interface PeopleGroup { group: string | null; targeted: number; responded: number; byKind: number[] }
interface DealGroup { group: string | null; opportunities: number; openPipeline: number; wonAmount: number }

/**
 * A campaign's results per group (DESIGN §10), by group with null last; NONE gives exactly one
 * row. NOT_FOUND for an unknown campaign.
 */
export async function campaignResults(db: Reader, campaignId: string, groupBy: CampaignGroupBy): Promise<CampaignResultRow[]> {
  const [row] = await db.read<{ people: PeopleGroup[]; deals: DealGroup[] }>(CAMPAIGN_RESULTS, {
    campaignId,
    groupBy,
    kinds: CAMPAIGN_RESPONSE_KINDS,
    passiveKinds: PASSIVE_KINDS,
  });
  if (!row) throw notFound('Campaign', campaignId);
  const groups = new Map<string | null, CampaignResultRow>();
  const groupRow = (group: string | null) => {
    let result = groups.get(group);
    if (!result) {
      result = {
        group, targeted: 0, responded: 0, responseRate: 0, unsubscribed: 0, opportunities: 0, openPipeline: 0, wonAmount: 0,
        byKind: CAMPAIGN_RESPONSE_KINDS.map((kind) => ({ kind, people: 0 })),
      };
      groups.set(group, result);
    }
    return result;
  };
  if (groupBy === 'NONE') groupRow(null);
  for (const people of row.people) {
    const result = groupRow(people.group);
    result.targeted = people.targeted;
    result.responded = people.responded;
    result.responseRate = people.targeted ? people.responded / people.targeted : 0;
    result.byKind = CAMPAIGN_RESPONSE_KINDS.map((kind, i) => ({ kind, people: people.byKind[i] }));
    result.unsubscribed = people.byKind[CAMPAIGN_RESPONSE_KINDS.indexOf('UNSUBSCRIBED')];
  }
  for (const deals of row.deals) Object.assign(groupRow(deals.group), { ...deals, group: deals.group });
  return [...groups.values()].sort((a, b) => compareGroups(a.group, b.group));
}

function compareGroups(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}
