import type { ImportDocument } from '../../src/import';
import { exportLines, type ExportSkipped } from '../../src/import/export-graph';
import { migrate } from '../../src/neo4j/migrations';
import { useTestServer } from '../support/test-server';

/** Names whose case-insensitive order differs from their stored order ('Zeta' < 'alpha' < 'Émile' by code point). */
const WORLD: ImportDocument = {
  nodes: [
    { type: 'Organization', key: 'zeta', properties: { name: 'Zeta Bau' } },
    { type: 'Organization', key: 'alpha', properties: { name: 'alpha Wohnbau' } },
    { type: 'Organization', key: 'beta-1', properties: { name: 'Beta' } },
    { type: 'Organization', key: 'beta-2', properties: { name: 'BETA' } },
    { type: 'Organization', key: 'mitte', properties: { name: 'Mitte GmbH' } },
    { type: 'Person', key: 'zoe', properties: { name: 'Zoe Krüger', email: 'zoe@example.org' } },
    { type: 'Person', key: 'anna', properties: { name: 'anna Weber' } },
    { type: 'Person', key: 'bernd', properties: { name: 'Bernd Ohm' } },
  ],
  relationships: [],
};

const ORGANIZATIONS = /* GraphQL */ `query ($orderBy: [OrganizationOrder!]) {
  organizations(first: 10, orderBy: $orderBy) { edges { node { key name } } } }`;
const PEOPLE = /* GraphQL */ `{ people(first: 10) { edges { node { name } } } }`;
const keys = (connection: { edges: { node: { key: string } }[] }) => connection.edges.map((edge) => edge.node.key);
const names = (connection: { edges: { node: { name: string } }[] }) => connection.edges.map((edge) => edge.node.name);

describe('lists by name', () => {
  const { server, ids } = useTestServer({ graph: WORLD, freshEach: true });

  /** The two BETAs tie on their lower-cased name: the one with the smaller id comes first. */
  const betas = () => [['beta-1', ids['beta-1']], ['beta-2', ids['beta-2']]].sort((a, b) => (a[1] < b[1] ? -1 : 1)).map(([key]) => key);

  it('orders case-insensitively, ties by id, both ways', async () => {
    const ascending = ['alpha', ...betas(), 'mitte', 'zeta'];
    expect(keys((await server.data(ORGANIZATIONS, { orderBy: ['NAME_ASC'] })).organizations)).toEqual(ascending);
    // DESC applies to the name only; the id still breaks ties ascending.
    expect(keys((await server.data(ORGANIZATIONS, { orderBy: ['NAME_DESC'] })).organizations)).toEqual(['zeta', 'mitte', ...betas(), 'alpha']);
    expect(names((await server.data(PEOPLE)).people)).toEqual(['anna Weber', 'Bernd Ohm', 'Zoe Krüger']);
  });

  it('follows a rename, by mutation and by import', async () => {
    await server.data(/* GraphQL */ `mutation ($id: ID!) { updateOrganization(id: $id, input: { name: "aaa Zuerst" }) { id } }`, { id: ids.zeta });
    await server.importGraph({ nodes: [{ type: 'Organization', key: 'alpha', properties: { name: 'Zum Schluss' } }], relationships: [] });
    expect(keys((await server.data(ORGANIZATIONS, {})).organizations)).toEqual(['zeta', ...betas(), 'mitte', 'alpha']);
  });

  it('lists people and users made by mutation, and a person the contact form makes, by name', async () => {
    await server.data(/* GraphQL */ `mutation { createPerson(input: { name: "Carla Dorn" }) { id } }`);
    await server.data(/* GraphQL */ `mutation ($input: ContactFormInput!) { submitContactForm(input: $input) { accepted } }`, {
      input: { email: 'dora@example.org', name: 'dora Lenz', source: 'website-contact' },
    });
    expect(names((await server.data(PEOPLE)).people)).toEqual(['anna Weber', 'Bernd Ohm', 'Carla Dorn', 'dora Lenz', 'Zoe Krüger']);

    await server.data(/* GraphQL */ `mutation { a: createUser(input: { name: "zz last" }) { id } b: createUser(input: { name: "AA First" }) { id } }`);
    const { users } = await server.data(/* GraphQL */ `{ users(first: 50) { edges { node { name } } } }`);
    const listed = names(users);
    expect(listed[0]).toBe('AA First');
    expect(listed[listed.length - 1]).toBe('zz last');
    expect(listed).toEqual([...listed].sort((a, b) => (a.toLowerCase() < b.toLowerCase() ? -1 : a.toLowerCase() > b.toLowerCase() ? 1 : 0)));
  });

  it('gives the nodes of an older store, written without nameKey, their key when migrations run', async () => {
    await server.db.write(`CREATE (:Entity:Organization {id: 'old-1', name: 'Altbestand', createdAt: datetime(), updatedAt: datetime()})`);
    await migrate(server.db);
    const { organizations } = await server.data(/* GraphQL */ `{ organizations(first: 10) { edges { node { id } } } }`);
    expect(organizations.edges.map((edge: { node: { id: string } }) => edge.node.id)).toEqual(
      [ids.alpha, 'old-1', ...betas().map((key) => ids[key]), ids.mitte, ids.zeta],
    );
  });

  it('keeps nameKey out of the graph export and out of a person\'s data export', async () => {
    const skipped: ExportSkipped = { otherNodes: {}, unknownNodes: 0, unknownRelationships: 0 };
    const nodes = [];
    for await (const line of exportLines(server.db, skipped)) if ('node' in line) nodes.push(line.node);
    expect(nodes.filter((node) => node.type === 'Organization' || node.type === 'Person')).toHaveLength(8);
    for (const node of nodes) expect(Object.keys(node.properties)).not.toContain('nameKey');

    const { exportPersonData } = await server.data(/* GraphQL */ `query ($id: ID!) { exportPersonData(personId: $id) }`, { id: ids.zoe });
    expect(exportPersonData.person.properties).toMatchObject({ name: 'Zoe Krüger', email: 'zoe@example.org' });
    expect(exportPersonData.person.properties).not.toHaveProperty('nameKey');
  });
});
