import type { ImportDocument, ImportNode, ImportRelationship } from '../../src/import';
import type { RelationshipTypeName } from '../../src/model/graph-model';
import { useTestServer } from '../support/test-server';

const org = (key: string): ImportNode => ({ type: 'Organization', key, properties: { name: key } });
const product = (key: string): ImportNode => ({ type: 'Product', key, properties: { sku: key.toUpperCase(), name: key } });
const asset = (key: string, installedAt: string, status?: string): ImportNode =>
  ({ type: 'Asset', key, properties: { serialNumber: `SN-${key}`, installedAt, ...(status ? { status } : {}) } });
const rel = (type: RelationshipTypeName, from: string, to: string): ImportRelationship => ({ type, from, to });
const kase = (key: string, openedAt: string): ImportNode => ({ type: 'Case', key, properties: { subject: key, openedAt } });

/*
 * asOf 2026-11-20, 12 years: installed before 2014-11-20 and ACTIVE (or without status).
 *   as-old, as-old-b (2010-05-01; same day, so by key), as-nostatus (2012-03-01), as-dayover
 *   (2014-11-19, one day over) are candidates; as-exact (2014-11-20, exactly 12 years) is not,
 *   nor as-replaced (REPLACED), as-broken (OUT_OF_SERVICE), as-young (2020) or as-noproduct.
 * Cases about as-old in the 24 months up to asOf: 2026-01-10 and 2024-11-20 (the first day of
 * the window); 2024-11-19 is older.
 */
const WORLD: ImportDocument = {
  nodes: [
    org('cust-a'), org('cust-b'), org('Installer Zeta'), org('Installer Alpha'),
    product('gb-100'), product('gb-200'), product('gb-300'), product('wp-8'),
    asset('as-old', '2010-05-01'), asset('as-old-b', '2010-05-01'), asset('as-nostatus', '2012-03-01'),
    asset('as-dayover', '2014-11-19', 'ACTIVE'), asset('as-exact', '2014-11-20', 'ACTIVE'), asset('as-replaced', '2005-01-01', 'REPLACED'),
    asset('as-broken', '2006-01-01', 'OUT_OF_SERVICE'), asset('as-young', '2020-01-01', 'ACTIVE'), asset('as-noproduct', '2001-01-01', 'ACTIVE'),
    kase('case-recent', '2026-01-10T10:00:00Z'), kase('case-edge', '2024-11-20T08:00:00Z'), kase('case-old', '2024-11-19T08:00:00Z'),
  ],
  relationships: [
    rel('UPGRADE_OF', 'gb-200', 'gb-100'), rel('UPGRADE_OF', 'gb-300', 'gb-100'), rel('UPGRADE_OF', 'gb-300', 'gb-200'),
    ...['as-old', 'as-old-b', 'as-nostatus', 'as-exact', 'as-replaced', 'as-broken', 'as-young', 'as-noproduct'].map((a) => rel('OPERATES', 'cust-a', a)),
    rel('OPERATES', 'cust-b', 'as-dayover'),
    ...['as-old', 'as-old-b', 'as-exact', 'as-replaced', 'as-broken', 'as-young'].map((a) => rel('OF_PRODUCT', a, 'gb-100')),
    rel('OF_PRODUCT', 'as-nostatus', 'wp-8'), rel('OF_PRODUCT', 'as-dayover', 'gb-200'),
    rel('MAINTAINS', 'Installer Zeta', 'as-old'), rel('MAINTAINS', 'Installer Alpha', 'as-old'), rel('MAINTAINS', 'Installer Zeta', 'as-dayover'),
    rel('CONCERNS', 'case-recent', 'as-old'), rel('CONCERNS', 'case-edge', 'as-old'), rel('CONCERNS', 'case-old', 'as-old'),
  ],
};

const CANDIDATES = /* GraphQL */ `query ($years: Int, $asOf: Date, $first: Int, $after: String) {
  replacementCandidates(olderThanYears: $years, asOf: $asOf, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { node { asset { key status installedAt } operator { key } product { key } upgrades { key } maintainers { key } recentCases } }
  }
}`;

interface Candidate { asset: { key: string }; operator: { key: string }; product: { key: string }; upgrades: { key: string }[]; maintainers: { key: string }[]; recentCases: number }

describe('replacementCandidates', () => {
  const { server, ids } = useTestServer({ graph: WORLD });
  const candidates = async (variables: Record<string, unknown>): Promise<{ totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string }; nodes: Candidate[] }> => {
    const { replacementCandidates } = await server.data(CANDIDATES, variables);
    return { ...replacementCandidates, nodes: replacementCandidates.edges.map((e: { node: Candidate }) => e.node) };
  };

  it('lists ACTIVE assets older than 12 years, oldest first, with what to offer and who maintains them', async () => {
    const result = await candidates({ asOf: '2026-11-20' });
    expect(result.nodes.map((c) => c.asset.key)).toEqual(['as-old', 'as-old-b', 'as-nostatus', 'as-dayover']);
    expect(result.totalCount).toBe(4);
    expect(result.nodes[0]).toEqual({
      asset: { key: 'as-old', status: 'ACTIVE', installedAt: '2010-05-01' },
      operator: { key: 'cust-a' },
      product: { key: 'gb-100' },
      upgrades: [{ key: 'gb-200' }, { key: 'gb-300' }],
      maintainers: [{ key: 'Installer Alpha' }, { key: 'Installer Zeta' }],
      recentCases: 2,
    });
    expect(result.nodes[3]).toMatchObject({ operator: { key: 'cust-b' }, upgrades: [{ key: 'gb-300' }], maintainers: [{ key: 'Installer Zeta' }], recentCases: 0 });
    expect(result.nodes[2]).toMatchObject({ product: { key: 'wp-8' }, upgrades: [], maintainers: [] });
  });

  it('does not list an asset exactly olderThanYears old, and takes other ages', async () => {
    expect((await candidates({ asOf: '2026-11-19' })).nodes.map((c) => c.asset.key)).toEqual(['as-old', 'as-old-b', 'as-nostatus']);
    expect((await candidates({ asOf: '2026-11-21' })).nodes.map((c) => c.asset.key)).toContain('as-exact');
    expect((await candidates({ asOf: '2026-11-20', years: 15 })).nodes.map((c) => c.asset.key)).toEqual(['as-old', 'as-old-b']);
  });

  it('pages with first and after', async () => {
    const page1 = await candidates({ asOf: '2026-11-20', first: 3 });
    const page2 = await candidates({ asOf: '2026-11-20', first: 3, after: page1.pageInfo.endCursor });
    expect(page1.pageInfo.hasNextPage).toBe(true);
    expect([...page1.nodes, ...page2.nodes].map((c) => c.asset.key)).toEqual(['as-old', 'as-old-b', 'as-nostatus', 'as-dayover']);
    expect(page2.pageInfo.hasNextPage).toBe(false);
  });

  it('judges age against today when asOf is left out: 12 years and a day is in, exactly 12 years is not', async () => {
    const today = new Date();
    const yearsAgo = (days: number) =>
      new Date(Date.UTC(today.getUTCFullYear() - 12, today.getUTCMonth(), today.getUTCDate() - days)).toISOString().slice(0, 10);
    const create = /* GraphQL */ `mutation ($input: CreateAssetInput!) { createAsset(input: $input) { id } }`;
    for (const [key, installedAt] of [['now-exact', yearsAgo(0)], ['now-over', yearsAgo(1)]]) {
      await server.data(create, { input: { key, installedAt, operatorId: ids['cust-b'], productId: ids['gb-200'] } });
    }
    const keys = (await candidates({ first: 100 })).nodes.map((c) => c.asset.key);
    expect(keys).toContain('now-over');
    expect(keys).not.toContain('now-exact');
  });

  it('refuses an age outside 0…100 with BAD_USER_INPUT', async () => {
    for (const years of [-1, 101]) {
      expect((await server.gql(CANDIDATES, { years })).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    }
  });
});

describe('assets', () => {
  const { server, ids } = useTestServer({ graph: WORLD });
  const ASSET_FIELDS = /* GraphQL */ `fragment AssetFields on Asset { key serialNumber installedAt status operator { key } product { key } maintainers { key } }`;
  const CREATE = /* GraphQL */ `mutation ($input: CreateAssetInput!) { createAsset(input: $input) { id ...AssetFields } } ${ASSET_FIELDS}`;
  const UPDATE = /* GraphQL */ `mutation ($id: ID!, $input: UpdateAssetInput!) { updateAsset(id: $id, input: $input) { id ...AssetFields } } ${ASSET_FIELDS}`;
  const DELETE = /* GraphQL */ `mutation ($id: ID!) { deleteAsset(id: $id) { key } }`;

  it('creates an asset with its operator, product and maintainers, changes and deletes it', async () => {
    const { createAsset } = await server.data(CREATE, { input: {
      key: 'as-new', serialNumber: 'WP-2026-0001', installedAt: '2026-03-02', operatorId: ids['cust-b'],
      productId: ids['wp-8'], maintainerIds: [ids['Installer Zeta']],
    } });
    expect(createAsset).toMatchObject({
      key: 'as-new', serialNumber: 'WP-2026-0001', installedAt: '2026-03-02', status: 'ACTIVE',
      operator: { key: 'cust-b' }, product: { key: 'wp-8' }, maintainers: [{ key: 'Installer Zeta' }],
    });
    const { updateAsset } = await server.data(UPDATE, { id: createAsset.id, input: {
      status: 'OUT_OF_SERVICE', serialNumber: null, operatorId: ids['cust-a'], maintainerIds: [ids['Installer Alpha'], ids['Installer Zeta']],
    } });
    expect(updateAsset).toMatchObject({
      serialNumber: null, status: 'OUT_OF_SERVICE', operator: { key: 'cust-a' }, product: { key: 'wp-8' },
      maintainers: [{ key: 'Installer Alpha' }, { key: 'Installer Zeta' }],
    });
    const owned = /* GraphQL */ `query ($id: ID!) { organization(id: $id) { assets { key } } }`;
    expect((await server.data(owned, { id: ids['cust-b'] })).organization.assets.map((a: { key: string }) => a.key)).toEqual(['as-dayover']);
    expect((await server.data(owned, { id: ids['cust-a'] })).organization.assets.map((a: { key: string }) => a.key)).toEqual([
      'as-noproduct', 'as-replaced', 'as-broken', 'as-old', 'as-old-b', 'as-nostatus', 'as-exact', 'as-young', 'as-new',
    ]);
    expect((await server.data(UPDATE, { id: createAsset.id, input: { maintainerIds: [] } })).updateAsset.maintainers).toEqual([]);
    expect((await server.data(DELETE, { id: createAsset.id })).deleteAsset).toEqual({ key: 'as-new' });
    expect((await server.data(/* GraphQL */ `query ($id: ID!) { node(id: $id) { id } }`, { id: createAsset.id })).node).toBeNull();
  });

  it('opens a case about an asset, which the asset lists', async () => {
    const raise = /* GraphQL */ `mutation ($by: ID!, $asset: ID!) { raiseCase(input: { subject: "Brenner zündet nicht", raisedById: $by, assetId: $asset }) { id asset { key } } }`;
    const { raiseCase } = await server.data(raise, { by: ids['cust-b'], asset: ids['as-dayover'] });
    expect(raiseCase.asset).toEqual({ key: 'as-dayover' });
    const cases = /* GraphQL */ `query ($id: ID!) { node(id: $id) { ... on Asset { cases { id } } } }`;
    expect((await server.data(cases, { id: ids['as-dayover'] })).node.cases).toEqual([{ id: raiseCase.id }]);
    expect((await server.gql(raise, { by: ids['cust-b'], asset: ids['gb-100'] })).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('refuses unknown and wrong links with NOT_FOUND and BAD_USER_INPUT, writing nothing', async () => {
    const input = { installedAt: '2020-01-01', operatorId: ids['cust-a'], productId: ids['gb-100'] };
    const code = async (query: string, variables: Record<string, unknown>) => (await server.gql(query, variables)).errors?.[0]?.extensions?.code;
    expect(await code(CREATE, { input: { ...input, operatorId: 'no-such-id' } })).toBe('NOT_FOUND');
    expect(await code(CREATE, { input: { ...input, productId: ids['cust-b'] } })).toBe('BAD_USER_INPUT');
    expect(await code(CREATE, { input: { ...input, maintainerIds: [ids['gb-100']] } })).toBe('BAD_USER_INPUT');
    expect(await code(CREATE, { input: { ...input, serialNumber: 'x'.repeat(101) } })).toBe('BAD_USER_INPUT');
    expect(await code(UPDATE, { id: 'no-such-id', input: { status: 'ACTIVE' } })).toBe('NOT_FOUND');
    expect(await code(UPDATE, { id: ids['as-old'], input: { operatorId: null } })).toBe('BAD_USER_INPUT');
    expect(await code(DELETE, { id: ids['cust-a'] })).toBe('NOT_FOUND');
    const [{ n }] = await server.db.read<{ n: number }>('MATCH (a:Asset) RETURN count(a) AS n');
    expect(n).toBe(WORLD.nodes!.filter((node) => node.type === 'Asset').length);
  });
});
