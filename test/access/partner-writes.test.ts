import type { ImportDocument } from '../../src/import';
import type { NodeLabel, RelationshipTypeName } from '../../src/model/graph-model';
import { useTestServer } from '../support/test-server';

const node = (type: NodeLabel, key: string, properties: Record<string, unknown> = {}) => ({ type, key, properties: { name: key, ...properties } });
const rel = (type: RelationshipTypeName, from: string, to: string) => ({ type, from, to, properties: {} });

/** The partner's user (role PARTNER) and customer with a deal and a contact person; elsewhere a hidden firm with the same. */
const WORLD: ImportDocument = {
  nodes: [
    node('Organization', 'partner'), node('Organization', 'customer'), node('Organization', 'elsewhere'),
    node('User', 'partner-user', { roles: ['PARTNER'] }), node('Person', 'anna'), node('Person', 'hidden-hans'),
    node('Opportunity', 'deal'), node('Opportunity', 'hidden-deal'),
  ],
  relationships: [
    rel('SERVES', 'partner', 'customer'), rel('WORKS_AT', 'anna', 'customer'), rel('WORKS_AT', 'hidden-hans', 'elsewhere'),
    rel('FOR_ACCOUNT', 'deal', 'customer'), rel('FOR_ACCOUNT', 'hidden-deal', 'elsewhere'), rel('ACTS_FOR', 'partner-user', 'partner'),
  ],
};
const UNKNOWN = '00000000-0000-4000-8000-000000000000';

const LOG = /* GraphQL */ `mutation ($participants: [ID!]!, $about: [ID!]) {
  logInteraction(input: {type: CALL, occurredAt: "2026-11-24T10:00:00Z", participantIds: $participants, aboutIds: $about}) {
    id participants { id } about { id }
  }
}`;
const SET_ROLE = /* GraphQL */ `mutation ($deal: ID!, $person: ID!) {
  setBuyingRole(opportunityId: $deal, personId: $person, roles: [CHAMPION]) { roles person { id } }
}`;
const REMOVE_ROLE = /* GraphQL */ `mutation ($deal: ID!, $person: ID!) { removeBuyingRole(opportunityId: $deal, personId: $person) }`;

describe("a partner's writes within its scope", () => {
  const { server, ids } = useTestServer({ graph: WORLD, freshEach: true });
  const partner = server.as({ user: 'partner-user' });
  const counts = async () =>
    (await server.db.read<{ interactions: number; knows: number; roles: number }>(`
      RETURN COUNT { (:Interaction) } AS interactions, COUNT { ()-[:KNOWS]->() } AS knows, COUNT { ()-[:BUYING_ROLE]->() } AS roles`))[0];
  /** The same request with a hidden id and with an unknown one must get the same answer. */
  const expectHiddenAsUnknown = async (query: string, variables: (id: string) => Record<string, unknown>, hiddenId: string) => {
    const before = await counts();
    const [hidden, unknown] = [await partner.gql(query, variables(hiddenId)), await partner.gql(query, variables(UNKNOWN))];
    expect(hidden.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect(JSON.stringify(hidden).replaceAll(hiddenId, UNKNOWN)).toBe(JSON.stringify(unknown));
    expect(await counts()).toEqual(before);
  };

  it('logs a contact with its own people and deals, and strengthens KNOWS', async () => {
    const { logInteraction } = await partner.data(LOG, {
      participants: [ids['partner-user'], ids.anna], about: [ids.customer, ids.deal],
    });
    expect(logInteraction.participants.map((p: { id: string }) => p.id).sort()).toEqual([ids['partner-user'], ids.anna].sort());
    expect(logInteraction.about.map((a: { id: string }) => a.id).sort()).toEqual([ids.customer, ids.deal].sort());
    expect(await counts()).toEqual({ interactions: 1, knows: 1, roles: 0 });
  });

  it('treats a hidden participant or subject of a contact as an unknown id, and writes nothing', async () => {
    await expectHiddenAsUnknown(LOG, (id) => ({ participants: [ids['partner-user'], id] }), ids['hidden-hans']);
    await expectHiddenAsUnknown(LOG, (id) => ({ participants: [ids['partner-user']], about: [ids.customer, id] }), ids['hidden-deal']);
    await expectHiddenAsUnknown(LOG, (id) => ({ participants: [ids['partner-user']], about: [id] }), ids.elsewhere);
  });

  it('sets buying roles in its deals (a hidden deal or person is unknown), and may not remove one', async () => {
    const { setBuyingRole } = await partner.data(SET_ROLE, { deal: ids.deal, person: ids.anna });
    expect(setBuyingRole).toEqual({ roles: ['CHAMPION'], person: { id: ids.anna } });
    await expectHiddenAsUnknown(SET_ROLE, (id) => ({ deal: id, person: ids.anna }), ids['hidden-deal']);
    await expectHiddenAsUnknown(SET_ROLE, (id) => ({ deal: ids.deal, person: id }), ids['hidden-hans']);
    // Removing a buying role is for the sellers only (the permission table), not for a partner.
    const refused = await partner.gql(REMOVE_ROLE, { deal: ids.deal, person: ids.anna });
    expect(refused.errors?.map((error) => error.extensions?.code)).toEqual(['FORBIDDEN']);
    expect(await server.data(REMOVE_ROLE, { deal: ids.deal, person: ids.anna })).toEqual({ removeBuyingRole: true });
  });
});
