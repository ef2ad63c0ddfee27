import type { ImportDocument, ImportNode, ImportRelationship } from '../../src/import';
import { useTestServer } from '../support/test-server';

// A small campaign worked out by hand (see the expectations below).
const org = (key: string, properties: Record<string, unknown>): ImportNode => ({ type: 'Organization', key, properties: { name: key, ...properties } });
const person = (key: string): ImportNode => ({ type: 'Person', key, properties: { name: key } });
const newsletter = (key: string): ImportNode => ({
  type: 'Consent', key, properties: { channel: 'EMAIL', purpose: 'newsletter', granted: true, at: '2026-01-01T00:00:00Z', source: 'web-form' },
});
const deal = (key: string, amount: number, stage: string, probability: number): ImportNode => ({
  type: 'Opportunity', key, properties: { name: key, amount, stage, probability },
});
const rel = (type: ImportRelationship['type'], from: string, to: string, properties?: Record<string, unknown>): ImportRelationship => ({ type, from, to, properties });

const WORLD: ImportDocument = {
  nodes: [
    org('o-a', { tier: 'A', lifecycleStage: 'CUSTOMER', region: 'Bayern' }),
    org('o-b', { tier: 'B', lifecycleStage: 'KEY_ACCOUNT', region: 'Hessen' }),
    org('o-c', { lifecycleStage: 'PROSPECT', region: 'Bayern' }),
    ...['p1', 'p2', 'p3', 'p4', 'p5', 'p6'].map(person),
    ...['c1', 'c2', 'c3', 'c4', 'c5'].map(newsletter),
    deal('d1', 1000, 'PROPOSAL', 0.5), deal('d2', 2000, 'WON', 1), deal('d3', 400, 'QUALIFICATION', 0.25), deal('d4', 300, 'LOST', 0),
    deal('d-other', 5000, 'PROPOSAL', 0.9),
    { type: 'Campaign', key: 'camp', properties: { name: 'Spring newsletter', channel: 'EMAIL', purpose: 'newsletter' } },
  ],
  relationships: [
    rel('WORKS_AT', 'p1', 'o-a'), rel('WORKS_AT', 'p2', 'o-a'), rel('WORKS_AT', 'p6', 'o-a'),
    // p3 works at two: the smaller key (o-b) decides the group.
    rel('WORKS_AT', 'p3', 'o-c'), rel('WORKS_AT', 'p3', 'o-b'),
    // p4 left long ago: no current employer, group null.
    rel('WORKS_AT', 'p4', 'o-c', { until: '2020-01-01' }),
    rel('WORKS_AT', 'p5', 'o-c'),
    ...['1', '2', '3', '4', '5'].map((n) => rel('GAVE', `p${n}`, `c${n}`)),
    rel('FOR_ACCOUNT', 'd1', 'o-a'), rel('FOR_ACCOUNT', 'd2', 'o-b'), rel('FOR_ACCOUNT', 'd3', 'o-c'), rel('FOR_ACCOUNT', 'd4', 'o-a'),
    rel('FOR_ACCOUNT', 'd-other', 'o-a'),
    ...['d1', 'd2', 'd3', 'd4'].map((d) => rel('SOURCED_FROM', d, 'camp')),
  ],
};

const RESPONSES: [string, string][] = [
  ['p1', 'DELIVERED'], ['p1', 'OPENED'], ['p1', 'CLICKED'], ['p1', 'OPENED'],
  ['p2', 'BOUNCED'],
  ['p3', 'DELIVERED'], ['p3', 'REPLIED'],
  ['p4', 'DELIVERED'], ['p4', 'UNSUBSCRIBED'],
  ['p5', 'DELIVERED'],
];

const KINDS = ['DELIVERED', 'BOUNCED', 'OPENED', 'CLICKED', 'REPLIED', 'REGISTERED', 'UNSUBSCRIBED'];
function row(group: string | null, targeted: number, kinds: Record<string, number>, responded: number, deals: [number, number, number]) {
  return {
    group, targeted, responded,
    responseRate: targeted ? responded / targeted : 0,
    byKind: KINDS.map((kind) => ({ kind, people: kinds[kind] ?? 0 })),
    unsubscribed: kinds.UNSUBSCRIBED ?? 0,
    opportunities: deals[0], openPipeline: deals[1], wonAmount: deals[2],
  };
}

// Groups of people: A/CUSTOMER = {p1, p2}, B/KEY_ACCOUNT = {p3}, PROSPECT = {p5} (o-c has no tier),
// no employer = {p4}. Deals: o-a {d1 open 500, d4 lost}, o-b {d2 won 2000}, o-c {d3 open 100}.
const A = row('A', 2, { DELIVERED: 1, BOUNCED: 1, OPENED: 1, CLICKED: 1 }, 1, [2, 500, 0]);
const B = row('B', 1, { DELIVERED: 1, REPLIED: 1 }, 1, [1, 0, 2000]);
const EXPECTED: Record<string, unknown[]> = {
  NONE: [row(null, 5, { DELIVERED: 4, BOUNCED: 1, OPENED: 1, CLICKED: 1, REPLIED: 1, UNSUBSCRIBED: 1 }, 3, [4, 600, 2000])],
  TIER: [A, B, row(null, 2, { DELIVERED: 2, UNSUBSCRIBED: 1 }, 1, [1, 100, 0])],
  LIFECYCLE_STAGE: [
    { ...A, group: 'CUSTOMER' }, { ...B, group: 'KEY_ACCOUNT' },
    row('PROSPECT', 1, { DELIVERED: 1 }, 0, [1, 100, 0]), row(null, 1, { DELIVERED: 1, UNSUBSCRIBED: 1 }, 1, [0, 0, 0]),
  ],
  REGION: [
    row('Bayern', 3, { DELIVERED: 2, BOUNCED: 1, OPENED: 1, CLICKED: 1 }, 1, [3, 600, 0]),
    { ...B, group: 'Hessen' }, row(null, 1, { DELIVERED: 1, UNSUBSCRIBED: 1 }, 1, [0, 0, 0]),
  ],
  // o-a and o-c in community k-1, o-b in k-2: like REGION.
  COMMUNITY: [
    row('k-1', 3, { DELIVERED: 2, BOUNCED: 1, OPENED: 1, CLICKED: 1 }, 1, [3, 600, 0]),
    { ...B, group: 'k-2' }, row(null, 1, { DELIVERED: 1, UNSUBSCRIBED: 1 }, 1, [0, 0, 0]),
  ],
};

const RESULTS = /* GraphQL */ `query ($id: ID!, $groupBy: CampaignGroupBy) { campaignResults(campaignId: $id, groupBy: $groupBy) {
  group targeted responded responseRate byKind { kind people } unsubscribed opportunities openPipeline wonAmount } }`;

describe('campaignResults', () => {
  const { server, ids } = useTestServer({ graph: WORLD });
  beforeAll(async () => {
    const { targetCampaign } = await server.data(/* GraphQL */ `mutation ($id: ID!) { targetCampaign(campaignId: $id, at: "2026-06-01T00:00:00Z") { targeted alreadyTargeted matchedWithoutConsent } }`, { id: ids.camp });
    expect(targetCampaign).toEqual({ targeted: 5, alreadyTargeted: 0, matchedWithoutConsent: 1 });
    for (const [key, kind] of RESPONSES) {
      await server.data(/* GraphQL */ `mutation ($c: ID!, $p: ID!, $kind: CampaignResponseKind!) { recordCampaignResponse(campaignId: $c, personId: $p, kind: $kind, at: "2026-06-02T09:00:00Z") { kind } }`, { c: ids.camp, p: ids[key], kind });
    }
    // Communities as the graph-depth area stores them.
    await server.db.write(`
      MATCH (a:Organization {key: 'o-a'}), (b:Organization {key: 'o-b'}), (c:Organization {key: 'o-c'})
      CREATE (k1:Community {id: 'k-1'}), (k2:Community {id: 'k-2'})
      CREATE (a)-[:IN_COMMUNITY]->(k1), (c)-[:IN_COMMUNITY]->(k1), (b)-[:IN_COMMUNITY]->(k2)`);
  });

  it.each(Object.keys(EXPECTED))('equals the hand computation grouped by %s', async (groupBy) => {
    const { campaignResults } = await server.data(RESULTS, { id: ids.camp, groupBy });
    expect(campaignResults).toEqual(EXPECTED[groupBy]);
  });

  it('answers one row of zeros for an empty campaign and NOT_FOUND for an unknown one', async () => {
    const { createCampaign } = await server.data(/* GraphQL */ `mutation { createCampaign(input: { name: "Empty", channel: POST, purpose: "catalogue" }) { id } }`);
    const { campaignResults } = await server.data(RESULTS, { id: createCampaign.id, groupBy: 'NONE' });
    expect(campaignResults).toEqual([row(null, 0, {}, 0, [0, 0, 0])]);
    expect((await server.data(RESULTS, { id: createCampaign.id, groupBy: 'TIER' })).campaignResults).toEqual([]);
    const unknown = await server.gql(RESULTS, { id: 'no-such-campaign', groupBy: 'NONE' });
    expect(unknown.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });
});
