import { randomUUID } from 'node:crypto';
import {
  getNamedType, isEnumType, isInputObjectType, isLeafType, isListType, isNonNullType,
  type GraphQLArgument, type GraphQLField, type GraphQLInputType,
} from 'graphql';
import { resolvers } from '../../src/areas';
import { ANYONE_SIGNED_IN, PERMISSIONS } from '../../src/access/permissions';
import type { UserRole } from '../../src/generated/graphql';
import { buildSchema } from '../../src/graphql/schema';
import { USER_ROLES } from '../../src/model/enums';
import { useTestServer, type TestClient } from '../support/test-server';

/**
 * Generated from the schema: every root field, called by every role with minimal arguments that
 * look valid, answers as the permission table says — allowed (any error but FORBIDDEN or
 * UNAUTHENTICATED: a random id is NOT_FOUND, and so on) or FORBIDDEN — and without a credential
 * every field is HTTP 401 with one UNAUTHENTICATED error and no data.
 */
const schema = buildSchema(resolvers);
const ROOT_FIELDS = (['Query', 'Mutation'] as const).flatMap((root) =>
  Object.values((root === 'Query' ? schema.getQueryType() : schema.getMutationType())!.getFields()).map((field) => ({ root, field })),
);

/** A value of the type that passes validation: random ids, the first enum value, required input fields only. */
function sample(type: GraphQLInputType): unknown {
  if (isNonNullType(type)) return sample(type.ofType);
  if (isListType(type)) return [sample(type.ofType)];
  if (isEnumType(type)) return type.getValues()[0].value;
  if (isInputObjectType(type)) {
    return Object.fromEntries(Object.values(type.getFields()).filter(isRequired).map((field) => [field.name, sample(field.type)]));
  }
  const scalars: Record<string, unknown> = {
    ID: randomUUID(), String: 'x', Int: 1, Float: 1, Boolean: true, DateTime: '2026-01-01T00:00:00Z', Date: '2026-01-01', JSON: {},
  };
  if (!(type.name in scalars)) throw new Error(`no sample value for scalar ${type.name}`);
  return scalars[type.name];
}

const isRequired = (arg: { type: GraphQLInputType; defaultValue?: unknown }) => isNonNullType(arg.type) && arg.defaultValue === undefined;

/** `query ($a: T!) { field(a: $a) { __typename } }` with sample values for the required arguments. */
function minimalCall(root: 'Query' | 'Mutation', field: GraphQLField<unknown, unknown>): { query: string; variables: Record<string, unknown> } {
  const args = field.args.filter((arg: GraphQLArgument) => isRequired(arg));
  const declarations = args.map((arg) => `$${arg.name}: ${arg.type}`).join(', ');
  const passed = args.map((arg) => `${arg.name}: $${arg.name}`).join(', ');
  const selection = isLeafType(getNamedType(field.type)) ? '' : ' { __typename }';
  const query = `${root === 'Query' ? 'query' : 'mutation'}${declarations ? ` (${declarations})` : ''} { ${field.name}${passed ? `(${passed})` : ''}${selection} }`;
  return { query, variables: Object.fromEntries(args.map((arg) => [arg.name, sample(arg.type)])) };
}

const mayUse = (root: 'Query' | 'Mutation', field: string, role: UserRole) => {
  const rule = PERMISSIONS[root][field];
  return rule === ANYONE_SIGNED_IN || (rule?.includes(role) ?? false);
};

describe('the permission table, walked over the schema', () => {
  const { server } = useTestServer();

  it('has an entry for every root field, and no entry for a field the schema lacks', () => {
    for (const root of ['Query', 'Mutation'] as const) {
      const fields = ROOT_FIELDS.filter((f) => f.root === root).map((f) => f.field.name).sort();
      expect(Object.keys(PERMISSIONS[root]).sort()).toEqual(fields);
    }
  });

  describe.each(ROOT_FIELDS.map(({ root, field }) => [`${root}.${field.name}`, root, field] as const))('%s', (_name, root, field) => {
    it.each([...USER_ROLES])('answers %s as the table says', async (role) => {
      const { query, variables } = minimalCall(root, field);
      // Built from the schema at run time, so not marked for the linter.
      const result = await server.as(role).gql(query, variables);
      const codes = (result.errors ?? []).map((error) => error.extensions?.code);
      expect(codes).not.toContain('UNAUTHENTICATED');
      // Never an internal error: for a PARTNER that would be a query its scope refused (unscoped).
      expect(codes).not.toContain('INTERNAL_SERVER_ERROR');
      if (mayUse(root, field.name, role)) expect(codes).not.toContain('FORBIDDEN');
      else expect(codes).toEqual(['FORBIDDEN']);
    });

    it('is HTTP 401 with one UNAUTHENTICATED error and no data without a credential', async () => {
      const { query, variables } = minimalCall(root, field);
      const { status, body } = await server.as(null).post(query, variables);
      expect(status).toBe(401);
      expect(body.data).toBeUndefined();
      expect(body.errors).toEqual([{ message: expect.stringMatching(/Authorization: Bearer/), extensions: { code: 'UNAUTHENTICATED' } }]);
    });
  });

  it('lets a user without any role ask only who they are', async () => {
    await server.db.write(`CREATE (:Entity:User {id: randomUUID(), key: 'u-nobody', name: 'Nobody', nameKey: 'nobody', roles: [], createdAt: datetime(), updatedAt: datetime()})`);
    const nobody: TestClient = server.as({ user: 'u-nobody' });
    expect((await nobody.data(/* GraphQL */ `{ viewer { user { name } roles } }`)).viewer).toEqual({ user: { name: 'Nobody' }, roles: [] });
    const refused = await nobody.gql(/* GraphQL */ `{ users { totalCount } }`);
    expect(refused.errors?.[0]).toMatchObject({ extensions: { code: 'FORBIDDEN' }, message: expect.stringMatching(/Query\.users is for .*; this user has no role/) });
  });
});
