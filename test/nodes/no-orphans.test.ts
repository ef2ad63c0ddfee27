import type { ImportDocument, ImportNode, ImportRelationship } from '../../src/import';
import { isNodeLabel } from '../../src/model/graph-model';
import { useTestServer } from '../support/test-server';

/**
 * Every delete mutation of the schema (found by name, so a new one is walked too) deletes a node
 * of a world where everything that can hang off it does, and must leave nothing behind that
 * belonged only to it — while everything that stands on its own stays.
 */

/** What each dependent kind needs in order to mean something (the user's view, not the code's table). */
const NEEDS: Record<string, string> = {
  Consent: '(:Person)-[:GAVE]->(n)',
  LifecycleChange: '(:Organization)-[:HAS_LIFECYCLE_CHANGE]->(n)',
  OpportunityStageChange: '(:Opportunity)-[:HAS_STAGE_CHANGE]->(n)',
  Order: '(:Organization)-[:PLACED]->(n)',
  Opportunity: '(n)-[:FOR_ACCOUNT]->(:Organization)',
  Case: '(n)-[:RAISED_BY]->(:Organization|Person)',
  Interaction: '(:Person|User)-[:PARTICIPATED_IN]->(n)',
  Asset: '(:Organization)-[:OPERATES]->(n)',
  SalesTarget: '(:User)-[:HAS_TARGET]->(n)',
};
/** Kinds that may exist with no relationship at all. */
const STANDALONE = ['Organization', 'Person', 'User', 'Product', 'Campaign', 'Community'];

const at = '2026-01-15T10:00:00Z';
const node = (type: string, key: string, properties: Record<string, unknown>) => ({ type, key, properties }) as ImportNode;
const rel = (type: string, from: string, to: string, properties: Record<string, unknown> = {}) => ({ type, from, to, properties }) as ImportRelationship;
const org = (key: string) => node('Organization', key, { name: key });
const person = (key: string) => node('Person', key, { name: key });
const user = (key: string) => node('User', key, { name: key });
const product = (key: string) => node('Product', key, { sku: key, name: key });
const opportunity = (key: string) => node('Opportunity', key, { name: key, stage: 'PROPOSAL' });
const interaction = (key: string) => node('Interaction', key, { type: 'CALL', occurredAt: at });
const aCase = (key: string) => node('Case', key, { subject: key, status: 'OPEN' });
const stageChange = (key: string) => node('OpportunityStageChange', key, { to: 'PROPOSAL', at });

/** One node per deletable kind (key `target-<kind>`), each with everything that can hang off it. */
const WORLD: ImportDocument = {
  nodes: [
    org('target-organization'), person('target-person'), user('target-user'), opportunity('target-opportunity'), product('target-product'),
    org('org-partner'), person('person-buyer'), user('user-owner'), product('product-a'), product('product-b'),
    node('LifecycleChange', 'lc-1', { to: 'PROSPECT', at }), node('LifecycleChange', 'lc-2', { from: 'PROSPECT', to: 'CUSTOMER', at }),
    node('Order', 'order-1', { date: '2026-01-10', amount: 300 }),
    opportunity('opp-1'), opportunity('opp-2'), stageChange('sc-1'), stageChange('sc-2'), stageChange('sc-3'),
    aCase('case-org'), aCase('case-person'), aCase('case-product'),
    node('Consent', 'consent-1', { channel: 'EMAIL', purpose: 'newsletter', granted: true, at }),
    node('Consent', 'consent-2', { channel: 'PHONE', purpose: 'offers', granted: false, at }),
    interaction('int-about-org'), interaction('int-solo'), interaction('int-shared'), interaction('int-user-solo'), interaction('int-about-opp'),
    node('Asset', 'target-asset', { installedAt: '2010-05-01' }), node('Asset', 'asset-of-org', { installedAt: '2012-03-01' }),
    node('SalesTarget', 'sales-target-1', { period: '2026-Q4', amount: 100000 }),
    node('Campaign', 'target-campaign', { name: 'target-campaign', channel: 'EMAIL', purpose: 'newsletter' }),
  ],
  relationships: [
    // The organization: its history, an order with lines, a deal with history and a buying center, a case, people, partners.
    rel('HAS_LIFECYCLE_CHANGE', 'target-organization', 'lc-1'), rel('HAS_LIFECYCLE_CHANGE', 'target-organization', 'lc-2'),
    rel('PLACED', 'target-organization', 'order-1'),
    rel('CONTAINS', 'order-1', 'product-a', { quantity: 1, amount: 100 }), rel('CONTAINS', 'order-1', 'product-b', { quantity: 2, amount: 200 }),
    rel('FOR_ACCOUNT', 'opp-1', 'target-organization'), rel('HAS_STAGE_CHANGE', 'opp-1', 'sc-1'),
    rel('OWNS', 'user-owner', 'opp-1'), rel('BUYING_ROLE', 'person-buyer', 'opp-1', { roles: ['CHAMPION'] }),
    rel('RAISED_BY', 'case-org', 'target-organization'), rel('ASSIGNED_TO', 'user-owner', 'case-org'), rel('CONCERNS', 'case-org', 'product-a'),
    rel('WORKS_AT', 'person-buyer', 'target-organization'), rel('SERVES', 'org-partner', 'target-organization'),
    rel('MANAGES', 'user-owner', 'target-organization'), rel('SUBSIDIARY_OF', 'target-organization', 'org-partner'),
    rel('ABOUT', 'int-about-org', 'target-organization'), rel('PARTICIPATED_IN', 'user-owner', 'int-about-org'),
    // The person: consents, a contact of their own and a shared one, a case they raised, a buying role, contacts.
    rel('GAVE', 'target-person', 'consent-1'), rel('GAVE', 'target-person', 'consent-2'),
    rel('PARTICIPATED_IN', 'target-person', 'int-solo'),
    rel('PARTICIPATED_IN', 'target-person', 'int-shared'), rel('PARTICIPATED_IN', 'user-owner', 'int-shared'),
    rel('RAISED_BY', 'case-person', 'target-person'), rel('BUYING_ROLE', 'target-person', 'opp-2', { roles: ['DECISION_MAKER'] }),
    rel('KNOWS', 'user-owner', 'target-person', { strength: 0.5 }), rel('WORKS_AT', 'target-person', 'org-partner'),
    rel('REPORTS_TO', 'target-person', 'person-buyer'), rel('INFLUENCES', 'target-person', 'org-partner', { weight: 0.4 }),
    // The user: owns a deal, works a case, a contact of their own, an account, a colleague.
    rel('OWNS', 'target-user', 'opp-2'), rel('FOR_ACCOUNT', 'opp-2', 'org-partner'), rel('ASSIGNED_TO', 'target-user', 'case-person'),
    rel('PARTICIPATED_IN', 'target-user', 'int-user-solo'), rel('MANAGES', 'target-user', 'org-partner'),
    rel('KNOWS', 'target-user', 'person-buyer', { strength: 0.7 }),
    // The opportunity: its account, history, owner, buying center and contacts about it.
    rel('FOR_ACCOUNT', 'target-opportunity', 'org-partner'),
    rel('HAS_STAGE_CHANGE', 'target-opportunity', 'sc-2'), rel('HAS_STAGE_CHANGE', 'target-opportunity', 'sc-3'),
    rel('OWNS', 'user-owner', 'target-opportunity'), rel('BUYING_ROLE', 'person-buyer', 'target-opportunity', { roles: ['USER'] }),
    rel('ABOUT', 'int-about-opp', 'target-opportunity'), rel('PARTICIPATED_IN', 'person-buyer', 'int-about-opp'),
    // The product: upgrades, complements, a case about it (on no order, so it may be deleted).
    rel('UPGRADE_OF', 'target-product', 'product-a'), rel('COMPLEMENTS', 'target-product', 'product-b'),
    rel('CONCERNS', 'case-product', 'target-product'), rel('RAISED_BY', 'case-product', 'org-partner'),
    // target-asset; and an asset, a target that go with their organization and user
    rel('OPERATES', 'org-partner', 'target-asset'), rel('OF_PRODUCT', 'target-asset', 'product-a'),
    rel('MAINTAINS', 'target-organization', 'target-asset'), rel('CONCERNS', 'case-org', 'target-asset'),
    rel('OPERATES', 'target-organization', 'asset-of-org'), rel('OF_PRODUCT', 'asset-of-org', 'target-product'),
    rel('HAS_TARGET', 'target-user', 'sales-target-1'),
    // target-campaign
    rel('OWNS', 'target-user', 'target-campaign'), rel('TARGETED_BY', 'person-buyer', 'target-campaign', { at }),
    rel('RESPONDED', 'target-person', 'target-campaign', { kind: 'OPENED', at }), rel('SOURCED_FROM', 'opp-2', 'target-campaign'),
    rel('ABOUT', 'int-shared', 'target-campaign'),
  ],
};

interface SchemaArg {
  name: string;
  type: { kind: string; name: string | null; ofType: { name: string | null } | null };
}

const MUTATIONS = /* GraphQL */ `{ __schema { mutationType { fields { name type { kind ofType { kind } } args { name type { kind name ofType { name } } } } } } }`;

describe('deleting a node leaves no orphans', () => {
  const { server } = useTestServer();

  /** Dependent nodes that lost what they need, and nodes that are not standalone but hang on nothing. */
  async function orphans(): Promise<string[]> {
    const found: string[] = [];
    for (const [label, pattern] of Object.entries(NEEDS)) {
      const rows = await server.db.read<{ key: string }>(`MATCH (n:${label}) WHERE NOT EXISTS { ${pattern} } RETURN n.key AS key`);
      found.push(...rows.map((row) => `${label} ${row.key} (needs ${pattern})`));
    }
    const lonely = await server.db.read<{ key: string; labels: string[] }>(
      'MATCH (n:Entity) WHERE NOT EXISTS { (n)--() } AND NOT any(label IN labels(n) WHERE label IN $standalone) RETURN n.key AS key, labels(n) AS labels',
      { standalone: STANDALONE },
    );
    found.push(...lonely.map((row) => `${row.labels.join(':')} ${row.key} (no relationship at all)`));
    return found.sort();
  }

  const standaloneKeys = async () =>
    (await server.db.read<{ key: string }>('MATCH (n:Entity) WHERE any(label IN labels(n) WHERE label IN $standalone) RETURN n.key AS key ORDER BY key', { standalone: STANDALONE }))
      .map((row) => row.key);

  it('the world has every dependent kind, each with what it needs', async () => {
    await server.reset();
    await server.importGraph(WORLD);
    expect(await orphans()).toEqual([]);
    const labels = await server.db.read<{ label: string }>('MATCH (n:Entity) UNWIND labels(n) AS label RETURN DISTINCT label');
    expect(labels.map((row) => row.label)).toEqual(expect.arrayContaining(Object.keys(NEEDS)));
  });

  it('walks every delete mutation of the schema', async () => {
    const { __schema } = await server.data(MUTATIONS);
    const deletes = (__schema.mutationType.fields as { name: string; type: { kind: string; ofType: { kind: string } | null }; args: SchemaArg[] }[]).filter((field) => /^(delete|erase)[A-Z]/.test(field.name))
      // Nodes of the graph only: a webhook is configuration and has no place in WORLD.
      .filter((field) => isNodeLabel(field.name.replace(/^(delete|erase)/, '')));
    expect(deletes.map((field) => field.name)).toEqual(expect.arrayContaining(['deleteOrganization', 'deletePerson', 'deleteUser', 'deleteOpportunity', 'deleteProduct']));

    const walked: string[] = [];
    for (const mutation of deletes) {
      const kind = mutation.name.replace(/^(delete|erase)/, '');
      const targetKey = `target-${kind.replace(/^./, (c) => c.toLowerCase())}`;
      await server.reset();
      const ids = await server.importGraph(WORLD);
      const id = ids[targetKey];
      if (!id) throw new Error(`${mutation.name} has no ${targetKey} in WORLD (test/nodes/no-orphans.test.ts): add one with everything that can hang off a ${kind}.`);
      const before = await standaloneKeys();

      const args = mutation.args.map((arg) => {
        const type = arg.type.name ?? arg.type.ofType?.name;
        if (type === 'ID') return { name: arg.name, type: 'ID!', value: id };
        if (type === 'Boolean') return { name: arg.name, type: 'Boolean', value: true };
        if (type === 'String') return { name: arg.name, type: 'String!', value: 'no-orphans test' };
        throw new Error(`${mutation.name}(${arg.name}: ${type}): the walk does not know what to pass`);
      });
      // Not marked /* GraphQL */: assembled at run time from the schema.
      const selection = [mutation.type.kind, mutation.type.ofType?.kind].includes('OBJECT') ? ' { __typename }' : '';
      const operation = `mutation (${args.map((a) => `$${a.name}: ${a.type}`).join(', ')}) { ${mutation.name}(${args.map((a) => `${a.name}: $${a.name}`).join(', ')})${selection} }`;
      const result = await server.gql(operation, Object.fromEntries(args.map((a) => [a.name, a.value])));
      expect({ mutation: mutation.name, errors: result.errors }).toEqual({ mutation: mutation.name, errors: undefined });

      // Erasure keeps the cases a person raised, redacted and without them (a complaint's record); deletion does not.
      const kept = mutation.name === 'erasePerson' ? ['Case case-person (needs (n)-[:RAISED_BY]->(:Organization|Person))'] : [];
      expect({ mutation: mutation.name, orphans: await orphans() }).toEqual({ mutation: mutation.name, orphans: kept });
      expect({ mutation: mutation.name, standalone: await standaloneKeys() }).toEqual({ mutation: mutation.name, standalone: before.filter((key) => key !== targetKey) });
      walked.push(mutation.name);
    }
    expect(walked).toHaveLength(deletes.length);
  });

  it('deletes what belonged only to the node, and keeps what others still hold', async () => {
    await server.reset();
    const ids = await server.importGraph(WORLD);
    await server.data(/* GraphQL */ `mutation ($id: ID!) { deleteOrganization(id: $id, force: true) }`, { id: ids['target-organization'] });
    const left = (await server.db.read<{ key: string }>('MATCH (n:Entity) RETURN n.key AS key')).map((row) => row.key);
    // Its history, order, deal (with the deal's history) and case are gone; the contact about it had a participant, so it stays.
    for (const key of ['lc-1', 'lc-2', 'order-1', 'opp-1', 'sc-1', 'case-org', 'asset-of-org']) expect(left).not.toContain(key);
    expect(left).toEqual(expect.arrayContaining(['int-about-org', 'product-a', 'product-b', 'person-buyer', 'user-owner']));

    await server.data(/* GraphQL */ `mutation ($id: ID!) { deletePerson(id: $id) }`, { id: ids['target-person'] });
    const afterPerson = (await server.db.read<{ key: string }>('MATCH (n:Entity) RETURN n.key AS key')).map((row) => row.key);
    for (const key of ['consent-1', 'consent-2', 'int-solo', 'case-person']) expect(afterPerson).not.toContain(key);
    expect(afterPerson).toEqual(expect.arrayContaining(['int-shared', 'opp-2']));
  });
});
