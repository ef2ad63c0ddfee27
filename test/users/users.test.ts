import type { ImportDocument } from '../../src/import';
import { TEST_ADMIN, useTestServer } from '../support/test-server';

/** Two of our users: Kim owns Bau Schmidt and knows Anna there; Sabine knows Kim. */
const WORLD: ImportDocument = {
  nodes: [
    { type: 'Organization', key: 'schmidt', properties: { name: 'Bau Schmidt', kinds: ['CUSTOMER'] } },
    { type: 'Person', key: 'anna', properties: { name: 'Anna Weber' } },
    { type: 'User', key: 'kim', properties: { name: 'Kim Berg', roles: ['KEY_ACCOUNT_MANAGER'] } },
    { type: 'User', key: 'sabine', properties: { name: 'Sabine Roth' } },
  ],
  relationships: [
    { type: 'KNOWS', from: 'kim', to: 'anna', properties: { strength: 0.8 } },
    { type: 'KNOWS', from: 'sabine', to: 'kim', properties: { strength: 0.9 } },
    { type: 'MANAGES', from: 'kim', to: 'schmidt', properties: { as: 'ACCOUNT_OWNER' } },
  ],
};

describe('users', () => {
  const { server, ids } = useTestServer({ graph: WORLD });

  it('walks a user: the accounts they manage and whom they know, people and colleagues', async () => {
    const { node } = await server.data(
      `query ($id: ID!) { node(id: $id) { ... on User {
         name roles accounts { node { name } as } knows { node { ... on Person { name } ... on User { name } } strength }
       } } }`,
      { id: ids.kim },
    );
    expect(node).toEqual({
      name: 'Kim Berg', roles: ['KEY_ACCOUNT_MANAGER'],
      accounts: [{ node: { name: 'Bau Schmidt' }, as: 'ACCOUNT_OWNER' }],
      knows: [{ node: { name: 'Sabine Roth' }, strength: 0.9 }, { node: { name: 'Anna Weber' }, strength: 0.8 }],
    });
  });

  it('pages users by name', async () => {
    // Three users: the two of WORLD and the signed-in Test Admin (TEST_ADMIN), last by name.
    const first = await server.data(/* GraphQL */ `{ users(first: 2) { totalCount pageInfo { hasNextPage endCursor } edges { node { name } } } }`);
    expect(first.users).toMatchObject({
      totalCount: 3, pageInfo: { hasNextPage: true }, edges: [{ node: { name: 'Kim Berg' } }, { node: { name: 'Sabine Roth' } }],
    });
    const second = await server.data(/* GraphQL */ `query ($after: String) { users(first: 2, after: $after) { pageInfo { hasNextPage } edges { node { name } } } }`, {
      after: first.users.pageInfo.endCursor,
    });
    expect(second.users).toEqual({ pageInfo: { hasNextPage: false }, edges: [{ node: { name: TEST_ADMIN.name } }] });
  });

  it('creates, updates and deletes a user; roles default to [] and an unknown role is refused', async () => {
    const { createUser } = await server.data(/* GraphQL */ `mutation { createUser(input: { name: "Uli Neu" }) { id roles } }`);
    expect(createUser.roles).toEqual([]);
    const { updateUser } = await server.data(/* GraphQL */ `mutation ($id: ID!) { updateUser(id: $id, input: { roles: [SALES, SERVICE] }) { roles } }`, { id: createUser.id });
    expect(updateUser.roles).toEqual(['SALES', 'SERVICE']);
    const badRole = await server.gql(/* GraphQL */ `mutation ($id: ID!, $roles: [UserRole!]) { updateUser(id: $id, input: { roles: $roles }) { id } }`, { id: createUser.id, roles: ['BOSS'] });
    expect(badRole.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect((await server.data(/* GraphQL */ `mutation ($id: ID!) { deleteUser(id: $id) }`, { id: createUser.id })).deleteUser).toBe(createUser.id);
    expect((await server.gql(/* GraphQL */ `mutation ($id: ID!) { deleteUser(id: $id) }`, { id: createUser.id })).errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });
});
