import type { ImportDocument } from '../../src/import';
import { useTestServer } from '../support/test-server';

/** Anna with contact data and a consent history; Bert without any. */
const WORLD: ImportDocument = {
  nodes: [
    { type: 'Organization', key: 'acme', properties: { name: 'Acme Heizung' } },
    { type: 'Person', key: 'anna', properties: { name: 'Anna Weber', email: 'anna@acme.example', phone: '+49 40 111', title: 'Einkauf' } },
    { type: 'Person', key: 'bert', properties: { name: 'Bert Blau', title: 'Technik' } },
    { type: 'Consent', key: 'c1', properties: { channel: 'EMAIL', purpose: 'newsletter', granted: true, at: '2026-01-01T00:00:00Z' } },
    { type: 'User', key: 'ro-service', properties: { name: 'Rita Both', roles: ['READ_ONLY', 'SERVICE'] } },
  ],
  relationships: [
    { type: 'WORKS_AT', from: 'anna', to: 'acme' },
    { type: 'WORKS_AT', from: 'bert', to: 'acme' },
    { type: 'GAVE', from: 'anna', to: 'c1' },
  ],
};

const PEOPLE = /* GraphQL */ `{ people(orderBy: [NAME_ASC]) { edges { node { name title email phone consents { channel granted } } } } }`;

describe('fields only some roles may read', () => {
  const { server, ids } = useTestServer({ graph: WORLD });

  it('answers FORBIDDEN on e-mail, phone and consents for READ_ONLY, and the rest of the response stands', async () => {
    const result = await server.as('READ_ONLY').gql(PEOPLE);
    expect(result.data?.people.edges.map((edge: any) => edge.node)).toEqual([
      { name: 'Anna Weber', title: 'Einkauf', email: null, phone: null, consents: null },
      { name: 'Bert Blau', title: 'Technik', email: null, phone: null, consents: null },
    ]);
    const refused = (result.errors ?? []).map((error) => [error.path?.join('.'), error.extensions?.code]);
    expect(refused.sort()).toEqual(
      ['0', '1'].flatMap((i) => ['email', 'phone', 'consents'].map((field) => [`people.edges.${i}.node.${field}`, 'FORBIDDEN'])).sort(),
    );
  });

  it('answers every field but id of a consent record FORBIDDEN for READ_ONLY, wherever it is reached', async () => {
    const result = await server.as('READ_ONLY').gql(/* GraphQL */ `query ($id: ID!) { node(id: $id) { id ... on Consent { channel purpose } } }`, { id: ids.c1 });
    expect(result.data?.node).toBeNull();
    expect(result.errors?.map((error) => error.extensions?.code)).toEqual(expect.arrayContaining(['FORBIDDEN']));
    const idOnly = await server.as('READ_ONLY').data(/* GraphQL */ `query ($id: ID!) { node(id: $id) { id } }`, { id: ids.c1 });
    expect(idOnly.node).toEqual({ id: ids.c1 });
  });

  it('shows the same fields to every other role, and to a READ_ONLY user who also holds SERVICE (permissions add up)', async () => {
    const expected = [
      { name: 'Anna Weber', title: 'Einkauf', email: 'anna@acme.example', phone: '+49 40 111', consents: [{ channel: 'EMAIL', granted: true }] },
      { name: 'Bert Blau', title: 'Technik', email: null, phone: null, consents: [] },
    ];
    for (const who of ['ADMIN', 'KEY_ACCOUNT_MANAGER', 'SALES', 'SERVICE', { user: 'ro-service' }] as const) {
      const result = await server.as(who).data(PEOPLE);
      expect(result.people.edges.map((edge: any) => edge.node)).toEqual(expected);
    }
  });

  it('lets SERVICE change a person\'s contact data only', async () => {
    const service = server.as('SERVICE');
    const contact = await service.data(/* GraphQL */ `mutation ($id: ID!) { updatePerson(id: $id, input: { phone: "+49 40 222", email: "anna.weber@acme.example" }) { phone email } }`, { id: ids.anna });
    expect(contact.updatePerson).toEqual({ phone: '+49 40 222', email: 'anna.weber@acme.example' });
    const title = await service.gql(/* GraphQL */ `mutation ($id: ID!) { updatePerson(id: $id, input: { title: "Chefin", phone: "+49 40 333" }) { title } }`, { id: ids.anna });
    expect(title.errors?.[0]).toMatchObject({ extensions: { code: 'FORBIDDEN' }, message: expect.stringMatching(/may change only email and phone; not title/) });
    const anna = await server.data(/* GraphQL */ `query ($id: ID!) { person(id: $id) { title phone } }`, { id: ids.anna });
    expect(anna.person).toEqual({ title: 'Einkauf', phone: '+49 40 222' });
    const sales = await server.as('SALES').data(/* GraphQL */ `mutation ($id: ID!) { updatePerson(id: $id, input: { title: "Leitung Einkauf" }) { title } }`, { id: ids.anna });
    expect(sales.updatePerson.title).toBe('Leitung Einkauf');
  });
});
