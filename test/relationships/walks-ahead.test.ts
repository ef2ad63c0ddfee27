import { getNamedType, isLeafType, isObjectType } from 'graphql';
import { resolvers } from '../../src/areas';
import type { ImportDocument } from '../../src/import';
import { buildSchema } from '../../src/graphql/schema';
import { SIGN_IN_ROUND_TRIPS, useTestServer, type TestClient } from '../support/test-server';

/*
 * Look-ahead: a statement that finds nodes also fetches the walks their selection asks for
 * (a person's KNOWS and theirs, an account page's people, partners and managers). The answers
 * must be those of asking one level at a time, which the walk fields answer without look-ahead.
 *
 *   kim (User) ─0.9─ anna ─0.8─ bert ─0.3─ cora
 *                    anna ─0.5─ cora      bert ─ (no strength) ─ dora
 *   Acme: anna, bert WORK_AT; Nordgroß and Südhandel SERVE Acme; kim MANAGES Acme
 *   jana (PARTNER) ACTS_FOR Nordgroß
 */
const WORLD: ImportDocument = {
  nodes: [
    { type: 'User', key: 'kim', properties: { name: 'Kim Berg', roles: ['SALES'] } },
    { type: 'User', key: 'jana', properties: { name: 'Jana Kröger', roles: ['PARTNER'] } },
    { type: 'Person', key: 'anna', properties: { name: 'Anna Weber', title: 'Einkauf' } },
    { type: 'Person', key: 'bert', properties: { name: 'Bert Brandt' } },
    { type: 'Person', key: 'cora', properties: { name: 'Cora Claus' } },
    { type: 'Person', key: 'dora', properties: { name: 'Dora Dietz' } },
    { type: 'Organization', key: 'acme', properties: { name: 'Acme', kinds: ['CUSTOMER'] } },
    { type: 'Organization', key: 'nordgross', properties: { name: 'Nordgroß', kinds: ['DISTRIBUTOR'] } },
    { type: 'Organization', key: 'suedhandel', properties: { name: 'Südhandel', kinds: ['DISTRIBUTOR'] } },
  ],
  relationships: [
    { type: 'KNOWS', from: 'kim', to: 'anna', properties: { strength: 0.9, declaredStrength: 0.7, source: 'fair', since: '2019-04-01' } },
    { type: 'KNOWS', from: 'anna', to: 'bert', properties: { strength: 0.8, interactionCount: 2 } },
    { type: 'KNOWS', from: 'bert', to: 'cora', properties: { strength: 0.3 } },
    { type: 'KNOWS', from: 'anna', to: 'cora', properties: { strength: 0.5 } },
    { type: 'KNOWS', from: 'dora', to: 'bert', properties: {} },
    { type: 'WORKS_AT', from: 'anna', to: 'acme', properties: { title: 'Head of Procurement', department: 'Einkauf', since: '2015-01-01' } },
    { type: 'WORKS_AT', from: 'bert', to: 'acme', properties: { title: 'CFO' } },
    { type: 'SERVES', from: 'nordgross', to: 'acme', properties: { as: 'DISTRIBUTOR', territory: 'Nord' } },
    { type: 'SERVES', from: 'suedhandel', to: 'acme', properties: { as: 'DISTRIBUTOR', territory: 'Süd' } },
    { type: 'MANAGES', from: 'kim', to: 'acme', properties: { as: 'ACCOUNT_OWNER' } },
    { type: 'ACTS_FOR', from: 'jana', to: 'nordgross', properties: {} },
    { type: 'INFLUENCES', from: 'bert', to: 'acme', properties: { weight: 0.6, topic: 'budget' } },
    { type: 'INFLUENCES', from: 'cora', to: 'acme', properties: {} },
  ],
};

const KNOWS_TWO_LEVELS = /* GraphQL */ `query ($id: ID!, $first: Int!, $next: Int!) {
  person(id: $id) { name knows(first: $first) { strength node {
    id
    ... on Person { name knows(first: $next) { strength node { id ... on Person { name } ... on User { name } } } }
    ... on User { name knows(first: $next) { strength node { id ... on Person { name } ... on User { name } } } }
  } } }
}`;

const KNOWS_OF = /* GraphQL */ `query ($id: ID!, $first: Int!) {
  node(id: $id) {
    ... on Person { knows(first: $first) { strength node { id ... on Person { name } ... on User { name } } } }
    ... on User { knows(first: $first) { strength node { id ... on Person { name } ... on User { name } } } }
  }
}`;

describe('walks fetched ahead with the nodes that lead to them', () => {
  const { server, ids } = useTestServer({ graph: WORLD });

  /** The same two levels, asked one level at a time (no look-ahead below a `node(id)` lookup). */
  async function levelByLevel(client: TestClient, id: string, first: number, next: number) {
    const top = (await client.data(KNOWS_OF, { id, first })).node.knows;
    return Promise.all(
      top.map(async (edge: any) => ({
        strength: edge.strength,
        node: { ...edge.node, knows: (await client.data(KNOWS_OF, { id: edge.node.id, first: next })).node.knows },
      })),
    );
  }

  it("answers a person's KNOWS two levels deep in one statement, as asking level by level does", async () => {
    const before = server.db.roundTrips;
    const { person } = await server.data(KNOWS_TWO_LEVELS, { id: ids.anna, first: 20, next: 20 });
    expect(server.db.roundTrips - before).toBe(SIGN_IN_ROUND_TRIPS + 1);

    // strongest first, then by name
    expect(person.knows.map((e: any) => [e.node.name, e.strength])).toEqual([['Kim Berg', 0.9], ['Bert Brandt', 0.8], ['Cora Claus', 0.5]]);
    expect(person.knows[1].node.knows.map((e: any) => [e.node.name, e.strength])).toEqual([['Anna Weber', 0.8], ['Dora Dietz', 0.5], ['Cora Claus', 0.3]]);
    expect(person.knows).toEqual(await levelByLevel(server, ids.anna, 20, 20));
  });

  it('keeps each page size apart, also under aliases and fragments', async () => {
    const { person } = await server.data(KNOWS_TWO_LEVELS, { id: ids.anna, first: 2, next: 1 });
    expect(person.knows).toEqual(await levelByLevel(server, ids.anna, 2, 1));

    const { person: aliased } = await server.data(/* GraphQL */ `query ($id: ID!) {
      person(id: $id) {
        top: knows(first: 1) { node { id ...Next } }
        all: knows(first: 3) { node { id ... on Person { knows(first: 2) { node { id } } } } }
      }
    }
    fragment Next on Person { knows(first: 3) { strength node { id } } }`, { id: ids.anna });
    const reference = await levelByLevel(server, ids.anna, 3, 3);
    const ids_ = (edges: any[]) => edges.map((e) => e.node.id);
    expect(ids_(aliased.top)).toEqual(ids_(reference).slice(0, 1));
    expect(ids_(aliased.all)).toEqual(ids_(reference));
    expect(aliased.top[0].node).toEqual({ id: ids.kim }); // Kim is a User: the fragment on Person does not apply
    expect(ids_(aliased.all[1].node.knows)).toEqual(ids_(reference[1].node.knows).slice(0, 2));
  });

  it('answers a page of organizations with people, partners and managers in one statement', async () => {
    const before = server.db.roundTrips;
    const { organizations } = await server.data(/* GraphQL */ `{
      organizations(first: 50, filter: { kinds: [CUSTOMER] }) { edges { node {
        name
        people(first: 20) { title node { name } }
        partners(first: 20) { territory node { name } }
        managers(first: 20) { as node { name } }
      } } }
    }`);
    expect(server.db.roundTrips - before).toBe(SIGN_IN_ROUND_TRIPS + 1);
    expect(organizations.edges).toEqual([
      {
        node: {
          name: 'Acme',
          people: [{ title: 'Head of Procurement', node: { name: 'Anna Weber' } }, { title: 'CFO', node: { name: 'Bert Brandt' } }],
          partners: [{ territory: 'Nord', node: { name: 'Nordgroß' } }, { territory: 'Süd', node: { name: 'Südhandel' } }],
          managers: [{ as: 'ACCOUNT_OWNER', node: { name: 'Kim Berg' } }],
        },
      },
    ]);
  });

  it('fetches only the properties a selection reads, and answers fields with resolvers of their own as a lookup does', async () => {
    const FIELDS = /* GraphQL */ `fragment Fields on Person { id name title email createdAt updatedAt kinds restricted }`;
    const { organization } = await server.data(/* GraphQL */ `query ($id: ID!) {
      organization(id: $id) { people(first: 5) { node { ...Fields knows(first: 5) { node { id ... on Person { name createdAt } } } } } }
    } ${FIELDS}`, { id: ids.acme });
    const { knows, ...anna } = organization.people[0].node;
    const { node } = await server.data(/* GraphQL */ `query ($id: ID!) { node(id: $id) { ...Fields } } ${FIELDS}`, { id: ids.anna });
    expect(anna).toEqual(node);
    expect(node).toMatchObject({ name: 'Anna Weber', title: 'Einkauf', email: null, kinds: [], restricted: false, createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) });
    const bert = knows.find((edge: any) => edge.node.id === ids.bert).node;
    expect(bert).toEqual({ id: ids.bert, name: 'Bert Brandt', createdAt: (await server.data(/* GraphQL */ `query ($id: ID!) { node(id: $id) { ... on Person { createdAt } } }`, { id: ids.bert })).node.createdAt });
  });

  it("keeps a partner's hidden nodes out at every level fetched ahead", async () => {
    const jana = server.as({ user: 'jana' });
    const query = /* GraphQL */ `query ($id: ID!) {
      organization(id: $id) { name customers(first: 20) { node { name
        partners(first: 20) { node { name } }
        people(first: 20) { node { name ... on Person { knows(first: 20) { node { id ... on Person { name } } } } } }
      } } }
    }`;
    const { organization } = await jana.data(query, { id: ids.nordgross });
    // Südhandel, Kim (a User who is not Nordgroß's manager), Cora and Dora are outside Nordgroß's scope.
    expect(organization).toEqual({
      name: 'Nordgroß',
      customers: [{ node: {
        name: 'Acme',
        partners: [{ node: { name: 'Nordgroß' } }],
        people: [
          { node: { name: 'Anna Weber', knows: [{ node: { id: ids.bert, name: 'Bert Brandt' } }] } },
          { node: { name: 'Bert Brandt', knows: [{ node: { id: ids.anna, name: 'Anna Weber' } }] } },
        ],
      } }],
    });
  });

  it('fetches only the relationship properties a selection reads, and each edge field answers alone as beside all the others', async () => {
    const schema = buildSchema(resolvers);
    /** The leaf fields of the edge type `field` of `type` answers (the relationship's side of each edge). */
    const edgeFields = (type: string, field: string) => {
      const owner = schema.getType(type);
      const edge = isObjectType(owner) && getNamedType(owner.getFields()[field].type);
      if (!isObjectType(edge)) throw new Error(`${type}.${field} lists no edges`);
      return Object.values(edge.getFields()).filter((f) => isLeafType(getNamedType(f.type))).map((f) => f.name);
    };
    // Worked out by hand for the fields whose resolvers read properties of other names or defaults.
    const alone: Record<string, unknown[]> = {
      'Person.knows.strength': [0.9, 0.8, 0.5], // kim, bert, cora
      'Person.knows.interactionCount': [0, 2, 0],
      'Organization.influencedBy.weight': [0.6, 0.5], // bert, cora (none stored)
      'Person.influences.weight': [0.6],
    };
    const walks: [string, string, string][] = [
      ['Person', 'knows', 'anna'], ['Person', 'employers', 'anna'], ['Person', 'influences', 'bert'],
      ['Organization', 'people', 'acme'], ['Organization', 'partners', 'acme'], ['Organization', 'managers', 'acme'], ['Organization', 'influencedBy', 'acme'],
      ['User', 'knows', 'kim'], ['User', 'accounts', 'kim'],
    ];
    for (const [type, field, key] of walks) {
      const names = edgeFields(type, field);
      // Every field beside all the others, and each alone (an alias is a selection of its own).
      const aliases = names.map((name) => `alone_${name}: ${field}(first: 20) { ${name} node { id } }`).join('\n');
      const { node } = await server.data(`query ($id: ID!) { node(id: $id) { ... on ${type} {
        all: ${field}(first: 20) { ${names.join(' ')} node { id } }
        ${aliases}
      } } }`, { id: ids[key] });
      expect(node.all.length).toBeGreaterThan(0);
      for (const name of names) {
        const coordinate = `${type}.${field}.${name}`;
        const values = node[`alone_${name}`].map((edge: any) => edge[name]);
        expect({ coordinate, values }).toEqual({ coordinate, values: node.all.map((edge: any) => edge[name]) });
        if (alone[coordinate]) expect({ coordinate, values }).toEqual({ coordinate, values: alone[coordinate] });
      }
    }
    // Fetched ahead with a page of organizations and their people.
    const AHEAD = /* GraphQL */ `query { organizations(first: 5) { edges { node { id people(first: 5) { node { id ... on Person { knows(first: 5) { strength node { id } } } } } } } } }`;
    const ahead = (await server.data(AHEAD)).organizations.edges.find((edge: any) => edge.node.id === ids.acme).node.people;
    const anna = ahead.find((edge: any) => edge.node.id === ids.anna).node.knows;
    expect(anna.map((edge: any) => edge.strength)).toEqual(alone['Person.knows.strength']);
  });
});
