import type { ImportNode, ImportRelationship } from '../../src/import';
import type { ImportDocument } from '../../src/import';
import { useTestServer } from '../support/test-server';

const person = (key: string, title?: string): ImportNode => ({ type: 'Person', key, properties: { name: key, ...(title ? { title } : {}) } });
const grant = (key: string, channel: string, at: string, granted = true): ImportNode => ({
  type: 'Consent', key, properties: { channel, purpose: 'newsletter', granted, at, source: 'web-form', textVersion: 'v1' },
});

const CONSENTS_OF: Record<string, string[]> = {
  anna: ['c-anna'], bert: ['c-bert', 'c-bert-off'], dora: ['c-dora'], emil: ['c-emil'], fritz: ['c-fritz'],
  gert: ['c-gert'], hans: ['c-hans', 'c-hans-off'], ida: ['c-ida'], jan: ['c-jan'],
};

const WORLD: ImportDocument = {
  nodes: [
    { type: 'Organization', key: 'inst-by', properties: { name: 'Heizung Huber', kinds: ['CUSTOMER'], industry: 'Installation SHK', region: 'Bayern' } },
    { type: 'Organization', key: 'inst-he', properties: { name: 'Heizung Hessen', kinds: ['CUSTOMER'], industry: 'Installation SHK', region: 'Hessen' } },
    { type: 'Organization', key: 'plan-by', properties: { name: 'Planbüro', kinds: ['PLANNER'], industry: 'Installation planning', region: 'Bayern' } },
    person('anna', 'Leiterin Einkauf'), person('bert', 'Einkauf Technik'), person('cora', 'Head of Einkauf'),
    person('dora', 'Einkauf'), person('emil', 'Einkauf'), person('fritz', 'Einkauf'), person('gert', 'Einkauf'),
    person('hans', 'Einkauf'), person('ida'), person('jan', 'Geschäftsführer'),
    grant('c-anna', 'EMAIL', '2026-01-01T00:00:00Z'),
    grant('c-bert', 'EMAIL', '2026-01-01T00:00:00Z'), grant('c-bert-off', 'EMAIL', '2026-02-01T00:00:00Z', false),
    grant('c-dora', 'EMAIL', '2026-01-01T00:00:00Z'),
    grant('c-emil', 'PHONE', '2026-01-01T00:00:00Z'),
    grant('c-fritz', 'EMAIL', '2026-01-01T00:00:00Z'), grant('c-gert', 'EMAIL', '2026-01-01T00:00:00Z'),
    grant('c-hans', 'EMAIL', '2026-05-01T00:00:00Z'), grant('c-hans-off', 'EMAIL', '2026-05-01T00:00:00Z', false),
    grant('c-ida', 'EMAIL', '2026-01-01T00:00:00Z'), grant('c-jan', 'EMAIL', '2026-01-01T00:00:00Z'),
  ],
  relationships: [
    ...['anna', 'bert', 'cora', 'emil', 'hans', 'jan'].map((p): ImportRelationship => ({ type: 'WORKS_AT', from: p, to: 'inst-by' })),
    { type: 'WORKS_AT', from: 'ida', to: 'inst-by', properties: { title: 'Sachbearbeiterin Einkauf' } },
    { type: 'WORKS_AT', from: 'gert', to: 'inst-by', properties: { until: '2025-12-31' } },
    { type: 'WORKS_AT', from: 'dora', to: 'inst-he' },
    { type: 'WORKS_AT', from: 'fritz', to: 'plan-by' },
    ...Object.entries(CONSENTS_OF).flatMap(([p, consents]) => consents.map((c): ImportRelationship => ({ type: 'GAVE', from: p, to: c }))),
  ],
};

const RECORD = /* GraphQL */ `mutation ($id: ID!, $at: DateTime) { recordConsent(personId: $id, channel: EMAIL, purpose: "newsletter", source: "trade-fair", textVersion: "v2", at: $at) { granted at textVersion person { name } } }`;
const WITHDRAW = /* GraphQL */ `mutation ($id: ID!, $at: DateTime) { withdrawConsent(personId: $id, channel: EMAIL, purpose: "newsletter", source: "unsubscribe-link", at: $at) { granted at } }`;
const AUDIENCE = /* GraphQL */ `query ($asOf: DateTime, $filter: AudienceFilter, $first: Int) {
  audience(filter: $filter, channel: EMAIL, purpose: "newsletter", asOf: $asOf, first: $first) { # eslint-disable-line @graphql-eslint/no-deprecated -- the fallback old clients page with
    included excludedWithoutConsent people { totalCount edges { node { name } } pageInfo { hasNextPage } } } }`;
const BAVARIAN_INSTALLER_BUYERS = { regions: ['Bayern'], organizationKinds: ['CUSTOMER'], industryContains: 'install', titleContains: 'einkauf' };

describe('consent and audiences', () => {
  const { server, ids } = useTestServer({ graph: WORLD });
  beforeAll(async () => {
    // Cora grants, withdraws and grants again through the API.
    await server.data(RECORD, { id: ids.cora, at: '2026-01-01T00:00:00Z' });
    await server.data(WITHDRAW, { id: ids.cora, at: '2026-02-01T00:00:00Z' });
    await server.data(RECORD, { id: ids.cora, at: '2026-03-01T00:00:00Z' });
  });

  it('keeps every decision and tells the current one per channel and purpose', async () => {
    const { node } = await server.data(/* GraphQL */ `query ($id: ID!) { node(id: $id) { ... on Person { all: consents { granted at source } current: consents(current: true) { granted at textVersion } } } }`, { id: ids.cora });
    expect(node.all).toEqual([
      { granted: true, at: '2026-03-01T00:00:00.000Z', source: 'trade-fair' },
      { granted: false, at: '2026-02-01T00:00:00.000Z', source: 'unsubscribe-link' },
      { granted: true, at: '2026-01-01T00:00:00.000Z', source: 'trade-fair' },
    ]);
    expect(node.current).toEqual([{ granted: true, at: '2026-03-01T00:00:00.000Z', textVersion: 'v2' }]);
    const hans = (await server.data(/* GraphQL */ `query ($id: ID!) { node(id: $id) { ... on Person { consents(current: true) { granted } } } }`, { id: ids.hans })).node;
    expect(hans.consents).toEqual([{ granted: false }]);
  });

  it("selects the Bavarian installers' buyers and leaves out everyone without a current grant", async () => {
    // Selected: anna, bert, cora, emil, hans, ida (title on WORKS_AT). Not: dora (Hessen), fritz (planner), gert (left), jan (title).
    // Out: bert (withdrew), emil (phone only), hans (withdrew at the same instant as granting).
    const { audience } = await server.data(AUDIENCE, { asOf: '2026-06-30T00:00:00Z', filter: BAVARIAN_INSTALLER_BUYERS });
    expect(audience).toEqual({
      included: 3,
      excludedWithoutConsent: 3,
      people: { totalCount: 3, edges: [{ node: { name: 'anna' } }, { node: { name: 'cora' } }, { node: { name: 'ida' } }], pageInfo: { hasNextPage: false } },
    });
  });

  it('honours the state at asOf: between withdrawal and re-grant Cora is out', async () => {
    const { audience } = await server.data(AUDIENCE, { asOf: '2026-02-15T00:00:00Z', filter: BAVARIAN_INSTALLER_BUYERS, first: 1 });
    expect(audience.included).toBe(2);
    expect(audience.excludedWithoutConsent).toBe(4);
    expect(audience.people.edges).toEqual([{ node: { name: 'anna' } }]);
    expect(audience.people.pageInfo.hasNextPage).toBe(true);
  });

  it('selects everyone when no filter is given', async () => {
    // Current EMAIL newsletter grants: anna, cora, dora, fritz, gert, ida, jan; out: bert, emil, hans.
    const { audience } = await server.data(AUDIENCE, { asOf: '2026-06-30T00:00:00Z' });
    expect([audience.included, audience.excludedWithoutConsent]).toEqual([7, 3]);
  });

  it('refuses bad decisions and writes nothing', async () => {
    const count = async () => (await server.db.read<{ n: number }>('MATCH (c:Consent) RETURN count(c) AS n'))[0].n;
    const before = await count();
    expect((await server.gql(RECORD, { id: ids['inst-by'] })).errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const empty = await server.gql(/* GraphQL */ `mutation ($id: ID!) { recordConsent(personId: $id, channel: EMAIL, purpose: " ", source: "x", textVersion: "v1") { id } }`, { id: ids.anna });
    expect(empty.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const noSource = await server.gql(/* GraphQL */ `mutation ($id: ID!) { withdrawConsent(personId: $id, channel: EMAIL, purpose: "newsletter", source: "") { id } }`, { id: ids.anna });
    expect(noSource.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(await count()).toBe(before);
  });
});
