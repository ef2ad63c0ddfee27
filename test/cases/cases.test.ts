import type { ImportDocument } from '../../src/import';
import { useTestServer } from '../support/test-server';

const AS_OF = '2026-06-30T12:00:00Z';

const WORLD: ImportDocument = {
  nodes: [
    { type: 'Organization', key: 'acme', properties: { name: 'Acme', kinds: ['CUSTOMER'] } },
    { type: 'Organization', key: 'beta', properties: { name: 'Beta', kinds: ['CUSTOMER'] } },
    { type: 'Organization', key: 'gamma', properties: { name: 'Gamma', kinds: ['CUSTOMER'] } },
    { type: 'Organization', key: 'delta', properties: { name: 'Delta', kinds: ['CUSTOMER'] } },
    { type: 'Person', key: 'anna', properties: { name: 'Anna' } },
    { type: 'Person', key: 'bert', properties: { name: 'Bert' } },
    { type: 'User', key: 'kim', properties: { name: 'Kim' } },
    { type: 'Product', key: 'boiler', properties: { sku: 'B-1', name: 'Boiler' } },
    { type: 'Product', key: 'pump', properties: { sku: 'P-1', name: 'Pump' } },
    { type: 'Order', key: 'o-acme', properties: { date: '2025-01-01', amount: 100 } },
    { type: 'Order', key: 'o-beta', properties: { date: '2025-02-01', amount: 100 } },
    { type: 'Order', key: 'o-beta2', properties: { date: '2025-05-01', amount: 100 } },
    { type: 'Order', key: 'o-gamma', properties: { date: '2025-03-01', amount: 100 } },
    { type: 'Order', key: 'o-delta', properties: { date: '2025-03-01', amount: 100 } },
    { type: 'Interaction', key: 'call', properties: { type: 'CALL', occurredAt: '2026-06-01T10:00:00Z' } },
    // Beta: one open case on the boiler, one resolved 10 days ago (recent), one resolved 400 days ago (old).
    { type: 'Case', key: 'k-beta-open', properties: { subject: 'Leaks', status: 'OPEN', severity: 'LOW', openedAt: '2026-06-20T12:00:00Z' } },
    { type: 'Case', key: 'k-beta-recent', properties: { subject: 'Noise', status: 'RESOLVED', severity: 'LOW', openedAt: '2026-06-15T12:00:00Z', resolvedAt: '2026-06-20T12:00:00Z' } },
    { type: 'Case', key: 'k-beta-old', properties: { subject: 'Old', status: 'CLOSED', severity: 'LOW', openedAt: '2025-05-01T12:00:00Z', resolvedAt: '2025-05-02T12:00:00Z' } },
    // Gamma: one open case raised by a person who works there; Delta: a case on another product.
    { type: 'Case', key: 'k-gamma', properties: { subject: 'Error E4', status: 'IN_PROGRESS', severity: 'CRITICAL', openedAt: '2026-06-29T12:00:00Z' } },
    { type: 'Case', key: 'k-delta-pump', properties: { subject: 'Pump', status: 'OPEN', severity: 'HIGH', openedAt: '2026-06-23T12:00:00Z' } },
  ],
  relationships: [
    { type: 'WORKS_AT', from: 'anna', to: 'acme' },
    { type: 'WORKS_AT', from: 'bert', to: 'gamma' },
    { type: 'PLACED', from: 'acme', to: 'o-acme' },
    { type: 'PLACED', from: 'beta', to: 'o-beta' },
    { type: 'PLACED', from: 'beta', to: 'o-beta2' },
    { type: 'PLACED', from: 'gamma', to: 'o-gamma' },
    { type: 'PLACED', from: 'delta', to: 'o-delta' },
    { type: 'CONTAINS', from: 'o-acme', to: 'boiler', properties: { quantity: 1, amount: 100 } },
    { type: 'CONTAINS', from: 'o-beta', to: 'boiler', properties: { quantity: 2, amount: 60 } },
    { type: 'CONTAINS', from: 'o-beta2', to: 'boiler', properties: { quantity: 3, amount: 100 } },
    { type: 'CONTAINS', from: 'o-beta', to: 'pump', properties: { quantity: 1, amount: 40 } },
    { type: 'CONTAINS', from: 'o-gamma', to: 'boiler', properties: { quantity: 1, amount: 100 } },
    { type: 'CONTAINS', from: 'o-delta', to: 'boiler', properties: { quantity: 1, amount: 100 } },
    { type: 'RAISED_BY', from: 'k-beta-open', to: 'beta' },
    { type: 'RAISED_BY', from: 'k-beta-recent', to: 'beta' },
    { type: 'RAISED_BY', from: 'k-beta-old', to: 'beta' },
    { type: 'RAISED_BY', from: 'k-gamma', to: 'bert' },
    { type: 'RAISED_BY', from: 'k-delta-pump', to: 'delta' },
    { type: 'CONCERNS', from: 'k-beta-open', to: 'boiler' },
    { type: 'CONCERNS', from: 'k-beta-recent', to: 'boiler' },
    { type: 'CONCERNS', from: 'k-beta-old', to: 'boiler' },
    { type: 'CONCERNS', from: 'k-gamma', to: 'boiler' },
    { type: 'CONCERNS', from: 'k-delta-pump', to: 'pump' },
  ],
};

const RAISE = /* GraphQL */ `mutation ($input: RaiseCaseInput!) {
  raiseCase(input: $input) { id subject status severity openedAt raisedBy { __typename ... on Person { name } ... on Organization { name } } product { sku } }
}`;

describe('complaints and service', () => {
  const { server, ids } = useTestServer({ graph: WORLD });

  const caseCount = async () => (await server.db.read<{ n: number }>('MATCH (c:Case) RETURN count(c) AS n'))[0].n;
  const codeOf = async (query: string, variables: Record<string, unknown>) => (await server.gql(query, variables)).errors?.[0].extensions?.code;

  it('walks a case through raise, assign, resolve, rate and close', async () => {
    const { raiseCase } = await server.data(RAISE, {
      input: { subject: 'Boiler stops', severity: 'HIGH', raisedById: ids.anna, productId: ids.boiler, openedAt: '2026-06-28T12:00:00Z' },
    });
    expect(raiseCase).toMatchObject({ status: 'OPEN', severity: 'HIGH', raisedBy: { __typename: 'Person', name: 'Anna' }, product: { sku: 'B-1' } });
    const id = raiseCase.id;
    const rate = /* GraphQL */ `mutation ($id: ID!, $s: Int!) { rateCase(caseId: $id, satisfaction: $s) { satisfaction } }`;
    expect(await codeOf(rate, { id, s: 4 })).toBe('BAD_USER_INPUT');
    const { assignCase } = await server.data(/* GraphQL */ `mutation ($id: ID!, $u: ID!) { assignCase(caseId: $id, userId: $u) { status assignee { name } } }`, { id, u: ids.kim });
    expect(assignCase).toEqual({ status: 'IN_PROGRESS', assignee: { name: 'Kim' } });
    const resolve = /* GraphQL */ `mutation ($id: ID!, $at: DateTime) { resolveCase(caseId: $id, resolution: "Replaced sensor", resolvedAt: $at) { status resolvedAt resolution } }`;
    expect(await codeOf(resolve, { id, at: '2026-06-27T12:00:00Z' })).toBe('BAD_USER_INPUT');
    const { resolveCase } = await server.data(resolve, { id, at: '2026-06-29T18:00:00Z' });
    expect(resolveCase).toEqual({ status: 'RESOLVED', resolvedAt: '2026-06-29T18:00:00.000Z', resolution: 'Replaced sensor' });
    expect(await codeOf(resolve, { id, at: '2026-06-30T00:00:00Z' })).toBe('BAD_USER_INPUT');
    expect(await codeOf(rate, { id, s: 6 })).toBe('BAD_USER_INPUT');
    expect(await codeOf(rate, { id, s: 0 })).toBe('BAD_USER_INPUT');
    expect((await server.data(rate, { id, s: 4 })).rateCase).toEqual({ satisfaction: 4 });
    expect(await codeOf(/* GraphQL */ `mutation ($id: ID!, $u: ID!) { assignCase(caseId: $id, userId: $u) { status } }`, { id, u: ids.kim })).toBe('BAD_USER_INPUT');
    expect((await server.data(/* GraphQL */ `mutation ($id: ID!) { closeCase(caseId: $id) { status satisfaction } }`, { id })).closeCase).toEqual({ status: 'CLOSED', satisfaction: 4 });
    await server.db.write('MATCH (c:Case {id: $id}) DETACH DELETE c', { id });
  });

  it('refuses bad raises and writes nothing', async () => {
    const before = await caseCount();
    expect(await codeOf(RAISE, { input: { subject: 'x', raisedById: ids.boiler } })).toBe('BAD_USER_INPUT');
    expect(await codeOf(RAISE, { input: { subject: 'x', raisedById: 'nope' } })).toBe('NOT_FOUND');
    expect(await codeOf(RAISE, { input: { subject: 'x', raisedById: ids.acme, productId: ids.acme } })).toBe('NOT_FOUND');
    expect(await codeOf(RAISE, { input: { subject: '', raisedById: ids.acme } })).toBe('BAD_USER_INPUT');
    expect(await codeOf(/* GraphQL */ `mutation ($id: ID!, $u: ID!) { assignCase(caseId: $id, userId: $u) { status } }`, { id: ids['k-gamma'], u: ids.anna })).toBe('NOT_FOUND');
    expect(await caseCount()).toBe(before);
  });

  it('lists open cases by severity then age, with ages at asOf and a strict olderThanDays', async () => {
    const query = /* GraphQL */ `query ($sev: [Severity!], $older: Int) { openCases(severity: $sev, olderThanDays: $older, asOf: "${AS_OF}") {
      totalCount edges { node { ageDays case { subject } } } } }`;
    const all = (await server.data(query, {})).openCases;
    // Error E4: 1 day; Pump: 7 days; Leaks: 10 days.
    expect(all.totalCount).toBe(3);
    expect(all.edges.map((e: any) => [e.node.case.subject, e.node.ageDays])).toEqual([['Error E4', 1], ['Pump', 7], ['Leaks', 10]]);
    // Pump was opened exactly 7 days before asOf: not strictly older than 7 days.
    const older = (await server.data(query, { older: 7 })).openCases;
    expect(older.edges.map((e: any) => e.node.case.subject)).toEqual(['Leaks']);
    const low = (await server.data(query, { sev: ['LOW', 'HIGH'] })).openCases;
    expect(low.edges.map((e: any) => e.node.case.subject)).toEqual(['Pump', 'Leaks']);
  });

  it('averages the time to resolve over the cases resolved in [from, to)', async () => {
    const query = /* GraphQL */ `query ($from: DateTime!, $to: DateTime!) { averageTimeToResolve(from: $from, to: $to) { cases averageHours averageDays } }`;
    // Noise: 5 days = 120 h; Old: 1 day = 24 h.
    expect((await server.data(query, { from: '2025-01-01T00:00:00Z', to: '2026-07-01T00:00:00Z' })).averageTimeToResolve).toEqual({ cases: 2, averageHours: 72, averageDays: 3 });
    expect((await server.data(query, { from: '2026-06-20T12:00:00Z', to: '2026-07-01T00:00:00Z' })).averageTimeToResolve).toEqual({ cases: 1, averageHours: 120, averageDays: 5 });
    expect((await server.data(query, { from: '2024-01-01T00:00:00Z', to: '2024-06-01T00:00:00Z' })).averageTimeToResolve).toEqual({ cases: 0, averageHours: null, averageDays: null });
    expect(await codeOf(query, { from: '2026-01-01T00:00:00Z', to: '2025-01-01T00:00:00Z' })).toBe('BAD_USER_INPUT');
  });

  it('ranks the other owners of the product by their open or recent cases on it', async () => {
    const { raiseCase } = await server.data(RAISE, {
      input: { subject: 'Boiler again', raisedById: ids.anna, productId: ids.boiler, openedAt: '2026-06-30T08:00:00Z' },
    });
    const query = /* GraphQL */ `query ($id: ID!, $days: Int) { accountsWithSameProblem(caseId: $id, recentDays: $days, asOf: "${AS_OF}") {
      account { name } caseCount openCaseCount quantityOrdered lastOrderDate } }`;
    // Acme (Anna's employer) is the case's own account. Beta: open + resolved 15 days ago; Gamma: open; Delta: only a pump case.
    expect((await server.data(query, { id: raiseCase.id, days: 180 })).accountsWithSameProblem).toEqual([
      { account: { name: 'Beta' }, caseCount: 2, openCaseCount: 1, quantityOrdered: 5, lastOrderDate: '2025-05-01' },
      { account: { name: 'Gamma' }, caseCount: 1, openCaseCount: 1, quantityOrdered: 1, lastOrderDate: '2025-03-01' },
      { account: { name: 'Delta' }, caseCount: 0, openCaseCount: 0, quantityOrdered: 1, lastOrderDate: '2025-03-01' },
    ]);
    // With a 10-day window the case opened 15 days ago no longer counts: Beta and Gamma tie, by name.
    expect((await server.data(query, { id: raiseCase.id, days: 10 })).accountsWithSameProblem.map((r: any) => [r.account.name, r.caseCount])).toEqual([
      ['Beta', 1], ['Gamma', 1], ['Delta', 0],
    ]);
    expect(await codeOf(query, { id: 'nope', days: 1 })).toBe('NOT_FOUND');
    const { raiseCase: noProduct } = await server.data(RAISE, { input: { subject: 'General', raisedById: ids.acme } });
    expect(await codeOf(query, { id: noProduct.id, days: 1 })).toBe('BAD_USER_INPUT');
  });

  it('records the credit given on a logged contact', async () => {
    const record = /* GraphQL */ `mutation ($id: ID!, $a: Float!, $r: String!) { recordCredit(interactionId: $id, amount: $a, reason: $r) { interactionId creditAmount creditReason interaction { type } } }`;
    expect((await server.data(record, { id: ids.call, a: 150, r: 'Goodwill for boiler outage' })).recordCredit).toEqual({
      interactionId: ids.call, creditAmount: 150, creditReason: 'Goodwill for boiler outage', interaction: { type: 'CALL' },
    });
    expect(await codeOf(record, { id: ids.call, a: 0, r: 'x' })).toBe('BAD_USER_INPUT');
    expect(await codeOf(record, { id: ids.call, a: 5, r: ' ' })).toBe('BAD_USER_INPUT');
    expect(await codeOf(record, { id: ids.acme, a: 5, r: 'x' })).toBe('NOT_FOUND');
    const [stored] = await server.db.read<{ amount: number }>('MATCH (i:Interaction {id: $id}) RETURN i.creditAmount AS amount', { id: ids.call });
    expect(stored.amount).toBe(150);
  });
});
