import type { ImportDocument } from '../../src/import';
import { useTestServer } from '../support/test-server';

const WORLD: ImportDocument = {
  nodes: [
    { type: 'Organization', key: 'acme', properties: { name: 'Acme', kinds: ['CUSTOMER'] } },
    { type: 'Product', key: 'boiler', properties: { sku: 'B-1', name: 'Boiler', price: 1000 } },
    { type: 'Product', key: 'boiler2', properties: { sku: 'B-2', name: 'Boiler II', price: 1400 } },
    { type: 'Product', key: 'pump', properties: { sku: 'P-1', name: 'Pump', price: 200 } },
    { type: 'Product', key: 'valve', properties: { sku: 'V-1', name: 'Valve', price: 20 } },
  ],
  relationships: [
    { type: 'UPGRADE_OF', from: 'boiler2', to: 'boiler' },
    { type: 'COMPLEMENTS', from: 'pump', to: 'boiler' },
    { type: 'COMPLEMENTS', from: 'boiler', to: 'valve' },
  ],
};

const PLACE = /* GraphQL */ `mutation ($accountId: ID!, $date: Date!, $lines: [OrderLineInput!]!, $number: String) {
  placeOrder(accountId: $accountId, date: $date, lines: $lines, number: $number) {
    id number date amount currency account { name } lines { product { sku } quantity amount }
  }
}`;

describe('products and orders', () => {
  const { server, ids } = useTestServer({ graph: WORLD });

  const orderCount = async () =>
    (await server.db.read<{ n: number }>('MATCH (o:Order) RETURN count(o) AS n'))[0].n;

  it('places an order whose amount is the sum of its lines', async () => {
    const { placeOrder } = await server.data(PLACE, {
      accountId: ids.acme,
      date: '2026-01-15',
      number: 'SO-1',
      lines: [
        { productId: ids.boiler, quantity: 2, amount: 1800.1 },
        { productId: ids.valve, quantity: 10, amount: 200.2 },
      ],
    });
    expect(placeOrder).toMatchObject({
      number: 'SO-1', date: '2026-01-15', amount: 2000.3, currency: 'EUR', account: { name: 'Acme' },
      lines: [{ product: { sku: 'B-1' }, quantity: 2, amount: 1800.1 }, { product: { sku: 'V-1' }, quantity: 10, amount: 200.2 }],
    });
  });

  it('lists orders newest first and sums revenue over an inclusive period', async () => {
    await server.data(PLACE, { accountId: ids.acme, date: '2026-03-31', number: 'SO-2', lines: [{ productId: ids.pump, quantity: 1, amount: 199.7 }] });
    await server.data(PLACE, { accountId: ids.acme, date: '2026-04-01', number: 'SO-3', lines: [{ productId: ids.pump, quantity: 1, amount: 50 }] });
    const { organization } = await server.data(
      /* GraphQL */ `query ($id: ID!) { organization: node(id: $id) { ... on Organization {
        orders(first: 2) { totalCount edges { node { number } } pageInfo { hasNextPage } }
        q1: revenue(from: "2026-01-15", to: "2026-03-31")
        april: revenue(from: "2026-04-01", to: "2026-04-30")
        none: revenue(from: "2020-01-01", to: "2020-12-31") } } }`,
      { id: ids.acme },
    );
    expect(organization.orders).toEqual({
      totalCount: 3, edges: [{ node: { number: 'SO-3' } }, { node: { number: 'SO-2' } }], pageInfo: { hasNextPage: true },
    });
    expect(organization.q1).toBeCloseTo(2200, 6);
    expect(organization.april).toBe(50);
    expect(organization.none).toBe(0);
  });

  it('refuses bad orders with every problem named and writes nothing', async () => {
    const before = await orderCount();
    const bad = await server.gql(PLACE, {
      accountId: ids.acme, date: '2026-05-01',
      lines: [{ productId: ids.pump, quantity: 0, amount: 10 }, { productId: ids.valve, quantity: 1, amount: -1 }],
    });
    expect(bad.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      problems: [{ path: 'lines[0].quantity' }, { path: 'lines[1].amount' }],
    });
    const twice = await server.gql(PLACE, {
      accountId: ids.acme, date: '2026-05-01',
      lines: [{ productId: ids.pump, quantity: 1, amount: 10 }, { productId: ids.pump, quantity: 2, amount: 20 }],
    });
    expect(twice.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', problems: [{ path: 'lines[1].productId' }] });
    const empty = await server.gql(PLACE, { accountId: ids.acme, date: '2026-05-01', lines: [] });
    expect(empty.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const unknownProduct = await server.gql(PLACE, {
      accountId: ids.acme, date: '2026-05-01',
      lines: [{ productId: ids.pump, quantity: 1, amount: 10 }, { productId: 'nope', quantity: 1, amount: 10 }],
    });
    expect(unknownProduct.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const unknownAccount = await server.gql(PLACE, { accountId: ids.pump, date: '2026-05-01', lines: [{ productId: ids.pump, quantity: 1, amount: 1 }] });
    expect(unknownAccount.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect(await orderCount()).toBe(before);
  });

  it('offers upgrades first, then complements in either direction', async () => {
    const { alternativesFor } = await server.data(
      /* GraphQL */ `query ($id: ID!) { alternativesFor(productId: $id) { kind product { sku } } }`,
      { id: ids.boiler },
    );
    expect(alternativesFor).toEqual([
      { kind: 'UPGRADE', product: { sku: 'B-2' } },
      { kind: 'COMPLEMENT', product: { sku: 'P-1' } },
      { kind: 'COMPLEMENT', product: { sku: 'V-1' } },
    ]);
    const { product } = await server.data(/* GraphQL */ `query ($id: ID!) { product(id: $id) { upgrades { sku } upgradeOf { sku } complements { sku } } }`, { id: ids.boiler2 });
    expect(product).toEqual({ upgrades: [], upgradeOf: [{ sku: 'B-1' }], complements: [] });
    expect((await server.gql(/* GraphQL */ `{ alternativesFor(productId: "nope") { kind } }`)).errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  it('creates, updates and deletes products, but not one an order contains', async () => {
    const { createProduct } = await server.data(/* GraphQL */ `mutation { createProduct(input: {sku: "X-1", name: "Thing", price: 5}) { id sku price } }`);
    const { updateProduct } = await server.data(/* GraphQL */ `mutation ($id: ID!) { updateProduct(id: $id, input: {price: 6, family: "misc"}) { price family } }`, { id: createProduct.id });
    expect(updateProduct).toEqual({ price: 6, family: 'misc' });
    const inUse = await server.gql(/* GraphQL */ `mutation ($id: ID!) { deleteProduct(id: $id) { id } }`, { id: ids.pump });
    expect(inUse.errors?.[0].extensions?.code).toBe('CONFLICT');
    await server.data(/* GraphQL */ `mutation ($id: ID!) { deleteProduct(id: $id) { id } }`, { id: createProduct.id });
    expect((await server.gql(/* GraphQL */ `mutation ($id: ID!) { deleteProduct(id: $id) { id } }`, { id: createProduct.id })).errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const bad = await server.gql(/* GraphQL */ `mutation { createProduct(input: {sku: "X-2", name: "T", price: -1}) { id } }`);
    expect(bad.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });
});
