import type { ImportDocument, ImportRelationship } from '../../src/import';
import type { NodeLabel, RelationshipTypeName } from '../../src/model/graph-model';
import { partnerScope, viewerScope } from '../../src/access';
import { useTestServer } from '../support/test-server';

const node = (type: NodeLabel, key: string, properties: Record<string, unknown> = {}) => ({
  type, key, properties: { name: key, ...properties },
});
const rel = (type: RelationshipTypeName, from: string, to: string, properties: Record<string, unknown> = {}): ImportRelationship => ({
  type, from, to, properties,
});

/**
 * A distributor `partner` serving `c1` and `c2`; around them everything a partner must and must
 * not see (DESIGN §9), worked out by hand.
 */
const WORLD: ImportDocument = {
  nodes: [
    node('Organization', 'partner'), node('Organization', 'c1'), node('Organization', 'c2'),
    node('Organization', 'c1-customer'), node('Organization', 'rival'), node('Organization', 'other'),
    node('Person', 'at-partner'), node('Person', 'at-c1'), node('Person', 'left-c1'), node('Person', 'leaving-c2'),
    node('Person', 'at-other'), node('Person', 'at-c1-customer'),
    { type: 'Opportunity', key: 'deal-c1', properties: { name: 'deal-c1' } },
    { type: 'Opportunity', key: 'deal-partner', properties: { name: 'deal-partner' } },
    { type: 'Opportunity', key: 'deal-other', properties: { name: 'deal-other' } },
    node('User', 'partner-manager'), node('User', 'c1-owner'), node('User', 'partner-user', { roles: ['PARTNER'] }),
    { type: 'Interaction', key: 'call-with-partner-user', properties: { type: 'CALL', occurredAt: '2026-10-01T10:00:00Z' } },
    { type: 'Interaction', key: 'call-without', properties: { type: 'CALL', occurredAt: '2026-10-02T10:00:00Z' } },
    { type: 'Product', key: 'product', properties: { sku: 'P-1', name: 'Pump' } },
  ],
  relationships: [
    rel('SERVES', 'partner', 'c1'), rel('SERVES', 'partner', 'c2'), rel('SERVES', 'rival', 'c1'),
    rel('SERVES', 'c1', 'c1-customer'), rel('SERVES', 'other', 'partner'),
    rel('WORKS_AT', 'at-partner', 'partner'), rel('WORKS_AT', 'at-c1', 'c1', { since: '2020-01-01' }),
    rel('WORKS_AT', 'left-c1', 'c1', { until: '2021-06-30' }), rel('WORKS_AT', 'leaving-c2', 'c2', { until: '2999-12-31' }),
    rel('WORKS_AT', 'at-other', 'other'), rel('WORKS_AT', 'at-c1-customer', 'c1-customer'),
    rel('FOR_ACCOUNT', 'deal-c1', 'c1'), rel('FOR_ACCOUNT', 'deal-partner', 'partner'), rel('FOR_ACCOUNT', 'deal-other', 'other'),
    rel('MANAGES', 'partner-manager', 'partner', { as: 'PARTNER_MANAGER' }), rel('MANAGES', 'c1-owner', 'c1', { as: 'ACCOUNT_OWNER' }),
    rel('ACTS_FOR', 'partner-user', 'partner'),
    rel('PARTICIPATED_IN', 'partner-user', 'call-with-partner-user'), rel('PARTICIPATED_IN', 'at-c1', 'call-with-partner-user'),
    rel('PARTICIPATED_IN', 'partner-manager', 'call-without'), rel('PARTICIPATED_IN', 'at-c1', 'call-without'),
    rel('ABOUT', 'call-without', 'c1'),
  ],
};

describe('partnerScope (DESIGN §9)', () => {
  const { server, ids } = useTestServer({ graph: WORLD });
  const keysOf = (scope: readonly string[]) => {
    const keyById = new Map(Object.entries(ids).map(([key, id]) => [id, key]));
    return scope.map((id) => keyById.get(id) ?? id).sort();
  };

  it('holds the partner, its customers, their current people and deals, its managers, the user and its contacts', async () => {
    const scope = await partnerScope(server.db, { userId: ids['partner-user'], partnerId: ids.partner });
    expect(keysOf(scope)).toEqual([
      'at-c1', 'at-partner', 'c1', 'c2', 'call-with-partner-user', 'deal-c1', 'deal-partner', 'leaving-c2',
      'partner', 'partner-manager', 'partner-user',
    ]);
    expect(new Set(scope).size).toBe(scope.length);
  });

  it("holds no user for a partner's API key, and nothing of an unknown partner", async () => {
    const forKey = await partnerScope(server.db, { userId: null, partnerId: ids.partner });
    expect(keysOf(forKey)).toEqual(['at-c1', 'at-partner', 'c1', 'c2', 'deal-c1', 'deal-partner', 'leaving-c2', 'partner', 'partner-manager']);
    const unknown = await partnerScope(server.db, { userId: ids['partner-user'], partnerId: '00000000-0000-4000-8000-000000000000' });
    expect(keysOf(unknown)).toEqual(['call-with-partner-user', 'partner-user']);
  });

  it('scopes a PARTNER, even one holding other roles too, and nobody else; a PARTNER without a partner sees only itself', async () => {
    expect(await viewerScope(server.db, { userId: ids['partner-manager'], roles: ['PARTNER_MANAGER', 'ADMIN'], actsForId: null })()).toBeNull();
    const partner = await viewerScope(server.db, { userId: ids['partner-user'], roles: ['PARTNER'], actsForId: ids.partner })();
    expect(keysOf(partner!)).toContain('c1');
    const mixed = await viewerScope(server.db, { userId: ids['partner-user'], roles: ['ADMIN', 'PARTNER'], actsForId: ids.partner })();
    expect(keysOf(mixed!)).toEqual(keysOf(partner!));
    const apiKey = await viewerScope(server.db, { userId: null, roles: ['PARTNER'], actsForId: ids.partner })();
    expect(keysOf(apiKey!)).toContain('c2');
    const stray = await viewerScope(server.db, { userId: ids['partner-user'], roles: ['PARTNER'], actsForId: null })();
    expect(keysOf(stray!)).toEqual(['call-with-partner-user', 'partner-user']);
  });
});
