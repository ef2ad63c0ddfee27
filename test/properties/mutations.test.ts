import fc from 'fast-check';
import {
  getNamedType, isCompositeType, isEnumType, isInputObjectType, isListType, isNonNullType,
  type GraphQLArgument, type GraphQLField, type GraphQLInputType,
} from 'graphql';
import { resolvers } from '../../src/areas';
import type { BackupNode, BackupRelationship } from '../../src/import';
import { buildSchema } from '../../src/graphql/schema';
import { useTestServer } from '../support/test-server';

/**
 * Every mutation of the schema (discovered from it, so a new one is covered too) gets random and
 * malformed arguments — wrong types, huge strings, unknown ids, ids of the wrong type, nested
 * garbage in JSON — and must never answer HTTP 500 or INTERNAL_SERVER_ERROR, and never write
 * part of itself: a refused mutation leaves the graph exactly as it was. Bounded: a fixed seed
 * and PROPERTY_RUNS runs per mutation (printed).
 */
const SEED = Number(process.env.PROPERTY_SEED ?? 20261129);
const RUNS = Number(process.env.PROPERTY_RUNS ?? 12);
const HUGE = 'x'.repeat(100_000);
const at = '2026-01-15T10:00:00Z';

/** A small world with fixed ids, so that generated ids name real nodes of every type. */
const NODES: BackupNode[] = [
  { type: 'Organization', key: 'org-a', id: 'id-org-a', properties: { name: 'A', kinds: ['CUSTOMER'], lifecycleStage: 'CUSTOMER' } },
  { type: 'Organization', key: 'org-b', id: 'id-org-b', properties: { name: 'B', kinds: ['DISTRIBUTOR'] } },
  { type: 'Person', key: 'p-a', id: 'id-p-a', properties: { name: 'Pa', email: 'pa@a.example' } },
  { type: 'Person', key: 'p-b', id: 'id-p-b', properties: { name: 'Pb' } },
  { type: 'User', key: 'u-a', id: 'id-u-a', properties: { name: 'Ua', roles: ['SALES'] } },
  { type: 'Opportunity', key: 'opp-a', id: 'id-opp-a', properties: { name: 'Deal', stage: 'PROPOSAL', amount: 1000 } },
  { type: 'Product', key: 'prod-a', id: 'id-prod-a', properties: { sku: 'A-1', name: 'Pump' } },
  { type: 'Product', key: 'prod-b', id: 'id-prod-b', properties: { sku: 'B-1', name: 'Valve' } },
  { type: 'Case', key: 'case-a', id: 'id-case-a', properties: { subject: 'Noise', status: 'RESOLVED' } },
  { type: 'Interaction', key: 'int-a', id: 'id-int-a', properties: { type: 'CALL', occurredAt: at } },
  { type: 'Order', key: 'order-a', id: 'id-order-a', properties: { date: '2026-01-10', amount: 100 } },
  { type: 'Consent', id: 'id-consent-a', properties: { channel: 'EMAIL', purpose: 'newsletter', granted: true, at } },
];
const RELATIONSHIPS: BackupRelationship[] = [
  { type: 'WORKS_AT', from: 'p-a', to: 'org-a' }, { type: 'KNOWS', from: 'u-a', to: 'p-a', properties: { strength: 0.5 } },
  { type: 'SERVES', from: 'org-b', to: 'org-a', properties: { as: 'DISTRIBUTOR' } }, { type: 'MANAGES', from: 'u-a', to: 'org-a' },
  { type: 'FOR_ACCOUNT', from: 'opp-a', to: 'org-a' }, { type: 'OWNS', from: 'u-a', to: 'opp-a' },
  { type: 'BUYING_ROLE', from: 'p-a', to: 'opp-a', properties: { roles: ['CHAMPION'] } },
  { type: 'RAISED_BY', from: 'case-a', to: 'org-a' }, { type: 'CONCERNS', from: 'case-a', to: 'prod-a' },
  { type: 'PARTICIPATED_IN', from: 'u-a', to: 'int-a' }, { type: 'PARTICIPATED_IN', from: 'p-a', to: 'int-a' },
  { type: 'ABOUT', from: 'int-a', to: 'org-a' }, { type: 'PLACED', from: 'org-a', to: 'order-a' },
  { type: 'CONTAINS', from: 'order-a', to: 'prod-a', properties: { quantity: 1, amount: 100 } },
  { type: 'GAVE', from: 'p-a', toId: 'id-consent-a' }, { type: 'UPGRADE_OF', from: 'prod-b', to: 'prod-a' },
];
const IDS = NODES.map((node) => node.id);

/** The whole graph, every property included: a refused mutation must leave it exactly so. */
const SNAPSHOT = `
CALL () { MATCH (n) WITH n ORDER BY n.id RETURN collect([labels(n), properties(n)]) AS nodes }
CALL () { MATCH (a)-[r]->(b) WITH a, r, b ORDER BY a.id, type(r), b.id RETURN collect([a.id, type(r), b.id, properties(r)]) AS relationships }
RETURN nodes, relationships`;

const anyWrongValue = fc.oneof(fc.string({ maxLength: 8 }), fc.integer(), fc.boolean(), fc.constant({ nested: { deeper: [1, 'two'] } }), fc.constant([]));
const strings = fc.oneof(
  { weight: 4, arbitrary: fc.string({ maxLength: 12 }) },
  { weight: 1, arbitrary: fc.constant(HUGE) },
  { weight: 1, arbitrary: fc.constantFrom('', ' ', 'org-a', 'EMAIL', '2026-Q1', '<script>', "'; MATCH (n) DETACH DELETE n //") },
);
const ids = fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...IDS) }, fc.uuid(), fc.constantFrom('', HUGE, 'id-nowhere'));
const garbageJson = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small', withCrossShrink: true }, fc.string({ maxLength: 6 }), fc.integer(), fc.boolean(), fc.constant(null), tie('list'), tie('object')),
  list: fc.array(tie('value'), { maxLength: 3 }),
  object: fc.dictionary(fc.constantFrom('nodes', 'relationships', 'type', 'key', 'id', 'from', 'to', 'properties', 'name', '__proto__', 'x'), tie('value'), { maxKeys: 4 }),
})).value;
const importRows = fc.record({
  nodes: fc.array(fc.record({ type: fc.constantFrom('Person', 'Organization', 'Robot', 7), key: fc.oneof(strings, fc.integer()), properties: garbageJson }), { maxLength: 4 }),
  relationships: fc.array(fc.record({ type: fc.constantFrom('KNOWS', 'WORKS_AT', 'LIKES'), from: strings, to: strings, properties: garbageJson }), { maxLength: 4 }),
});

function scalar(name: string): fc.Arbitrary<unknown> {
  switch (name) {
    case 'ID': return ids;
    case 'String': return strings;
    case 'Int': return fc.oneof(fc.integer({ min: -3, max: 10 }), fc.integer(), fc.constant(2 ** 40));
    case 'Float': return fc.oneof(fc.double({ min: -10, max: 10, noNaN: true }), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constant(1e308));
    case 'Boolean': return fc.boolean();
    case 'DateTime': return fc.oneof(fc.date({ min: new Date('1900-01-01'), max: new Date('2200-01-01'), noInvalidDate: true }).map((d) => d.toISOString()), strings);
    case 'Date': return fc.oneof(fc.constantFrom('2026-01-31', '2026-02-30', '0000-01-01', '9999-12-31'), strings);
    case 'JSON': return fc.oneof(importRows, garbageJson);
    default: return strings;
  }
}

/**
 * Values for an input type: well-typed (the GraphQL layer lets them through, so the resolvers
 * must cope with huge strings, unknown or wrong ids and garbage JSON), or — when `malformed` —
 * sometimes null or of another type altogether.
 */
function valueOf(type: GraphQLInputType, malformed: boolean, depth = 0): fc.Arbitrary<unknown> {
  if (isNonNullType(type)) {
    const inner = valueOf(type.ofType, malformed, depth);
    return malformed ? fc.oneof({ weight: 12, arbitrary: inner }, { weight: 1, arbitrary: fc.constant(null) }) : inner;
  }
  const right = ((): fc.Arbitrary<unknown> => {
    if (isListType(type)) return fc.array(valueOf(type.ofType, malformed, depth + 1), { maxLength: depth > 1 ? 1 : 4 });
    if (isEnumType(type)) return fc.constantFrom(...type.getValues().map((value) => value.name));
    if (isInputObjectType(type)) {
      const fields = Object.values(type.getFields());
      return fc.record(
        Object.fromEntries(fields.map((field) => [field.name, valueOf(field.type, malformed, depth + 1)])),
        { requiredKeys: fields.filter((field) => isNonNullType(field.type)).map((field) => field.name) },
      );
    }
    return scalar(type.name);
  })();
  return malformed ? fc.oneof({ weight: 12, arbitrary: right }, { weight: 1, arbitrary: anyWrongValue }) : right;
}

function argumentsOf(args: readonly GraphQLArgument[], malformed: boolean): fc.Arbitrary<Record<string, unknown>> {
  return fc.record(
    Object.fromEntries(args.map((arg) => [arg.name, valueOf(arg.type, malformed)])),
    { requiredKeys: args.filter((arg) => isNonNullType(arg.type)).map((arg) => arg.name) },
  );
}

/** The operation for one mutation, every argument a variable (assembled at run time from the schema). */
function operationOf(field: GraphQLField<unknown, unknown>): string {
  const variables = field.args.map((arg) => `$${arg.name}: ${String(arg.type)}`).join(', ');
  const call = field.args.map((arg) => `${arg.name}: $${arg.name}`).join(', ');
  const selection = isCompositeType(getNamedType(field.type)) ? ' { __typename }' : '';
  return `mutation${variables ? ` (${variables})` : ''} { ${field.name}${call ? `(${call})` : ''}${selection} }`;
}

describe('every mutation under random and malformed input', () => {
  const { server } = useTestServer();
  const mutations = Object.values(buildSchema(resolvers).getMutationType()!.getFields());

  let clean: unknown;
  let dirty = true;
  const snapshot = async () => (await server.db.read(SNAPSHOT))[0];
  async function freshWorld(): Promise<void> {
    if (!dirty) return;
    await server.reset();
    await server.data(/* GraphQL */ `mutation ($graph: JSON!) { importGraph(graph: $graph) { nodesCreated } }`, { graph: { nodes: NODES, relationships: RELATIONSHIPS } });
    clean = await snapshot();
    dirty = false;
  }

  beforeAll(() => {
    console.log(`property runs: seed ${SEED}, ${RUNS} runs for each of ${mutations.length} mutations (PROPERTY_SEED, PROPERTY_RUNS)`);
  });

  it.each(mutations.map((field) => [field.name, field] as const))('%s never fails as the server\'s fault, and a refusal writes nothing', async (_name, field) => {
    const operation = operationOf(field);
    const outcomes: Record<string, number> = {};
    const inputs = fc.oneof({ weight: 3, arbitrary: argumentsOf(field.args, false) }, { weight: 1, arbitrary: argumentsOf(field.args, true) });
    await fc.assert(
      fc.asyncProperty(inputs, async (variables) => {
        await freshWorld();
        const response = await fetch(server.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query: operation, variables }),
        });
        const body = (await response.json()) as { data?: Record<string, unknown> | null; errors?: { message: string; extensions?: { code?: string } }[] };
        expect(response.status).toBeLessThan(500);
        const codes = (body.errors ?? []).map((error) => error.extensions?.code);
        const internal = (body.errors ?? []).filter((error) => error.extensions?.code === undefined || error.extensions.code === 'INTERNAL_SERVER_ERROR');
        expect(internal.map((error) => error.message.slice(0, 300))).toEqual([]);
        const outcome = codes.length ? codes.join('+') : 'ok';
        outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
        if (body.errors?.length) expect(await snapshot()).toEqual(clean);
        else dirty = true;
      }),
      { seed: SEED, numRuns: RUNS, endOnFailure: true },
    );
    console.log(`${field.name}: ${JSON.stringify(outcomes)}`);
  });
});
