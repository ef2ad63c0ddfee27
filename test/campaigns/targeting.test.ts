import pino from 'pino';
import type { ImportDocument, ImportNode, ImportRelationship } from '../../src/import';
import { seedIfEmpty } from '../../src/import';
import { mulberry32 } from '../../src/random';
import { useTestServer, type TestServer } from '../support/test-server';

const CREATE = /* GraphQL */ `mutation ($input: CreateCampaignInput!) { createCampaign(input: $input) { id channel purpose } }`;
const TARGET = /* GraphQL */ `mutation ($id: ID!, $filter: AudienceFilter, $at: DateTime) { targetCampaign(campaignId: $id, filter: $filter, at: $at) { targeted alreadyTargeted matchedWithoutConsent } }`;
const AUDIENCE_PAGE = /* GraphQL */ `query ($filter: AudienceFilter, $channel: ConsentChannel!, $purpose: String!, $asOf: DateTime, $after: String) {
  audience(filter: $filter, channel: $channel, purpose: $purpose, asOf: $asOf) {
    excludedWithoutConsent people(first: 100, after: $after) { edges { node { id } } pageInfo { hasNextPage endCursor } } } }`;
const RESPOND = /* GraphQL */ `mutation ($c: ID!, $p: ID!, $kind: CampaignResponseKind!, $at: DateTime) { recordCampaignResponse(campaignId: $c, personId: $p, kind: $kind, at: $at) { kind at person { id } campaign { id } } }`;
const TARGETED_IDS = 'MATCH (p:Person)-[:TARGETED_BY]->(:Campaign {id: $id}) RETURN p.id AS id ORDER BY id';

/** Every person of Query.audience, by paging it to the end; and its excludedWithoutConsent. */
async function audience(server: TestServer, vars: Record<string, unknown>): Promise<{ ids: string[]; excluded: number }> {
  const ids: string[] = [];
  let after: string | null = null;
  let excluded = 0;
  for (;;) {
    const { audience: page }: { audience: any } = await server.data(AUDIENCE_PAGE, { ...vars, after });
    ids.push(...page.people.edges.map((edge: any) => edge.node.id));
    excluded = page.excludedWithoutConsent;
    if (!page.people.pageInfo.hasNextPage) break;
    after = page.people.pageInfo.endCursor;
  }
  return { ids: ids.sort(), excluded };
}

async function targetedIds(server: TestServer, campaignId: string): Promise<string[]> {
  return (await server.db.read<{ id: string }>(TARGETED_IDS, { id: campaignId })).map((row) => row.id);
}

/** Targets a new campaign and checks it holds exactly the audience; answers the targeted ids. */
async function expectTargetingEqualsAudience(server: TestServer, channel: string, purpose: string, filter: object | null, at: string): Promise<string[]> {
  const { createCampaign } = await server.data(CREATE, { input: { name: `${channel} ${purpose}`, channel, purpose } });
  const { targetCampaign } = await server.data(TARGET, { id: createCampaign.id, filter, at });
  const expected = await audience(server, { filter, channel, purpose, asOf: at });
  const targeted = await targetedIds(server, createCampaign.id);
  expect(targeted).toEqual(expected.ids);
  expect(targetCampaign).toEqual({ targeted: expected.ids.length, alreadyTargeted: 0, matchedWithoutConsent: expected.excluded });
  return targeted;
}

// Whose latest decision for the channel and purpose at `at` is not a grant, worked out apart from the API.
const NOT_CONSENTING = `
MATCH (p:Person)
OPTIONAL MATCH (p)-[:GAVE]->(c:Consent {channel: $channel, purpose: $purpose}) WHERE c.at <= datetime($at)
WITH p, c ORDER BY c.at DESC, c.granted ASC
WITH p, head(collect(c)) AS latest
WHERE latest IS NULL OR NOT latest.granted
RETURN p.id AS id`;

describe('targeting on the sample world', () => {
  const { server } = useTestServer();
  // The whole sample world: slow on a busy machine.
  beforeAll(() => server.onEmptyDatabase(() => seedIfEmpty(server.db, pino({ level: 'silent' }))), 600_000);

  it.each([
    ['EMAIL', 'newsletter', { organizationKinds: ['CUSTOMER'], industryContains: 'installer' }, '2026-11-20T00:00:00Z'],
    ['EMAIL', 'newsletter', null, '2026-09-15T07:00:00Z'],
    ['PHONE', 'product-news', { regions: ['Bayern', 'Hessen'] }, '2026-11-20T00:00:00Z'],
  ])('targets exactly the audience for %s %s (%j) and never a person without a current grant', async (channel, purpose, filter, at) => {
    const targeted = await expectTargetingEqualsAudience(server, channel, purpose, filter, at);
    expect(targeted.length).toBeGreaterThan(0);
    const withdrawnOrNever = new Set((await server.db.read<{ id: string }>(NOT_CONSENTING, { channel, purpose, at })).map((row) => row.id));
    expect(targeted.filter((id) => withdrawnOrNever.has(id))).toEqual([]);
  });

  it('holds the two past campaigns with their responses and the deal one of them brought', async () => {
    const { nodeByKey } = await server.data(/* GraphQL */ `{ nodeByKey(key: "opp-camp-aquaair-pro") { ... on Opportunity { campaign { key name channel owner { key } } } } }`);
    expect(nodeByKey.campaign).toEqual({ key: 'camp-aquaair-pro-2026-05', name: 'Telefonaktion AquaAir 12 Pro', channel: 'PHONE', owner: { key: 'u-felix-arnold' } });
    const { campaigns } = await server.data(/* GraphQL */ `{ campaigns(first: 10) { totalCount edges { node { key } } } }`);
    expect(campaigns.edges.map((edge: any) => edge.node.key)).toEqual(expect.arrayContaining(['camp-newsletter-2026-09', 'camp-aquaair-pro-2026-05']));
    const phone = (await server.data(/* GraphQL */ `query ($key: String!) { nodeByKey(key: $key) { id } }`, { key: 'camp-aquaair-pro-2026-05' })).nodeByKey.id;
    const [results] = (await server.data(/* GraphQL */ `query ($id: ID!) { campaignResults(campaignId: $id) { targeted responded opportunities openPipeline } }`, { id: phone })).campaignResults;
    expect(results.opportunities).toBe(1);
    expect(results.openPipeline).toBeCloseTo(41700 * 0.4, 6);
    expect(results.responded).toBeGreaterThan(0);
    expect(results.targeted).toBeGreaterThan(results.responded);
  });
});

/** A random world: organizations of every kind, people with current and past jobs, consent histories with ties. */
function randomWorld(seed: number): ImportDocument {
  const rnd = mulberry32(seed);
  const pick = <T>(items: readonly T[]) => items[Math.floor(rnd() * items.length)];
  const nodes: ImportNode[] = [];
  const relationships: ImportRelationship[] = [];
  const organizations = Array.from({ length: 6 }, (_, i) => `o${i}`);
  organizations.forEach((key) => nodes.push({ type: 'Organization', key, properties: {
    name: key, region: pick(['Bayern', 'Hessen', 'Sachsen']), kinds: [pick(['CUSTOMER', 'PROSPECT', 'PLANNER'])],
    industry: pick(['Installer (SHK)', 'Property development']), lifecycleStage: pick(['CUSTOMER', 'PROSPECT', 'KEY_ACCOUNT']),
  } }));
  const days = ['2026-01-01', '2026-02-01', '2026-03-01'];
  let consentNo = 0;
  for (let i = 0; i < 40; i++) {
    const key = `p${i}`;
    nodes.push({ type: 'Person', key, properties: { name: `Person ${i}`, title: pick(['Einkauf', 'Geschäftsführer', 'Technik']) } });
    const jobs = Math.floor(rnd() * 3);
    for (const organization of new Set(Array.from({ length: jobs }, () => pick(organizations)))) {
      relationships.push({ type: 'WORKS_AT', from: key, to: organization, properties: rnd() < 0.2 ? { until: '2025-06-30' } : {} });
    }
    for (let d = Math.floor(rnd() * 4); d > 0; d--) {
      const consent = `c${(consentNo += 1)}`;
      nodes.push({ type: 'Consent', key: consent, properties: {
        channel: pick(['EMAIL', 'PHONE']), purpose: 'newsletter', granted: rnd() < 0.6, at: `${pick(days)}T00:00:00Z`, source: 'random',
      } });
      relationships.push({ type: 'GAVE', from: key, to: consent });
    }
  }
  return { nodes, relationships };
}

describe('targeting on random worlds', () => {
  const { server } = useTestServer({ freshEach: true });

  it.each([11, 12, 13])('targets exactly the audience (seed %i) for several filters and moments', async (seed) => {
    await server.importGraph(randomWorld(seed));
    for (const [filter, at] of [
      [null, '2026-02-15T00:00:00Z'],
      [{ regions: ['Bayern'] }, '2026-03-01T00:00:00Z'],
      [{ organizationKinds: ['CUSTOMER'], titleContains: 'einkauf' }, '2026-12-31T00:00:00Z'],
      [{ industryContains: 'installer', lifecycleStages: ['CUSTOMER', 'KEY_ACCOUNT'] }, '2026-01-01T00:00:00Z'],
    ] as const) {
      await expectTargetingEqualsAudience(server, 'EMAIL', 'newsletter', filter, at);
    }
  });
});

const SMALL: ImportDocument = {
  nodes: [
    { type: 'Organization', key: 'acme', properties: { name: 'Acme', region: 'Bayern' } },
    ...['anna', 'bert', 'cora'].map((key): ImportNode => ({ type: 'Person', key, properties: { name: key } })),
    ...['anna', 'bert'].map((key): ImportNode => ({ type: 'Consent', key: `c-${key}`, properties: { channel: 'EMAIL', purpose: 'newsletter', granted: true, at: '2026-01-01T00:00:00Z' } })),
  ],
  relationships: [
    ...['anna', 'bert', 'cora'].map((key): ImportRelationship => ({ type: 'WORKS_AT', from: key, to: 'acme' })),
    ...['anna', 'bert'].map((key): ImportRelationship => ({ type: 'GAVE', from: key, to: `c-${key}` })),
  ],
};

describe('targeting, responses and their feedback into the graph', () => {
  const { server, ids } = useTestServer({ graph: SMALL, freshEach: true });
  const newCampaign = async () =>
    (await server.data(CREATE, { input: { name: 'Newsletter', channel: 'EMAIL', purpose: 'newsletter', key: `camp-${Date.now()}-${Math.random()}` } })).createCampaign.id as string;

  it('adds only new people when targeting again', async () => {
    const campaign = await newCampaign();
    expect((await server.data(TARGET, { id: campaign })).targetCampaign).toEqual({ targeted: 2, alreadyTargeted: 0, matchedWithoutConsent: 1 });
    await server.data(/* GraphQL */ `mutation ($id: ID!) { recordConsent(personId: $id, channel: EMAIL, purpose: "newsletter", source: "trade-fair", textVersion: "v1") { id } }`, { id: ids.cora });
    expect((await server.data(TARGET, { id: campaign })).targetCampaign).toEqual({ targeted: 1, alreadyTargeted: 2, matchedWithoutConsent: 0 });
    expect(await targetedIds(server, campaign)).toEqual([ids.anna, ids.bert, ids.cora].sort());
  });

  it('an unsubscribe withdraws consent at once: the next targeting leaves the person out, and events say so', async () => {
    const spring = await newCampaign();
    await server.data(TARGET, { id: spring, at: '2026-03-01T00:00:00Z' });
    const { recordCampaignResponse } = await server.data(RESPOND, { c: spring, p: ids.anna, kind: 'UNSUBSCRIBED', at: '2026-03-02T10:00:00Z' });
    expect(recordCampaignResponse).toEqual({ kind: 'UNSUBSCRIBED', at: '2026-03-02T10:00:00.000Z', person: { id: ids.anna }, campaign: { id: spring } });
    const { node } = await server.data(/* GraphQL */ `query ($id: ID!) { node(id: $id) { ... on Person { consents(current: true) { granted source } } } }`, { id: ids.anna });
    expect(node.consents).toEqual([{ granted: false, source: expect.stringMatching(/^campaign:camp-/) }]);
    const autumn = await newCampaign();
    expect((await server.data(TARGET, { id: autumn })).targetCampaign).toEqual({ targeted: 1, alreadyTargeted: 0, matchedWithoutConsent: 2 });
    expect(await targetedIds(server, autumn)).toEqual([ids.bert]);
    const { events } = await server.data(/* GraphQL */ `{ events(first: 100) { type targetIds } }`);
    const types = events.map((event: any) => event.type);
    expect(types.slice(-4)).toEqual(['campaign.response_recorded', 'consent.withdrawn', 'campaign.created', 'campaign.targeted']);
    expect(events.at(-3).targetIds[0]).toBe(ids.anna);
  });

  it('a reply becomes contact history about the campaign; a response needs targeting first', async () => {
    const campaign = await newCampaign();
    await server.data(TARGET, { id: campaign });
    await server.data(RESPOND, { c: campaign, p: ids.bert, kind: 'REPLIED', at: '2026-04-01T08:00:00Z' });
    // A repeat keeps one response of the kind, with the earlier moment.
    await server.data(RESPOND, { c: campaign, p: ids.bert, kind: 'OPENED', at: '2026-04-01T09:00:00Z' });
    await server.data(RESPOND, { c: campaign, p: ids.bert, kind: 'OPENED', at: '2026-04-01T07:00:00Z' });
    const { node } = await server.data(/* GraphQL */ `query ($id: ID!) { node(id: $id) { ... on Person { interactions { edges { node { type direction occurredAt about { id } } } } } } }`, { id: ids.bert });
    expect(node.interactions.edges.map((edge: any) => edge.node)).toEqual([{ type: 'EMAIL', direction: 'INBOUND', occurredAt: '2026-04-01T08:00:00.000Z', about: [{ id: campaign }] }]);
    const rows = await server.db.read<{ kind: string; at: string }>('MATCH (:Person {id: $p})-[r:RESPONDED]->(:Campaign {id: $c}) RETURN r.kind AS kind, r.at AS at ORDER BY kind', { p: ids.bert, c: campaign });
    expect(rows).toEqual([{ kind: 'OPENED', at: '2026-04-01T07:00:00.000Z' }, { kind: 'REPLIED', at: '2026-04-01T08:00:00.000Z' }]);

    const untargeted = await server.gql(RESPOND, { c: campaign, p: ids.cora, kind: 'CLICKED' });
    expect(untargeted.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(untargeted.errors?.[0].message).toMatch(/not targeted/);
    const unknown = await server.gql(RESPOND, { c: 'no-such-campaign', p: ids.cora, kind: 'CLICKED' });
    expect(unknown.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  it('names the campaign a deal came from on create and update', async () => {
    const campaign = await newCampaign();
    const { createOpportunity } = await server.data(/* GraphQL */ `mutation ($acme: ID!, $c: ID!) { createOpportunity(input: { name: "From the newsletter", accountId: $acme, campaignId: $c }) { id campaign { id } } }`, { acme: ids.acme, c: campaign });
    expect(createOpportunity.campaign).toEqual({ id: campaign });
    const cleared = await server.data(/* GraphQL */ `mutation ($id: ID!) { updateOpportunity(id: $id, input: { campaignId: null }) { campaign { id } } }`, { id: createOpportunity.id });
    expect(cleared.updateOpportunity.campaign).toBeNull();
    const wrong = await server.gql(/* GraphQL */ `mutation ($id: ID!, $c: ID!) { updateOpportunity(id: $id, input: { campaignId: $c }) { id } }`, { id: createOpportunity.id, c: ids.anna });
    expect(wrong.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('imports campaigns with targeting and several kinds of response per person', async () => {
    const report = await server.data(/* GraphQL */ `mutation ($graph: JSON!) { importGraph(graph: $graph) { nodesCreated relationshipsCreated } }`, { graph: {
      nodes: [{ type: 'Campaign', key: 'camp-x', properties: { name: 'X', channel: 'EMAIL', purpose: 'newsletter' } }],
      relationships: [
        { type: 'TARGETED_BY', from: 'anna', to: 'camp-x', properties: { at: '2026-01-05T00:00:00Z' } },
        { type: 'RESPONDED', from: 'anna', to: 'camp-x', properties: { kind: 'DELIVERED', at: '2026-01-05T00:01:00Z' } },
        { type: 'RESPONDED', from: 'anna', to: 'camp-x', properties: { kind: 'OPENED', at: '2026-01-05T08:00:00Z' } },
      ],
    } });
    expect(report.importGraph).toEqual({ nodesCreated: 1, relationshipsCreated: 3 });
    const bad = await server.gql(/* GraphQL */ `mutation ($graph: JSON!) { importGraph(graph: $graph) { nodesCreated } }`, { graph: {
      relationships: [{ type: 'RESPONDED', from: 'bert', to: 'camp-x', properties: { at: '2026-01-05T00:01:00Z' } }],
    } });
    expect(bad.errors?.[0].extensions?.problems).toEqual([{ path: 'relationships[0].properties.kind', message: 'is required' }]);
  });
});
