import type { Reader, Tx } from '../neo4j/database';
import { param } from '../neo4j/values';
import { PAGE_OF, type PageRows, type PageWindow } from '../graphql/pagination';
import { ENTITY_ROW, type EntityRow } from '../nodes/entity-row';
import { USABLE, VISIBLE } from '../nodes/visibility';

export interface AudienceFilter {
  regions?: readonly string[] | null;
  organizationKinds?: readonly string[] | null;
  industryContains?: string | null;
  lifecycleStages?: readonly string[] | null;
  worksAtIds?: readonly string[] | null;
  titleContains?: string | null;
  departmentContains?: string | null;
  communityIds?: readonly string[] | null;
}

// Restricted people are never selected, so they count neither as included nor as excluded.
// A person is in when the latest decision for the channel and purpose (withdrawals first on a tie)
// is a grant. Both the Audience pages and campaign targeting select through this one rule.
// Only visible people, employers and decisions count: a hidden decision is no decision.
const SELECT_AUDIENCE = `
MATCH (p:Person)
WHERE ${VISIBLE('p')} AND ${USABLE('p')}
  AND (NOT $byOrganization OR EXISTS {
    MATCH (p)-[w:WORKS_AT]->(o:Organization)
    WHERE (w.until IS NULL OR w.until >= date($asOf)) AND ${VISIBLE('o')}
      AND ($regions IS NULL OR o.region IN $regions)
      AND ($kinds IS NULL OR any(kind IN coalesce(o.kinds, []) WHERE kind IN $kinds))
      AND ($industry IS NULL OR toLower(coalesce(o.industry, '')) CONTAINS $industry)
      AND ($stages IS NULL OR o.lifecycleStage IN $stages)
      AND ($worksAtIds IS NULL OR o.id IN $worksAtIds)
  })
  AND ($title IS NULL OR toLower(coalesce(p.title, '')) CONTAINS $title
       OR EXISTS { MATCH (p)-[w:WORKS_AT]->(o) WHERE toLower(coalesce(w.title, '')) CONTAINS $title AND ${VISIBLE('o')} })
  AND ($department IS NULL OR toLower(coalesce(p.department, '')) CONTAINS $department
       OR EXISTS { MATCH (p)-[w:WORKS_AT]->(o) WHERE toLower(coalesce(w.department, '')) CONTAINS $department AND ${VISIBLE('o')} })
  AND ($communityIds IS NULL OR EXISTS { MATCH (p)-[:IN_COMMUNITY]->(c:Community) WHERE c.id IN $communityIds AND ${VISIBLE('c')} })
WITH p, COLLECT {
  MATCH (p)-[:GAVE]->(c:Consent)
  WHERE c.channel = $channel AND c.purpose = $purpose AND c.at <= $asOf AND ${VISIBLE('c')}
  RETURN c.granted ORDER BY c.at DESC, c.granted ASC LIMIT 1
} AS latest
WITH p, coalesce(latest[0], false) AS granted`;

const AUDIENCE_PAGE = `${SELECT_AUDIENCE}
ORDER BY p.name, p.id
WITH collect(CASE WHEN granted THEN p END) AS included, count(p) AS selected
RETURN ${PAGE_OF('included', ENTITY_ROW)}, selected - size(included) AS excludedWithoutConsent`;

const AUDIENCE_MEMBERS = `${SELECT_AUDIENCE}
WITH collect(CASE WHEN granted THEN p.id END) AS included, count(p) AS selected
RETURN included AS personIds, selected - size(included) AS excludedWithoutConsent`;

/** Who is selected and for what: the arguments of Query.audience without the page. */
export interface AudienceSelection {
  filter: AudienceFilter;
  channel: string;
  purpose: string;
  asOf: string;
}

/** One window of an audience: its people, how many there are, and how many lacked consent. */
export interface AudienceWindow extends PageRows<EntityRow> {
  excludedWithoutConsent: number;
}

/**
 * Selects people by the filter and keeps only those with a current grant for the channel and
 * purpose: the window's people, how many there are, and how many the filter matched without consent.
 */
export async function audienceWindow(db: Reader, selection: AudienceSelection, window: PageWindow): Promise<AudienceWindow> {
  const [row] = await db.read<AudienceWindow>(AUDIENCE_PAGE, {
    ...selectionParams(selection),
    offset: param.integer(window.offset),
    first: param.integer(window.first),
  });
  return row;
}

/** Everyone of an audience (ids, no order) and how many the filter matched without consent. */
export interface AudienceMembers {
  personIds: string[];
  excludedWithoutConsent: number;
}

/** The whole audience inside the caller's transaction: what campaign targeting adds, by the same rule as Query.audience. */
export async function audienceMembers(tx: Tx, selection: AudienceSelection): Promise<AudienceMembers> {
  const [row] = await tx.run<AudienceMembers>(AUDIENCE_MEMBERS, selectionParams(selection));
  return row;
}

function selectionParams(selection: AudienceSelection): Record<string, unknown> {
  const f = selection.filter;
  const list = (values?: readonly string[] | null) => (values?.length ? values : null);
  const text = (value?: string | null) => (value?.trim() ? value.trim().toLowerCase() : null);
  const organization = {
    regions: list(f.regions),
    kinds: list(f.organizationKinds),
    industry: text(f.industryContains),
    stages: list(f.lifecycleStages),
    worksAtIds: list(f.worksAtIds),
  };
  return {
    ...organization,
    byOrganization: Object.values(organization).some((value) => value !== null),
    title: text(f.titleContains),
    department: text(f.departmentContains),
    communityIds: list(f.communityIds),
    channel: selection.channel,
    purpose: selection.purpose.trim(),
    asOf: param.dateTime(selection.asOf),
  };
}
