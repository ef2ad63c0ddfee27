import pino from 'pino';
import { partnerScope } from '../../src/access';
import { seedIfEmpty } from '../../src/import/seed';
import { mulberry32 } from '../../src/random';
import { useTestServer, type GraphQLResponse, type TestClient, type TestServer } from '../support/test-server';

/*
 * "Hidden = missing" (DESIGN §9), checked on the sample world for every read the API has: each
 * read is answered once by the PARTNER u-partner-nordgross (signed in with its token), then the
 * nodes outside its scope are deleted and the same read is answered again by an internal user who
 * sees everything. The two answers must be the same — lists, counts, sums, paths, networks,
 * influence, and for a hidden id exactly the answer for an id that does not exist (after the
 * deletion, the hidden ids are unknown ids). Scores of full-text search are left out: Lucene
 * weighs words by the whole index (see the README's "A partner's view"). The reads the permission
 * table keeps from a PARTNER answer it FORBIDDEN.
 */

/** A contact of the partner's user (u-partner-nordgross, a seeded PARTNER acting for Nordgroß). */
const PARTNER_CALL = {
  nodes: [
    { type: 'Interaction' as const, key: 'ia-partner-call', properties: { type: 'CALL', occurredAt: '2026-11-10T09:00:00Z', summary: 'Stock check' } },
  ],
  relationships: [
    { type: 'PARTICIPATED_IN' as const, from: 'u-partner-nordgross', to: 'ia-partner-call', properties: {} },
    { type: 'PARTICIPATED_IN' as const, from: 'p-merle-jansen', to: 'ia-partner-call', properties: {} },
    { type: 'ABOUT' as const, from: 'ia-partner-call', to: 'org-nordgross', properties: {} },
  ],
};
/** An internal user whom both scopes below hold (he MANAGES Nordgroß): he reads the cut-down graph. */
const MANAGER = 'u-jonas-keller';

const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';
const AS_OF = '2026-11-20';
const AS_OF_TIME = '2026-11-20T18:00:00Z';

/** The ids a read is about: a visible and a hidden node of each kind, and a few chosen for paths. */
interface Probes {
  [kind: string]: string | string[];
  /** Every visible organization. */
  accounts: string[];
}

interface Read {
  name: string;
  query: string;
  /** The read's variables; a list runs it once for each. */
  variables?: (probes: Probes) => Record<string, unknown> | Record<string, unknown>[];
  /** Connections paged to the end: the path of the connection in `data`. */
  pages?: string;
  /** Leaves out what legitimately depends on hidden nodes (search scores). */
  normalize?: (data: any) => unknown;
  /** Root fields the permission table keeps from a PARTNER: it must answer FORBIDDEN. */
  internal?: true;
}

const PAGE = /* GraphQL */ `fragment Page on PageInfo { hasNextPage endCursor }`;
const INTERACTIONS = /* GraphQL */ `fragment Contacts on InteractionConnection {
  totalCount edges { node { id type occurredAt participants { id } about { id } } }
}`;
const PATH = /* GraphQL */ `fragment Path on RelationshipPath { strength hops nodes { id } steps { type fromId toId weight } }`;

const READS: Read[] = [
  {
    name: 'node and nodeByKey, visible, hidden and unknown',
    query: /* GraphQL */ `query ($v: ID!, $h: ID!, $u: ID!, $vKey: String!, $hKey: String!) {
      v: node(id: $v) { id } h: node(id: $h) { id } u: node(id: $u) { id }
      vk: nodeByKey(key: $vKey) { id } hk: nodeByKey(key: $hKey) { id }
    }`,
    variables: (p) => ({ v: p.visibleOrganization, h: p.hiddenOrganization, u: UNKNOWN_ID, vKey: p.visibleKey, hKey: p.hiddenKey }),
  },
  {
    name: 'the typed lookups',
    query: /* GraphQL */ `query ($o: ID!, $ho: ID!, $p: ID!, $hp: ID!, $d: ID!, $hd: ID!) {
      o: organization(id: $o) { id name } ho: organization(id: $ho) { id }
      p: person(id: $p) { id name } hp: person(id: $hp) { id }
      d: opportunity(id: $d) { id name } hd: opportunity(id: $hd) { id }
    }`,
    variables: (p) => ({
      o: p.visibleOrganization, ho: p.hiddenOrganization, p: p.visiblePerson, hp: p.hiddenPerson, d: p.visibleOpportunity,
      hd: p.hiddenOpportunity,
    }),
  },
  {
    name: 'products and cases by id',
    internal: true,
    query: /* GraphQL */ `query ($pr: ID!, $c: ID!) { pr: product(id: $pr) { id sku } c: case(id: $c) { id subject } }`,
    variables: (p) => ({ pr: p.hiddenProduct, c: p.hiddenCase }),
  },
  {
    name: 'organizations with every relationship field',
    pages: 'organizations',
    query: /* GraphQL */ `query ($after: String) {
      organizations(first: 20, after: $after) {
        totalCount pageInfo { ...Page }
        edges { node {
          id name tier
          people { title node { id } } partners { as node { id } } customers { node { id } } parent { id } subsidiaries { id }
          managers { as node { id } } influences { weight node { id } } influencedBy { node { id } }
          opportunities(first: 100) { totalCount edges { node { id } } }
          interactions(first: 100) { ...Contacts }
          orders(first: 100) { totalCount edges { node { id amount lines { quantity product { id } } account { id } } } }
          revenue(from: "2025-11-21", to: "${AS_OF}") lifecycleHistory { id to }
          community { id } assets { id operator { id } product { id } maintainers { id } cases { id } }
        } }
      }
    } ${PAGE} ${INTERACTIONS}`,
  },
  {
    name: 'people with every relationship field',
    pages: 'people',
    query: /* GraphQL */ `query ($after: String) {
      people(first: 20, after: $after) {
        totalCount pageInfo { ...Page }
        edges { node {
          id name employers { until node { id } } manager { id } reports { id } knows { strength node { id } }
          influences { node { id } } influencedBy { node { id } } buyingRoles { roles stance opportunity { id } }
          interactions(first: 100) { ...Contacts } consents { id granted person { id } } current: consents(current: true) { id }
        } }
      }
    } ${PAGE} ${INTERACTIONS}`,
  },
  {
    name: 'users with their accounts, contacts and deals',
    pages: 'users',
    query: /* GraphQL */ `query ($after: String) {
      users(first: 20, after: $after) {
        totalCount pageInfo { ...Page }
        edges { node { id name accounts { as node { id } } knows { node { id } } opportunities(first: 100) { totalCount edges { node { id } } } } }
      }
    } ${PAGE}`,
  },
  {
    name: 'opportunities with account, owner, buying center and history',
    pages: 'opportunities',
    query: /* GraphQL */ `query ($after: String) {
      opportunities(first: 20, after: $after) {
        totalCount pageInfo { ...Page }
        edges { node {
          id account { id } owner { id } stageHistory { id to } interactions(first: 100) { ...Contacts }
          buyingCenter { missingRoles coverage members { roles person { id } bestPath { ...Path } } }
        } }
      }
    } ${PAGE} ${INTERACTIONS} ${PATH}`,
  },
  {
    name: 'list filters naming a visible and a hidden node',
    query: /* GraphQL */ `query ($v: ID!, $h: ID!, $vp: ID!, $hp: ID!, $vu: ID!, $hu: ID!) {
      servedByVisible: organizations(filter: {servedBy: $v}, first: 100) { totalCount edges { node { id } } }
      servedByHidden: organizations(filter: {servedBy: $h}, first: 100) { totalCount }
      employsHidden: organizations(filter: {employs: $hp}, first: 100) { totalCount }
      managedByHidden: organizations(filter: {manager: $hu}, first: 100) { totalCount }
      worksAtVisible: people(filter: {worksAt: $v}, first: 100) { totalCount edges { node { id } } }
      worksAtHidden: people(filter: {worksAt: $h}, first: 100) { totalCount }
      forAccountHidden: opportunities(filter: {accountId: $h}, first: 100) { totalCount }
      ownedByVisible: opportunities(filter: {ownerId: $vu}, first: 100) { totalCount edges { node { id } } }
      ownedByHidden: opportunities(filter: {ownerId: $hu}, first: 100) { totalCount }
      employsVisible: organizations(filter: {employs: $vp}, first: 100) { totalCount }
    }`,
    variables: (p) => ({
      v: p.partner, h: p.hiddenOrganization, vp: p.visiblePerson, hp: p.hiddenPerson, vu: p.visibleUser, hu: p.hiddenUser,
    }),
  },
  {
    name: 'search (hits, not their scores)',
    query: /* GraphQL */ `{
      gmbh: search(text: "GmbH", first: 100) { score node { id } }
      nord: search(text: "Nord", first: 100) { score node { id } }
      people: search(text: "a", types: ["Person"], first: 100) { score node { id } }
      deals: search(text: "Wärmepumpe", types: ["Opportunity", "Product"], first: 100) { score node { id } }
    }`,
    normalize: (data) =>
      Object.fromEntries(Object.entries(data).map(([name, hits]) => [name, (hits as any[]).map((hit) => hit.node.id).sort()])),
  },
  {
    name: 'relationshipPaths and warmIntroductions, to visible and hidden ends',
    query: /* GraphQL */ `query ($from: ID!, $to: ID!, $hidden: ID!, $hiddenUser: ID!) {
      toVisible: relationshipPaths(fromId: $from, toId: $to, maxHops: 4, first: 10) { ...Path }
      toVisible6: relationshipPaths(fromId: $from, toId: $to, maxHops: 6, first: 20) { ...Path }
      toHidden: relationshipPaths(fromId: $from, toId: $hidden, maxHops: 4) { ...Path }
      fromHidden: relationshipPaths(fromId: $hidden, toId: $to, maxHops: 4) { ...Path }
      warm: warmIntroductions(targetId: $to, maxHops: 5, first: 20) { ...Path }
      warmHidden: warmIntroductions(targetId: $hidden) { ...Path }
      warmFromHidden: warmIntroductions(targetId: $to, fromUserIds: [$hiddenUser]) { ...Path }
    } ${PATH}`,
    variables: (p) => ({ from: p.pathFrom, to: p.pathTo, hidden: p.hiddenPerson, hiddenUser: p.hiddenUser }),
  },
  {
    name: 'accountNetwork of a visible and a hidden account',
    query: /* GraphQL */ `query ($v: ID!, $h: ID!) {
      two: accountNetwork(accountId: $v) { truncated nodes { type label depth node { id } } edges { type fromId toId properties } }
      three: accountNetwork(accountId: $v, depth: 3, nodeLimit: 2000) { truncated nodes { depth node { id } } edges { fromId toId type } }
      cut: accountNetwork(accountId: $v, depth: 3, nodeLimit: 15) { truncated nodes { depth node { id } } }
      hidden: accountNetwork(accountId: $h) { truncated }
    }`,
    variables: (p) => ({ v: p.networkAccount, h: p.hiddenOrganization }),
  },
  {
    name: 'influencers and accountInfluencers',
    query: /* GraphQL */ `query ($target: ID!, $account: ID!, $hidden: ID!, $hiddenAccount: ID!) {
      on: influencers(targetId: $target, maxHops: 4, first: 50) { score influencer { id } paths { ...Path } }
      onAccount: accountInfluencers(accountId: $account, maxHops: 4, first: 50) { score influencer { id } paths { ...Path } }
      hidden: influencers(targetId: $hidden) { score }
      hiddenAccount: accountInfluencers(accountId: $hiddenAccount) { score }
    } ${PATH}`,
    variables: (p) => ({ target: p.influenceTarget, account: p.influenceAccount, hidden: p.hiddenPerson, hiddenAccount: p.hiddenOrganization }),
  },
  {
    name: 'buyingCenter of a visible and a hidden deal',
    query: /* GraphQL */ `query ($v: ID!, $h: ID!) {
      visible: buyingCenter(opportunityId: $v) { missingRoles coverage opportunity { id } members { roles stance person { id } bestPath { ...Path } } }
      hidden: buyingCenter(opportunityId: $h) { coverage }
    } ${PATH}`,
    variables: (p) => ({ v: p.visibleOpportunity, h: p.hiddenOpportunity }),
  },
  {
    name: 'partnerCoverage of the partner, a customer and a hidden organization',
    query: /* GraphQL */ `query ($partner: ID!, $customer: ID!, $h: ID!) {
      partner: partnerCoverage(partnerId: $partner) { ...Coverage }
      customer: partnerCoverage(partnerId: $customer) { ...Coverage }
      hidden: partnerCoverage(partnerId: $h) { openPipeline }
    }
    fragment Coverage on PartnerCoverage {
      partner { id } customers { id } openPipeline conflicts { customer { id } partners { id } } people { id } managers { id }
    }`,
    variables: (p) => ({ partner: p.partner, customer: p.visibleOrganization, h: p.hiddenOrganization }),
  },
  {
    name: 'customer value, dormant customers, cross- and up-sell',
    internal: true,
    query: /* GraphQL */ `query ($v: ID!, $h: ID!) {
      value: customerValue(accountId: $v, asOf: "${AS_OF}") {
        account { id } revenueLast12Months ordersLast12Months lifetimeRevenue lastOrderDate rank share cumulativeShareBefore tier
      }
      hiddenValue: customerValue(accountId: $h, asOf: "${AS_OF}") { rank }
      dormant: dormantCustomers(days: 90, asOf: "${AS_OF}", first: 100) {
        totalCount edges { node { account { id } lastOrderDate lastInteractionAt daysInactive lifetimeRevenue owner { id } bestWarmPath { ...Path } } }
      }
      crossSell: crossSellCandidates(accountId: $v, first: 50) { support confidence product { id } }
      hiddenCrossSell: crossSellCandidates(accountId: $h) { support }
      upgrades: upgradeCandidates(accountId: $v) { product { id } upgradeOf { id } }
      hiddenUpgrades: upgradeCandidates(accountId: $h) { product { id } }
    } ${PATH}`,
    variables: (p) => ({ v: p.valueAccount, h: p.hiddenOrganization }),
  },
  {
    name: 'every visible account ranked by customer value (ABC over what the viewer sees)',
    internal: true,
    query: /* GraphQL */ `query ($account: ID!) {
      customerValue(accountId: $account, asOf: "${AS_OF}") { revenueLast12Months ordersLast12Months rank share cumulativeShareBefore tier }
    }`,
    variables: (p) => p.accounts.map((account) => ({ account })),
  },
  {
    name: 'cases: open ones, resolution time, the same problem elsewhere',
    internal: true,
    query: /* GraphQL */ `query ($c: ID!, $h: ID!) {
      open: openCases(asOf: "${AS_OF_TIME}", first: 100) { totalCount edges { node { ageDays case { id raisedBy { ... on Node { id } } product { id } assignee { id } } } } }
      old: openCases(asOf: "${AS_OF_TIME}", olderThanDays: 30, severity: [HIGH, CRITICAL], first: 100) { totalCount }
      resolution: averageTimeToResolve(from: "2024-01-01T00:00:00Z", to: "${AS_OF_TIME}") { cases averageHours }
      same: accountsWithSameProblem(caseId: $c, recentDays: 365, asOf: "${AS_OF_TIME}", first: 50) {
        caseCount openCaseCount quantityOrdered lastOrderDate account { id }
      }
      hidden: accountsWithSameProblem(caseId: $h) { caseCount }
    }`,
    variables: (p) => ({ c: p.visibleCase, h: p.hiddenCase }),
  },
  {
    name: 'products and what to offer instead',
    internal: true,
    query: /* GraphQL */ `query ($v: ID!, $h: ID!) {
      visible: alternativesFor(productId: $v) { kind product { id } }
      hidden: alternativesFor(productId: $h) { kind }
      product(id: $v) { upgrades { id } upgradeOf { id } complements { id } }
    }`,
    variables: (p) => ({ v: p.visibleProduct, h: p.hiddenProduct }),
  },
  {
    name: 'audiences with consent',
    internal: true,
    query: /* GraphQL */ `{
      everyone: audience(channel: EMAIL, purpose: "newsletter", asOf: "${AS_OF_TIME}") { included excludedWithoutConsent people(first: 100) { totalCount edges { node { id } } } }
      installers: audience(filter: {organizationKinds: [CUSTOMER], industryContains: "installer", titleContains: "ein"}, channel: EMAIL, purpose: "newsletter", asOf: "${AS_OF_TIME}") {
        included excludedWithoutConsent
      }
    }`,
  },
  {
    name: 'the dashboard and the pipeline',
    query: /* GraphQL */ `query ($partner: ID!, $hiddenUser: ID!, $visibleUser: ID!) {
      dashboard(asOf: "${AS_OF_TIME}") {
        openOpportunities openPipeline weightedPipeline winRate newLeads openCasesBySeverity { severity count }
        dormantCustomers accountsPerTier { tier accounts } interactionsLast30Days buyingCentersWithMissingRoles
      }
      all: pipeline { ...Pipeline }
      viaPartner: pipeline(filter: {partnerIds: [$partner]}) { ...Pipeline }
      ofHiddenOwner: pipeline(filter: {ownerIds: [$hiddenUser]}) { ...Pipeline }
      ofVisibleOwner: pipeline(filter: {ownerIds: [$visibleUser]}) { ...Pipeline }
      tierA: pipeline(filter: {tiers: [A]}) { ...Pipeline }
    }
    fragment Pipeline on Pipeline { stages { stage count amount weightedAmount } openCount openAmount weightedAmount won lost winRate }`,
    variables: (p) => ({ partner: p.partner, hiddenUser: p.hiddenUser, visibleUser: p.visibleUser }),
  },
  {
    name: 'graph depth: communities, the installed base, referrals and the forecast',
    internal: true,
    query: /* GraphQL */ `query ($p: ID!, $hp: ID!, $c: ID!) {
      communities(first: 100) {
        totalCount
        edges { node { id size members(first: 100) { totalCount edges { node { id } } } organizations(first: 100) { id } users(first: 100) { id } hubs(first: 10) { id } } }
      }
      replacementCandidates(asOf: "${AS_OF}", first: 100) {
        totalCount edges { node { asset { id } operator { id } product { id } upgrades { id } maintainers { id } recentCases } }
      }
      topReferrers(first: 50) { node { id } value { referred { id } opportunities openPipeline wonAmount } }
      v: referralValue(fromId: $p) { referred { id } opportunities openPipeline wonAmount }
      h: referralValue(fromId: $hp) { opportunities }
      forecast(period: "2026-Q4") { rows { user { id } target won weighted bestCase } total { target won weighted bestCase } }
      case(id: $c) { asset { id } }
    }`,
    variables: (p) => ({ p: p.visiblePerson, hp: p.hiddenPerson, c: p.visibleCase }),
  },
];

/** Floats summed in another order may differ in the last bits; everything else must be equal. */
function rounded(value: unknown): unknown {
  if (typeof value === 'number' && !Number.isInteger(value)) return Number(value.toPrecision(10));
  if (Array.isArray(value)) return value.map(rounded);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, rounded(v)]));
  return value;
}

function at(data: any, path: string): any {
  return path.split('.').reduce((node, key) => node?.[key], data);
}

/** Every answer of `reads`: connections read to the end, errors kept (a NOT_FOUND is an answer too). */
async function answerAll(client: TestClient, probes: Probes, reads: Read[]): Promise<Record<string, unknown>> {
  const answers: Record<string, unknown> = {};
  for (const read of reads) {
    const { query } = read;
    const variables = read.variables?.(probes) ?? {};
    if (Array.isArray(variables)) {
      const each = [];
      for (const vars of variables) {
        const { data, errors } = await client.gql(query, vars);
        each.push({ data, codes: errors?.map((error) => error.extensions?.code) });
      }
      answers[read.name] = rounded(each);
    } else if (read.pages) {
      const edges: unknown[] = [];
      let totalCount: number | undefined;
      for (let after: string | null = null; ;) {
        const result: GraphQLResponse = await client.gql(query, { ...variables, after });
        expect(result.errors).toBeUndefined();
        const connection = at(result.data, read.pages);
        edges.push(...connection.edges);
        totalCount = connection.totalCount;
        if (!connection.pageInfo.hasNextPage) break;
        after = connection.pageInfo.endCursor;
      }
      answers[read.name] = rounded({ totalCount, edges });
    } else {
      const result = await client.gql(query, variables);
      const data = result.data && read.normalize ? read.normalize(result.data) : result.data;
      // Root fields resolve concurrently: their errors come in whichever order they finished.
      const errors = result.errors?.map(({ message, path, extensions }) => ({ message, path, code: extensions?.code }))
        .sort((a, b) => JSON.stringify(a.path).localeCompare(JSON.stringify(b.path)));
      answers[read.name] = rounded({ data, errors });
    }
  }
  return answers;
}

/** The error codes of every answer of `reads` (each variable set of a list once). */
async function codesOf(client: TestClient, probes: Probes, reads: Read[]): Promise<Record<string, unknown[]>> {
  const codes: Record<string, unknown[]> = {};
  for (const read of reads) {
    const variables = read.variables?.(probes) ?? {};
    codes[read.name] = [];
    for (const vars of Array.isArray(variables) ? variables : [variables]) {
      const { errors } = await client.gql(read.query, vars);
      for (const code of errors?.map((error) => error.extensions?.code) ?? ['no error']) if (!codes[read.name].includes(code)) codes[read.name].push(code);
    }
  }
  return codes;
}

interface Row { id: string; key: string; label: string }

/** A visible and a hidden node of each kind, and ends for paths, influence and networks that have something to show. */
async function chooseProbes(server: TestServer, visible: Set<string>): Promise<Probes> {
  const accounts = await server.db.read<{ id: string }>('MATCH (a:Organization) WHERE a.id IN $visible RETURN a.id AS id ORDER BY a.id', {
    visible: [...visible],
  });
  const rows = await server.db.read<Row>(
    "MATCH (n:Entity) WHERE n.key IS NOT NULL RETURN n.id AS id, n.key AS key, [l IN labels(n) WHERE l <> 'Entity'][0] AS label ORDER BY n.key",
  );
  const first = (label: string, seen: boolean) => rows.find((row) => row.label === label && visible.has(row.id) === seen)?.id ?? UNKNOWN_ID;
  const [busiest] = await server.db.read<{ target: string; account: string; from: string; to: string; network: string; value: string }>(`
    CALL () { MATCH (x)-[:INFLUENCES]->(t:Person) WHERE x.id IN $visible AND t.id IN $visible
              WITH t, count(x) AS n ORDER BY n DESC, t.id LIMIT 1 RETURN t.id AS target }
    CALL () { MATCH (p:Person)-[:WORKS_AT]->(a:Organization) WHERE p.id IN $visible AND a.id IN $visible
              WITH a, count(p) AS n ORDER BY n DESC, a.id LIMIT 1 RETURN a.id AS account }
    CALL () { MATCH (u:User)-[:MANAGES]->(:Organization)-[:SERVES]->(:Organization)<-[:WORKS_AT]-(p:Person)
              WHERE u.id IN $visible AND p.id IN $visible RETURN u.id AS from, p.id AS to ORDER BY u.id, p.id LIMIT 1 }
    CALL () { MATCH (a:Organization)-[r]-(b) WHERE a.id IN $visible AND b.id IN $visible
              WITH a, count(r) AS n ORDER BY n DESC, a.id LIMIT 1 RETURN a.id AS network }
    CALL () { MATCH (a:Organization)-[:PLACED]->(o:Order) WHERE a.id IN $visible AND o.id IN $visible
              WITH a, count(o) AS n ORDER BY n DESC, a.id LIMIT 1 RETURN a.id AS value }
    RETURN target, account, from, to, network, value`, { visible: [...visible] });
  const idOf = (key: string) => rows.find((row) => row.key === key)!.id;
  return {
    accounts: accounts.map((row) => row.id),
    partner: idOf('org-nordgross'),
    visibleOrganization: first('Organization', true), hiddenOrganization: first('Organization', false),
    visiblePerson: first('Person', true), hiddenPerson: first('Person', false),
    visibleUser: first('User', true), hiddenUser: first('User', false),
    visibleOpportunity: first('Opportunity', true), hiddenOpportunity: first('Opportunity', false),
    visibleProduct: first('Product', true), hiddenProduct: first('Product', false),
    visibleCase: first('Case', true), hiddenCase: first('Case', false),
    visibleKey: rows.find((row) => visible.has(row.id))!.key, hiddenKey: rows.find((row) => !visible.has(row.id))!.key,
    influenceTarget: busiest?.target ?? first('Person', true), influenceAccount: busiest?.account ?? first('Organization', true),
    pathFrom: busiest?.from ?? first('User', true), pathTo: busiest?.to ?? first('Person', true),
    networkAccount: busiest?.network ?? first('Organization', true), valueAccount: busiest?.value ?? first('Organization', true),
  };
}

describe("a partner's view: hidden is missing (DESIGN §9)", () => {
  const { server } = useTestServer({ production: true });
  const partner = server.as({ user: 'u-partner-nordgross' });
  const manager = server.as({ user: MANAGER });
  const ids: Record<string, string> = {};
  const partnerReads = READS.filter((read) => !read.internal);
  const internalReads = READS.filter((read) => read.internal);
  // Loading the sample world is the slow part: it is loaded once, and the second scope is taken
  // on the graph the first one cut down (which kept the partner's organization and user).
  beforeAll(async () => {
    await server.onEmptyDatabase(() => seedIfEmpty(server.db, pino({ level: 'silent' })));
    Object.assign(ids, await server.importGraph(PARTNER_CALL));
    const { recomputeCommunities } = await server.data(/* GraphQL */ `mutation { recomputeCommunities { communities } }`);
    expect(recomputeCommunities.communities).toBeGreaterThan(0);
  }, 1_200_000);

  const scopeOfThePartner = () => partnerScope(server.db, { userId: ids['u-partner-nordgross'], partnerId: ids['org-nordgross'] });

  /** Answers every read as the partner, then as its manager on the graph cut down to the partner's scope. */
  async function expectHiddenIsMissing(): Promise<void> {
    const visible = await scopeOfThePartner();
    const probes = await chooseProbes(server, new Set(visible));
    const everything = await manager.data(/* GraphQL */ `{ organizations { totalCount } }`);

    const scoped = await answerAll(partner, probes, partnerReads);
    expect((scoped['organizations with every relationship field'] as any).totalCount).toBeLessThan(everything.organizations.totalCount);
    expect(JSON.stringify(scoped)).not.toContain('INTERNAL_SERVER_ERROR');
    const refused = await codesOf(partner, probes, internalReads);
    for (const read of internalReads) expect({ read: read.name, codes: refused[read.name] }).toEqual({ read: read.name, codes: ['FORBIDDEN'] });

    await server.db.write('MATCH (n:Entity) WHERE NOT n.id IN $visible DETACH DELETE n', { visible });
    const cutDown = await answerAll(manager, probes, partnerReads);
    for (const read of partnerReads) expect({ read: read.name, answer: scoped[read.name] }).toEqual({ read: read.name, answer: cutDown[read.name] });
  }

  /** The organizations Nordgroß was made to serve for the first test, taken back for the second. */
  const extraCustomers: string[] = [];

  it('for a PARTNER serving a random half of the other organizations too', async () => {
    const random = mulberry32(11);
    const others = await server.db.read<{ key: string }>(`
      MATCH (o:Organization) WHERE o.key <> 'org-nordgross' AND NOT (:Organization {key: 'org-nordgross'})-[:SERVES]->(o)
      RETURN o.key AS key ORDER BY o.key`);
    extraCustomers.push(...others.map((row) => row.key).filter(() => random() < 0.5));
    await server.db.write(`
      MATCH (partner:Organization {key: 'org-nordgross'}), (o:Organization) WHERE o.key IN $keys
      CREATE (partner)-[:SERVES]->(o)`, { keys: extraCustomers });
    const visible = await scopeOfThePartner();
    expect(visible).toEqual(expect.arrayContaining(
      ['org-nordgross', 'u-partner-nordgross', 'ia-partner-call', MANAGER, 'p-merle-jansen', ...extraCustomers].map((key) => ids[key]),
    ));
    await expectHiddenIsMissing();
  }, 1_200_000);

  it("for a PARTNER: Nordgroß's own scope", async () => {
    await server.db.write(`
      MATCH (:Organization {key: 'org-nordgross'})-[s:SERVES]->(o:Organization) WHERE o.key IN $keys DELETE s`, { keys: extraCustomers });
    const visible = await scopeOfThePartner();
    expect(visible).toEqual(expect.arrayContaining(
      ['org-nordgross', 'u-partner-nordgross', 'ia-partner-call', MANAGER, 'p-merle-jansen'].map((key) => ids[key]),
    ));
    await expectHiddenIsMissing();
  }, 1_200_000);
});
