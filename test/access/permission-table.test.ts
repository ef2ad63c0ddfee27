import fs from 'node:fs';
import path from 'node:path';
import { makeExecutableSchema } from '@graphql-tools/schema';
import { graphql } from 'graphql';
import { enforcePermissions } from '../../src/access/enforce-permissions';
import { withPermissionTable } from '../../src/access/permission-table';

describe('the permission table', () => {
  it('is in the README exactly as the code has it (npm run permissions:print)', () => {
    const readme = fs.readFileSync(path.join(__dirname, '../../README.md'), 'utf8');
    expect(withPermissionTable(readme)).toBe(readme);
  });

  it('refuses a root field it has no entry for (fail closed), whoever asks', async () => {
    const schema = enforcePermissions(
      makeExecutableSchema({
        // Person and Consent carry the field rules, which name them.
        typeDefs: `type Query { viewer: String  somethingNew: String }
          type Person { email: String  phone: String  consents: [Consent] }
          type Consent { id: ID  channel: String }`,
        resolvers: { Query: { viewer: () => 'me', somethingNew: () => 'secret' } },
      }),
    );
    const contextValue = { viewer: { kind: 'user', id: 'u', userId: 'u', roles: ['ADMIN'], actsForId: null } };
    const result = await graphql({ schema, source: '{ viewer somethingNew }', contextValue });
    expect(result.data).toEqual({ viewer: 'me', somethingNew: null });
    expect(result.errors?.map((error) => [error.path?.join('.'), error.extensions.code, error.message])).toEqual([
      ['somethingNew', 'FORBIDDEN', 'Query.somethingNew has no entry in the permission table, so nobody may use it yet.'],
    ]);
  });
});
