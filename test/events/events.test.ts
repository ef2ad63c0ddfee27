import { buildSchema } from '../../src/graphql/schema';
import { resolvers } from '../../src/areas';
import { EVENT_TYPES } from '../../src/events';
import type { ImportDocument } from '../../src/import';
import { useTestServer } from '../support/test-server';

const WORLD: ImportDocument = {
  nodes: [
    { type: 'Organization', key: 'acme', properties: { name: 'Acme' } },
    { type: 'User', key: 'kim', properties: { name: 'Kim' } },
    { type: 'Opportunity', key: 'deal', properties: { name: 'Deal', amount: 1000 } },
  ],
  relationships: [{ type: 'FOR_ACCOUNT', from: 'deal', to: 'acme' }],
};

const EVENTS = /* GraphQL */ `query ($after: Int, $types: [String!]) { events(after: $after, first: 100, types: $types) { id seq type actorId targetIds data } }`;
const CREATE_ORG = /* GraphQL */ `mutation ($name: String!) { createOrganization(input: { name: $name }) { id } }`;

describe('change events', () => {
  const { server, ids } = useTestServer({ graph: WORLD, freshEach: true });
  const events = async (after = 0, types?: string[]) => (await server.data(EVENTS, { after, types })).events as any[];

  it('writes one event per successful mutation, with the type of the table and the ids it touched', async () => {
    const before = await events();
    const { createOrganization } = await server.data(CREATE_ORG, { name: 'Bau Schmidt' });
    await server.data(/* GraphQL */ `mutation ($id: ID!, $account: ID!) { createOpportunity(input: { name: "Kiel", accountId: $account, ownerId: $id }) { id } }`, { id: ids.kim, account: createOrganization.id });
    const after = await events(before.at(-1)?.seq ?? 0);
    expect(after.map((event) => event.type)).toEqual(['organization.created', 'opportunity.created']);
    expect(after[0].targetIds).toEqual([createOrganization.id]);
    expect(after[1].targetIds).toEqual(expect.arrayContaining([ids.kim, createOrganization.id]));
    expect(after[1].seq).toBe(after[0].seq + 1);
    expect(after[0].data).toEqual({});
  });

  it('writes no event when the mutation fails, even after some of its writes ran', async () => {
    const before = await events();
    // updateOpportunity sets the name first and only then finds the account unknown: all of it rolls back.
    const result = await server.gql(/* GraphQL */ `mutation ($id: ID!) { updateOpportunity(id: $id, input: { name: "Renamed", accountId: "no-such-account" }) { id } }`, { id: ids.deal });
    expect(result.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect(await events()).toEqual(before);
    const { node } = await server.data(/* GraphQL */ `query ($id: ID!) { node(id: $id) { ... on Opportunity { name } } }`, { id: ids.deal });
    expect(node.name).toBe('Deal');
  });

  it('numbers events one after the other without gaps or repeats when mutations run at once', async () => {
    const start = (await events()).at(-1)?.seq ?? 0;
    await Promise.all(Array.from({ length: 25 }, (_, i) => server.data(CREATE_ORG, { name: `Org ${i}` })));
    const written = await events(start);
    expect(written.map((event) => event.seq)).toEqual(Array.from({ length: 25 }, (_, i) => start + i + 1));
    expect(new Set(written.map((event) => event.targetIds[0])).size).toBe(25);
  });

  it('filters by type, pages by seq, and refuses an unknown type', async () => {
    await server.data(CREATE_ORG, { name: 'One' });
    await server.data(/* GraphQL */ `mutation ($id: ID!) { updateOrganization(id: $id, input: { city: "Kiel" }) { id } }`, { id: ids.acme });
    const updates = await events(0, ['organization.updated']);
    expect(updates.map((event) => [event.type, event.targetIds])).toEqual([['organization.updated', [ids.acme]]]);
    const all = await events();
    expect((await events(all[0].seq)).map((event) => event.seq)).toEqual(all.slice(1).map((event) => event.seq));
    const bad = await server.gql(EVENTS, { after: 0, types: ['organization.exploded'] });
    expect(bad.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(bad.errors?.[0].message).toMatch(/organization\.created/);
  });
});

describe('the event type table', () => {
  it('names an event type for every mutation of the schema', () => {
    const mutations = Object.keys(buildSchema(resolvers).getMutationType()!.getFields());
    expect(mutations.filter((name) => !EVENT_TYPES[name])).toEqual([]);
    for (const type of Object.values(EVENT_TYPES)) expect(type).toMatch(/^[a-z_]+\.[a-z_]+$/);
  });
});
