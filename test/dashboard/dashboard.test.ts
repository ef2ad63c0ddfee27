import fs from 'node:fs';
import pino from 'pino';
import { seedFiles, seedIfEmpty } from '../../src/import/seed';
import { useTestServer } from '../support/test-server';

const QUERY = /* GraphQL */ `query ($asOf: DateTime) { dashboard(asOf: $asOf) {
  asOf openOpportunities openPipeline weightedPipeline winRate newLeads
  openCasesBySeverity { severity count } dormantCustomers accountsPerTier { tier accounts }
  interactionsLast30Days buyingCentersWithMissingRoles } }`;

describe('dashboard on a small graph', () => {
  const { server } = useTestServer({
    graph: {
      nodes: [
        { type: 'Organization', key: 'acme', properties: { name: 'Acme', kinds: ['CUSTOMER'], tier: 'A' } },
        { type: 'Organization', key: 'beta', properties: { name: 'Beta', kinds: ['CUSTOMER'], tier: 'C' } },
        { type: 'Organization', key: 'lead', properties: { name: 'Lead', lifecycleStage: 'LEAD' } },
        { type: 'Person', key: 'dm', properties: { name: 'DM' } },
        { type: 'Person', key: 'eb', properties: { name: 'EB' } },
        { type: 'Opportunity', key: 'o1', properties: { name: 'o1', stage: 'PROPOSAL', amount: 1000, probability: 0.5 } },
        { type: 'Opportunity', key: 'o2', properties: { name: 'o2', stage: 'NEGOTIATION', amount: 2000, probability: 0.75 } },
        { type: 'Opportunity', key: 'o3', properties: { name: 'o3', stage: 'WON', amount: 5000, probability: 1 } },
        { type: 'Opportunity', key: 'o4', properties: { name: 'o4', stage: 'LOST', amount: 700 } },
        { type: 'Opportunity', key: 'o5', properties: { name: 'o5', stage: 'LOST', amount: 300 } },
        { type: 'Opportunity', key: 'o6', properties: { name: 'o6', stage: 'QUALIFICATION' } },
        { type: 'Case', key: 'k1', properties: { subject: 'a', status: 'OPEN', severity: 'HIGH', openedAt: '2026-06-01T00:00:00Z' } },
        { type: 'Case', key: 'k2', properties: { subject: 'b', status: 'IN_PROGRESS', severity: 'HIGH', openedAt: '2026-06-01T00:00:00Z' } },
        { type: 'Case', key: 'k3', properties: { subject: 'c', status: 'RESOLVED', severity: 'LOW', openedAt: '2026-06-01T00:00:00Z' } },
        { type: 'Case', key: 'k4', properties: { subject: 'd', status: 'OPEN', severity: 'LOW', openedAt: '2026-07-01T00:00:00Z' } },
        { type: 'Order', key: 'old', properties: { date: '2025-01-01', amount: 10 } },
        { type: 'Order', key: 'new', properties: { date: '2026-06-01', amount: 10 } },
        { type: 'Interaction', key: 'i1', properties: { type: 'CALL', occurredAt: '2026-05-31T00:00:01Z' } },
        { type: 'Interaction', key: 'i2', properties: { type: 'CALL', occurredAt: '2026-05-31T00:00:00Z' } },
        { type: 'Interaction', key: 'i3', properties: { type: 'CALL', occurredAt: '2026-06-30T00:00:00Z' } },
        { type: 'LifecycleChange', key: 'lc', properties: { to: 'LEAD', at: '2026-06-20T00:00:00Z' } },
      ],
      relationships: [
        { type: 'BUYING_ROLE', from: 'dm', to: 'o1', properties: { roles: ['DECISION_MAKER', 'CHAMPION'] } },
        { type: 'BUYING_ROLE', from: 'eb', to: 'o1', properties: { roles: ['ECONOMIC_BUYER'] } },
        { type: 'BUYING_ROLE', from: 'dm', to: 'o2', properties: { roles: ['DECISION_MAKER'] } },
        { type: 'PLACED', from: 'beta', to: 'old' },
        { type: 'PLACED', from: 'acme', to: 'new' },
        { type: 'HAS_LIFECYCLE_CHANGE', from: 'lead', to: 'lc' },
      ],
    },
  });

  it('adds up the morning KPIs by hand', async () => {
    const { dashboard } = await server.data(QUERY, { asOf: '2026-06-30T00:00:00Z' });
    expect(dashboard).toEqual({
      asOf: '2026-06-30T00:00:00Z',
      openOpportunities: 3, // o1, o2, o6
      openPipeline: 3000,
      weightedPipeline: 2000, // 1000 × 0.5 + 2000 × 0.75
      winRate: 1 / 3, // 1 won, 2 lost
      newLeads: 1, // became LEAD 10 days before asOf
      openCasesBySeverity: [
        { severity: 'CRITICAL', count: 0 }, { severity: 'HIGH', count: 2 }, { severity: 'MEDIUM', count: 0 }, { severity: 'LOW', count: 0 },
      ], // k4 is opened after asOf
      dormantCustomers: 1, // beta: last order 2025-01-01
      accountsPerTier: [{ tier: 'A', accounts: 1 }, { tier: 'B', accounts: 0 }, { tier: 'C', accounts: 1 }],
      interactionsLast30Days: 2, // i1 and i3; i2 is exactly 30 days (720 h) before asOf, so outside
      buyingCentersWithMissingRoles: 2, // o2 (no EB, no champion) and o6 (nobody); o1 is complete
    });
  });
});

describe('dashboard on the sample world', () => {
  const { server } = useTestServer();
  const AS_OF = '2026-11-20T23:59:59Z';
  beforeAll(() => server.onEmptyDatabase(() => seedIfEmpty(server.db, pino({ level: 'silent' }))));

  it('matches sums computed straight from the seed files', async () => {
    const docs = seedFiles().map((file) => JSON.parse(fs.readFileSync(file, 'utf8')) as { nodes: any[]; relationships: any[] });
    const nodes = docs.flatMap((d) => d.nodes);
    const rels = docs.flatMap((d) => d.relationships);
    const ofType = (type: string) => nodes.filter((n) => n.type === type);
    const asOf = Date.parse(AS_OF);
    const day = 86_400_000;

    const opportunities = ofType('Opportunity').map((n) => n.properties);
    const open = opportunities.filter((o) => !['WON', 'LOST'].includes(o.stage));
    const won = opportunities.filter((o) => o.stage === 'WON').length;
    const lost = opportunities.filter((o) => o.stage === 'LOST').length;
    const openCases = (severity: string) => ofType('Case').filter((c) =>
      ['OPEN', 'IN_PROGRESS'].includes(c.properties.status) && c.properties.severity === severity && Date.parse(c.properties.openedAt) <= asOf).length;
    const tierCount = (tier: string) => ofType('Organization').filter((o) => o.properties.tier === tier).length;
    const interactions = ofType('Interaction').filter((i) => {
      const at = Date.parse(i.properties.occurredAt);
      return at > asOf - 30 * day && at <= asOf;
    });

    // Dormancy by brute force over the documents.
    const orderDate = new Map(ofType('Order').map((o) => [o.key, o.properties.date as string]));
    const interactionAt = new Map(ofType('Interaction').map((i) => [i.key, i.properties.occurredAt as string]));
    const asOfDay = AS_OF.slice(0, 10);
    const lastActivity = new Map<string, string>();
    const bump = (org: string, date: string) => {
      if (date <= asOfDay && (!lastActivity.has(org) || lastActivity.get(org)! < date)) lastActivity.set(org, date);
    };
    const buyers = new Set<string>();
    for (const r of rels.filter((r) => r.type === 'PLACED')) {
      if (orderDate.get(r.to)! <= asOfDay) buyers.add(r.from);
      bump(r.from, orderDate.get(r.to)!);
    }
    const worksAt = rels.filter((r) => r.type === 'WORKS_AT');
    for (const r of rels.filter((r) => r.type === 'ABOUT' && interactionAt.has(r.from))) bump(r.to, interactionAt.get(r.from)!.slice(0, 10));
    for (const r of rels.filter((r) => r.type === 'PARTICIPATED_IN' && interactionAt.has(r.to))) {
      for (const w of worksAt.filter((w) => w.from === r.from)) bump(w.to, interactionAt.get(r.to)!.slice(0, 10));
    }
    const dormant = [...buyers].filter((org) => (Date.parse(asOfDay) - Date.parse(lastActivity.get(org)!)) / day > 180).length;

    const roles = new Map<string, Set<string>>();
    for (const r of rels.filter((r) => r.type === 'BUYING_ROLE')) {
      const set = roles.get(r.to) ?? new Set<string>();
      for (const role of r.properties?.roles ?? []) set.add(role);
      roles.set(r.to, set);
    }
    const openKeys = ofType('Opportunity').filter((o) => !['WON', 'LOST'].includes(o.properties.stage)).map((o) => o.key);
    const missing = openKeys.filter((key) => ['DECISION_MAKER', 'ECONOMIC_BUYER', 'CHAMPION'].some((role) => !roles.get(key)?.has(role))).length;

    const { dashboard } = await server.data(QUERY, { asOf: AS_OF });
    expect(dashboard.openOpportunities).toBe(open.length);
    expect(dashboard.openPipeline).toBeCloseTo(open.reduce((s, o) => s + (o.amount ?? 0), 0), 2);
    expect(dashboard.weightedPipeline).toBeCloseTo(open.reduce((s, o) => s + (o.amount ?? 0) * (o.probability ?? 0), 0), 2);
    expect(dashboard.winRate).toBe(won + lost ? won / (won + lost) : null);
    expect(dashboard.openCasesBySeverity).toEqual(['CRITICAL', 'HIGH', 'MEDIUM', 'LOW'].map((severity) => ({ severity, count: openCases(severity) })));
    expect(dashboard.accountsPerTier).toEqual(['A', 'B', 'C'].map((tier) => ({ tier, accounts: tierCount(tier) })));
    expect(dashboard.interactionsLast30Days).toBe(interactions.length);
    expect(dashboard.dormantCustomers).toBe(dormant);
    expect(dashboard.buyingCentersWithMissingRoles).toBe(missing);
    // The sample world has something to show.
    expect(dashboard.dormantCustomers).toBeGreaterThan(0);
    expect(dashboard.openCasesBySeverity.some((s: any) => s.count > 0)).toBe(true);
  });
});

describe('a deal imported without a stage', () => {
  const { server, ids } = useTestServer({
    graph: {
      nodes: [
        { type: 'Organization', key: 'acme', properties: { name: 'Acme', kinds: ['CUSTOMER'] } },
        { type: 'Organization', key: 'nord', properties: { name: 'Nord', kinds: ['DISTRIBUTOR'] } },
        { type: 'Opportunity', key: 'staged', properties: { name: 'staged', stage: 'PROPOSAL', amount: 1000, probability: 0.5 } },
        { type: 'Opportunity', key: 'stageless', properties: { name: 'stageless', amount: 400, probability: 0.25 } },
      ],
      relationships: [
        { type: 'FOR_ACCOUNT', from: 'staged', to: 'acme' },
        { type: 'FOR_ACCOUNT', from: 'stageless', to: 'acme' },
        { type: 'SERVES', from: 'nord', to: 'acme', properties: { as: 'DISTRIBUTOR' } },
      ],
    },
  });

  it('is open on the dashboard as in the pipeline and the partner coverage', async () => {
    const { dashboard, pipeline, partnerCoverage } = await server.data(
      `query ($nord: ID!) {
        dashboard(asOf: "2026-06-30T00:00:00Z") { openOpportunities openPipeline weightedPipeline buyingCentersWithMissingRoles }
        pipeline { openCount openAmount weightedAmount }
        partnerCoverage(partnerId: $nord) { openPipeline }
      }`,
      { nord: ids.nord },
    );
    expect(pipeline).toEqual({ openCount: 2, openAmount: 1400, weightedAmount: 600 }); // 1000 × 0.5 + 400 × 0.25
    expect(partnerCoverage.openPipeline).toBe(600);
    expect(dashboard).toEqual({ openOpportunities: 2, openPipeline: 1400, weightedPipeline: 600, buyingCentersWithMissingRoles: 2 });
  });
});
