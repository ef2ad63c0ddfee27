import { buildSchema } from '../../src/graphql/schema';
import { resolvers } from '../../src/areas';
import type { ImportDocument } from '../../src/import';
import { useTestServer } from '../support/test-server';

/** A customer with Anna working there, Bea on the newsletter list, a distributor, Kim (KAM) and a product to write around. */
const WORLD: ImportDocument = {
  nodes: [
    { type: 'Organization', key: 'acme', properties: { name: 'Acme Heizung', kinds: ['CUSTOMER'], lifecycleStage: 'CUSTOMER' } },
    { type: 'Organization', key: 'grosso', properties: { name: 'Grosso Handel', kinds: ['DISTRIBUTOR'] } },
    { type: 'Person', key: 'anna', properties: { name: 'Anna Weber', email: 'anna.weber@acme.example', phone: '+49 40 111' } },
    { type: 'User', key: 'kim', properties: { name: 'Kim Berg', roles: ['KEY_ACCOUNT_MANAGER'] } },
    { type: 'Product', key: 'wp8', properties: { sku: 'WP-8', name: 'Wärmepumpe 8 kW', price: 9000 } },
    { type: 'Person', key: 'bea', properties: { name: 'Bea Nord' } },
    { type: 'Consent', key: 'bea-newsletter', properties: { channel: 'EMAIL', purpose: 'newsletter', granted: true, at: '2026-01-10T09:00:00Z' } },
  ],
  relationships: [
    { type: 'WORKS_AT', from: 'anna', to: 'acme', properties: { title: 'Einkauf' } },
    { type: 'GAVE', from: 'bea', to: 'bea-newsletter', properties: {} },
  ],
};

/** Personal values the mutations below write; none may ever show up in an audit entry. */
const PERSONAL = ['Carla Privat', 'carla@privat.example', '+49 40 777', 'Anna Weber', 'anna.weber@acme.example', '+49 40 111', '+49 40 999', 'Uli Neu', 'uli.neu@waermewerk.example'];

/** What the cases remember of earlier ones (ids of created nodes). */
type State = Record<string, string>;
type Read = (cypher: string) => Promise<Record<string, unknown>[]>;

interface Case {
  operation: string;
  /** Built at run time from the ids at hand. */
  query: string;
  variables: (ids: State) => Record<string, unknown>;
  /** The ids the entry must name, exactly (order aside). */
  /** The nodes the entry must name; `read` queries the store for ids the answer does not show. */
  targets: (ids: State, answer: any, read: Read) => string[] | Promise<string[]>;
  /** Remember what the answer created. */
  remember?: (ids: State, answer: any) => void;
}

const link = (operation: string, input: string, fromId: string, toId: string, extra = ''): Case => ({
  operation,
  query: `mutation ($from: ID!, $to: ID!) { ${operation}(input: { ${input.replace('$FROM', '$from').replace('$TO', '$to')} ${extra} }) { created } }`,
  variables: (ids) => ({ from: ids[fromId], to: ids[toId] }),
  targets: (ids) => [ids[fromId], ids[toId]],
});

const unlink = (operation: string, fromArg: string, toArg: string, fromId: string, toId: string): Case => ({
  operation,
  query: `mutation ($from: ID!, $to: ID!) { ${operation}(${fromArg}: $from, ${toArg}: $to) }`,
  variables: (ids) => ({ from: ids[fromId], to: ids[toId] }),
  targets: (ids) => [ids[fromId], ids[toId]],
});

// Operations assembled at run time (link/unlink above) are not marked /* GraphQL */: the linter
// validates the literal ones below, which cover the same inputs.
const CASES: Case[] = [
  {
    operation: 'createOrganization',
    query: /* GraphQL */ `mutation { createOrganization(input: { name: "Neu Bau GmbH", kinds: [CUSTOMER] }) { id } }`,
    variables: () => ({}),
    targets: (_ids, answer) => [answer.createOrganization.id],
    remember: (ids, answer) => (ids.neu = answer.createOrganization.id),
  },
  {
    operation: 'updateOrganization',
    query: /* GraphQL */ `mutation ($id: ID!) { updateOrganization(id: $id, input: { city: "Kiel" }) { id } }`,
    variables: (ids) => ({ id: ids.neu }),
    targets: (ids) => [ids.neu],
  },
  {
    operation: 'createPerson',
    query: /* GraphQL */ `mutation { createPerson(input: { name: "Carla Privat", email: "carla@privat.example", phone: "+49 40 777" }) { id } }`,
    variables: () => ({}),
    targets: (_ids, answer) => [answer.createPerson.id],
    remember: (ids, answer) => (ids.carla = answer.createPerson.id),
  },
  {
    operation: 'updatePerson',
    query: /* GraphQL */ `mutation ($id: ID!) { updatePerson(id: $id, input: { phone: "+49 40 999" }) { id } }`,
    variables: (ids) => ({ id: ids.anna }),
    targets: (ids) => [ids.anna],
  },
  link('linkWorksAt', 'personId: $FROM, organizationId: $TO', 'carla', 'neu', 'title: "Leitung"'),
  link('linkReportsTo', 'personId: $FROM, managerId: $TO', 'carla', 'anna'),
  link('linkKnows', 'fromId: $FROM, toId: $TO', 'kim', 'carla', 'strength: 0.5'),
  link('linkInfluences', 'fromId: $FROM, toId: $TO', 'anna', 'carla', 'weight: 0.5'),
  link('linkServes', 'partnerId: $FROM, customerId: $TO', 'grosso', 'neu', 'as: DISTRIBUTOR'),
  link('linkSubsidiaryOf', 'subsidiaryId: $FROM, parentId: $TO', 'neu', 'acme'),
  link('linkManages', 'userId: $FROM, organizationId: $TO', 'kim', 'neu', 'as: ACCOUNT_OWNER'),
  unlink('unlinkWorksAt', 'personId', 'organizationId', 'carla', 'neu'),
  unlink('unlinkReportsTo', 'personId', 'managerId', 'carla', 'anna'),
  unlink('unlinkKnows', 'fromId', 'toId', 'kim', 'carla'),
  unlink('unlinkInfluences', 'fromId', 'toId', 'anna', 'carla'),
  unlink('unlinkServes', 'partnerId', 'customerId', 'grosso', 'neu'),
  unlink('unlinkSubsidiaryOf', 'subsidiaryId', 'parentId', 'neu', 'acme'),
  unlink('unlinkManages', 'userId', 'organizationId', 'kim', 'neu'),
  {
    operation: 'createOpportunity',
    query: /* GraphQL */ `mutation ($acme: ID!, $kim: ID!) { createOpportunity(input: { name: "Neubau", accountId: $acme, ownerId: $kim, amount: 50000 }) { id } }`,
    variables: (ids) => ({ acme: ids.acme, kim: ids.kim }),
    targets: (ids, answer) => [ids.acme, ids.kim, answer.createOpportunity.id],
    remember: (ids, answer) => (ids.deal = answer.createOpportunity.id),
  },
  {
    operation: 'updateOpportunity',
    query: /* GraphQL */ `mutation ($id: ID!) { updateOpportunity(id: $id, input: { amount: 60000 }) { id } }`,
    variables: (ids) => ({ id: ids.deal }),
    targets: (ids) => [ids.deal],
  },
  {
    operation: 'changeOpportunityStage',
    query: /* GraphQL */ `mutation ($id: ID!) { changeOpportunityStage(opportunityId: $id, stage: PROPOSAL) { id } }`,
    variables: (ids) => ({ id: ids.deal }),
    targets: (ids) => [ids.deal],
  },
  {
    operation: 'setBuyingRole',
    query: /* GraphQL */ `mutation ($deal: ID!, $anna: ID!) { setBuyingRole(opportunityId: $deal, personId: $anna, roles: [DECISION_MAKER]) { roles } }`,
    variables: (ids) => ({ deal: ids.deal, anna: ids.anna }),
    targets: (ids) => [ids.deal, ids.anna],
  },
  {
    operation: 'removeBuyingRole',
    query: /* GraphQL */ `mutation ($deal: ID!, $anna: ID!) { removeBuyingRole(opportunityId: $deal, personId: $anna) }`,
    variables: (ids) => ({ deal: ids.deal, anna: ids.anna }),
    targets: (ids) => [ids.deal, ids.anna],
  },
  {
    operation: 'deleteOpportunity',
    query: /* GraphQL */ `mutation ($id: ID!) { deleteOpportunity(id: $id) }`,
    variables: (ids) => ({ id: ids.deal }),
    targets: (ids) => [ids.deal],
  },
  {
    operation: 'logInteraction',
    query: /* GraphQL */ `mutation ($kim: ID!, $anna: ID!, $acme: ID!) {
      logInteraction(input: { type: CALL, occurredAt: "2026-11-02T09:00:00Z", summary: "Rückruf bei Anna Weber", participantIds: [$kim, $anna], aboutIds: [$acme] }) { id }
    }`,
    variables: (ids) => ({ kim: ids.kim, anna: ids.anna, acme: ids.acme }),
    targets: (ids, answer) => [ids.kim, ids.anna, ids.acme, answer.logInteraction.id],
    remember: (ids, answer) => (ids.call = answer.logInteraction.id),
  },
  {
    operation: 'recordCredit',
    query: /* GraphQL */ `mutation ($id: ID!) { recordCredit(interactionId: $id, amount: 150, reason: "goodwill") { creditAmount } }`,
    variables: (ids) => ({ id: ids.call }),
    targets: (ids) => [ids.call],
  },
  {
    operation: 'placeOrder',
    query: /* GraphQL */ `mutation ($acme: ID!, $wp8: ID!) { placeOrder(accountId: $acme, date: "2026-11-03", lines: [{ productId: $wp8, quantity: 1, amount: 9000 }]) { id } }`,
    variables: (ids) => ({ acme: ids.acme, wp8: ids.wp8 }),
    targets: (ids, answer) => [ids.acme, ids.wp8, answer.placeOrder.id],
  },
  {
    operation: 'changeLifecycleStage',
    query: /* GraphQL */ `mutation ($acme: ID!) { changeLifecycleStage(accountId: $acme, stage: KEY_ACCOUNT, reason: "Rahmenvertrag") { id } }`,
    variables: (ids) => ({ acme: ids.acme }),
    targets: (ids) => [ids.acme],
  },
  {
    operation: 'recordConsent',
    query: /* GraphQL */ `mutation ($anna: ID!) { recordConsent(personId: $anna, channel: EMAIL, purpose: "newsletter", source: "web-form", textVersion: "v1") { id } }`,
    variables: (ids) => ({ anna: ids.anna }),
    targets: (ids, answer) => [ids.anna, answer.recordConsent.id],
  },
  {
    operation: 'withdrawConsent',
    query: /* GraphQL */ `mutation ($anna: ID!) { withdrawConsent(personId: $anna, channel: EMAIL, purpose: "newsletter", source: "unsubscribe-link") { id } }`,
    variables: (ids) => ({ anna: ids.anna }),
    targets: (ids, answer) => [ids.anna, answer.withdrawConsent.id],
  },
  {
    operation: 'raiseCase',
    query: /* GraphQL */ `mutation ($anna: ID!, $wp8: ID!) { raiseCase(input: { subject: "Fehler E4", raisedById: $anna, productId: $wp8 }) { id } }`,
    variables: (ids) => ({ anna: ids.anna, wp8: ids.wp8 }),
    targets: (ids, answer) => [ids.anna, ids.wp8, answer.raiseCase.id],
    remember: (ids, answer) => (ids.case = answer.raiseCase.id),
  },
  {
    operation: 'assignCase',
    query: /* GraphQL */ `mutation ($case: ID!, $kim: ID!) { assignCase(caseId: $case, userId: $kim) { id } }`,
    variables: (ids) => ({ case: ids.case, kim: ids.kim }),
    targets: (ids) => [ids.case, ids.kim],
  },
  {
    operation: 'resolveCase',
    query: /* GraphQL */ `mutation ($case: ID!) { resolveCase(caseId: $case, resolution: "Sensor getauscht") { id } }`,
    variables: (ids) => ({ case: ids.case }),
    targets: (ids) => [ids.case],
  },
  {
    operation: 'rateCase',
    query: /* GraphQL */ `mutation ($case: ID!) { rateCase(caseId: $case, satisfaction: 4) { id } }`,
    variables: (ids) => ({ case: ids.case }),
    targets: (ids) => [ids.case],
  },
  {
    operation: 'closeCase',
    query: /* GraphQL */ `mutation ($case: ID!) { closeCase(caseId: $case) { id } }`,
    variables: (ids) => ({ case: ids.case }),
    targets: (ids) => [ids.case],
  },
  {
    operation: 'createProduct',
    query: /* GraphQL */ `mutation { createProduct(input: { sku: "WP-12", name: "Wärmepumpe 12 kW" }) { id } }`,
    variables: () => ({}),
    targets: (_ids, answer) => [answer.createProduct.id],
    remember: (ids, answer) => (ids.wp12 = answer.createProduct.id),
  },
  {
    operation: 'updateProduct',
    query: /* GraphQL */ `mutation ($id: ID!) { updateProduct(id: $id, input: { price: 12000 }) { id } }`,
    variables: (ids) => ({ id: ids.wp12 }),
    targets: (ids) => [ids.wp12],
  },
  {
    operation: 'deleteProduct',
    query: /* GraphQL */ `mutation ($id: ID!) { deleteProduct(id: $id) { id } }`,
    variables: (ids) => ({ id: ids.wp12 }),
    targets: (ids) => [ids.wp12],
  },
  {
    operation: 'recomputeTiers',
    query: /* GraphQL */ `mutation { recomputeTiers(asOf: "2026-11-20") { totalRevenue } }`,
    variables: () => ({}),
    targets: () => [],
  },
  {
    operation: 'importGraph',
    query: /* GraphQL */ `mutation ($graph: JSON!) { importGraph(graph: $graph) { nodesCreated } }`,
    variables: () => ({ graph: { nodes: [{ type: 'Person', key: 'imported', properties: { name: 'Carla Privat', email: 'carla@privat.example' } }] } }),
    targets: () => [],
  },
  {
    operation: 'createUser',
    query: /* GraphQL */ `mutation ($acme: ID!) { createUser(input: { name: "Uli Neu", email: "uli.neu@waermewerk.example", roles: [PARTNER], actsForId: $acme }) { id } }`,
    variables: (ids) => ({ acme: ids.acme }),
    targets: (ids, answer) => [ids.acme, answer.createUser.id],
    remember: (ids, answer) => (ids.uli = answer.createUser.id),
  },
  {
    operation: 'updateUser',
    query: /* GraphQL */ `mutation ($id: ID!) { updateUser(id: $id, input: { active: false, actsForId: null }) { id } }`,
    variables: (ids) => ({ id: ids.uli }),
    targets: (ids) => [ids.uli],
  },
  {
    operation: 'deleteUser',
    query: /* GraphQL */ `mutation ($id: ID!) { deleteUser(id: $id) }`,
    variables: (ids) => ({ id: ids.uli }),
    targets: (ids) => [ids.uli],
  },
  {
    operation: 'createApiKey',
    query: /* GraphQL */ `mutation { createApiKey(input: { name: "Carla Privat's app", roles: [SALES] }) { apiKey { id } secret } }`,
    variables: () => ({}),
    targets: (_ids, answer) => [answer.createApiKey.apiKey.id],
    remember: (ids, answer) => {
      ids.key = answer.createApiKey.apiKey.id;
      ids.secret = answer.createApiKey.secret;
    },
  },
  {
    operation: 'revokeApiKey',
    query: /* GraphQL */ `mutation ($id: ID!) { revokeApiKey(id: $id) { id } }`,
    variables: (ids) => ({ id: ids.key }),
    targets: (ids) => [ids.key],
  },
  {
    operation: 'restrictProcessing',
    query: /* GraphQL */ `mutation ($id: ID!) { restrictProcessing(personId: $id, reason: "Anna Weber objects to profiling") { id } }`,
    variables: (ids) => ({ id: ids.anna }),
    targets: (ids) => [ids.anna],
  },
  {
    operation: 'liftRestriction',
    query: /* GraphQL */ `mutation ($id: ID!) { liftRestriction(personId: $id) { id } }`,
    variables: (ids) => ({ id: ids.anna }),
    targets: (ids) => [ids.anna],
  },
  {
    operation: 'recordReferral',
    query: /* GraphQL */ `mutation ($from: ID!, $to: ID!) { recordReferral(fromId: $from, toId: $to, note: "Carla Privat says hello") }`,
    variables: (ids) => ({ from: ids.anna, to: ids.neu }),
    targets: (ids) => [ids.anna, ids.neu],
  },
  {
    operation: 'createAsset',
    query: /* GraphQL */ `mutation ($acme: ID!, $wp8: ID!, $grosso: ID!) {
      createAsset(input: { serialNumber: "SN-1", installedAt: "2010-05-01", operatorId: $acme, productId: $wp8, maintainerIds: [$grosso] }) { id }
    }`,
    variables: (ids) => ({ acme: ids.acme, wp8: ids.wp8, grosso: ids.grosso }),
    targets: (ids, answer) => [ids.acme, ids.wp8, ids.grosso, answer.createAsset.id],
    remember: (ids, answer) => (ids.asset = answer.createAsset.id),
  },
  {
    operation: 'updateAsset',
    query: /* GraphQL */ `mutation ($id: ID!) { updateAsset(id: $id, input: { status: OUT_OF_SERVICE }) { id } }`,
    variables: (ids) => ({ id: ids.asset }),
    targets: (ids) => [ids.asset],
  },
  {
    operation: 'deleteAsset',
    query: /* GraphQL */ `mutation ($id: ID!) { deleteAsset(id: $id) { id } }`,
    variables: (ids) => ({ id: ids.asset }),
    targets: (ids) => [ids.asset],
  },
  {
    operation: 'setSalesTarget',
    query: /* GraphQL */ `mutation ($kim: ID!) { setSalesTarget(userId: $kim, period: "2026-Q4", amount: 250000) }`,
    variables: (ids) => ({ kim: ids.kim }),
    targets: (ids) => [ids.kim],
  },
  {
    operation: 'recomputeCommunities',
    query: /* GraphQL */ `mutation { recomputeCommunities(minSize: 2) { communities } }`,
    variables: () => ({}),
    targets: () => [],
  },
  {
    operation: 'createCampaign',
    query: /* GraphQL */ `mutation { createCampaign(input: { name: "Herbst-Newsletter", channel: EMAIL, purpose: "newsletter" }) { id } }`,
    variables: () => ({}),
    targets: (_ids, answer) => [answer.createCampaign.id],
    remember: (ids, answer) => (ids.campaign = answer.createCampaign.id),
  },
  {
    operation: 'updateCampaign',
    query: /* GraphQL */ `mutation ($id: ID!) { updateCampaign(id: $id, input: { name: "Herbst-Newsletter 2026" }) { id } }`,
    variables: (ids) => ({ id: ids.campaign }),
    targets: (ids) => [ids.campaign],
  },
  {
    operation: 'targetCampaign',
    query: /* GraphQL */ `mutation ($id: ID!) { targetCampaign(campaignId: $id) { targeted } }`,
    variables: (ids) => ({ id: ids.campaign }),
    targets: (ids) => [ids.campaign],
  },
  {
    operation: 'recordCampaignResponse',
    query: /* GraphQL */ `mutation ($id: ID!, $bea: ID!) { recordCampaignResponse(campaignId: $id, personId: $bea, kind: OPENED) { kind } }`,
    variables: (ids) => ({ id: ids.campaign, bea: ids.bea }),
    targets: (ids) => [ids.campaign, ids.bea],
  },
  {
    operation: 'deleteCampaign',
    query: /* GraphQL */ `mutation ($id: ID!) { deleteCampaign(id: $id) }`,
    variables: (ids) => ({ id: ids.campaign }),
    targets: (ids) => [ids.campaign],
  },
  {
    operation: 'submitContactForm',
    query: /* GraphQL */ `mutation { submitContactForm(input: { email: "uli.neu@waermewerk.example", name: "Uli Neu", source: "website" }) { accepted } }`,
    variables: () => ({}),
    // The answer names no one (a form must not tell who exists); the entry names the person and the contact.
    targets: async (_ids, _answer, read) =>
      (await read(`MATCH (p:Person {email: 'uli.neu@waermewerk.example'})-[:PARTICIPATED_IN]->(i:Interaction) RETURN [p.id, i.id] AS ids`)).flatMap((row) => row.ids as string[]),
  },
  {
    operation: 'createWebhook',
    query: /* GraphQL */ `mutation { createWebhook(input: { url: "http://127.0.0.1:9/hook" }) { webhook { id } } }`,
    variables: () => ({}),
    targets: (_ids, answer) => [answer.createWebhook.webhook.id],
    remember: (ids, answer) => (ids.webhook = answer.createWebhook.webhook.id),
  },
  {
    operation: 'enableWebhook',
    query: /* GraphQL */ `mutation ($id: ID!) { enableWebhook(id: $id) { id } }`,
    variables: (ids) => ({ id: ids.webhook }),
    targets: (ids) => [ids.webhook],
  },
  {
    operation: 'deleteWebhook',
    query: /* GraphQL */ `mutation ($id: ID!) { deleteWebhook(id: $id) }`,
    variables: (ids) => ({ id: ids.webhook }),
    targets: (ids) => [ids.webhook],
  },
  {
    operation: 'deletePerson',
    query: /* GraphQL */ `mutation ($id: ID!) { deletePerson(id: $id) }`,
    variables: (ids) => ({ id: ids.carla }),
    targets: (ids) => [ids.carla],
  },
  {
    operation: 'deleteOrganization',
    query: /* GraphQL */ `mutation ($id: ID!) { deleteOrganization(id: $id) }`,
    variables: (ids) => ({ id: ids.neu }),
    targets: (ids) => [ids.neu],
  },
  {
    operation: 'erasePerson',
    query: /* GraphQL */ `mutation ($id: ID!) { erasePerson(personId: $id, reason: "Anna Weber asked to be forgotten") }`,
    variables: (ids) => ({ id: ids.anna }),
    targets: (ids) => [ids.anna],
  },
];

interface Entry {
  id: string;
  at: string;
  actorId: string;
  actorKind: string;
  operation: string;
  targetIds: string[];
}

const ENTRIES = 'MATCH (a:AuditEntry) RETURN properties(a) AS entry ORDER BY a.at';

describe('the audit log', () => {
  const { server, ids } = useTestServer({ graph: WORLD });
  const state: State = {};
  const entries = async () => (await server.db.read<{ entry: Entry }>(ENTRIES)).map((row) => row.entry);
  let adminId: string;

  beforeAll(async () => {
    Object.assign(state, ids);
    adminId = (await server.data(/* GraphQL */ `{ viewer { user { id } } }`)).viewer.user.id;
  });

  it('has a case below for every mutation of the schema', () => {
    const mutations = Object.keys(buildSchema(resolvers).getMutationType()!.getFields()).sort();
    expect(CASES.map((c) => c.operation).sort()).toEqual(mutations);
  });

  describe.each(CASES.map((c) => [c.operation, c] as const))('%s', (_operation, c) => {
    it('leaves exactly one entry: the actor, the operation and the nodes it touched', async () => {
      const before = await entries();
      const answer = await server.data(c.query, c.variables(state));
      c.remember?.(state, answer);
      const added = (await entries()).filter((entry) => !before.some((old) => old.id === entry.id));
      expect(added).toHaveLength(1);
      expect(added[0]).toEqual({
        id: expect.any(String),
        at: expect.any(String),
        actorId: adminId,
        actorKind: 'user',
        operation: c.operation,
        targetIds: expect.any(Array),
      });
      expect([...added[0].targetIds].sort()).toEqual([...new Set(await c.targets(state, answer, (cypher) => server.db.read(cypher)))].sort());
    });
  });

  it('never copies a personal value into an entry', async () => {
    const all = await entries();
    expect(all.length).toBeGreaterThanOrEqual(CASES.length);
    const text = JSON.stringify(all);
    for (const value of PERSONAL) expect(text).not.toContain(value);
    for (const entry of all) for (const id of entry.targetIds) expect(id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('leaves no entry for a failed mutation: unknown id, refused input, a refused transition, or FORBIDDEN', async () => {
    const before = (await entries()).length;
    const unknown = await server.gql(/* GraphQL */ `mutation { updateOrganization(id: "00000000-0000-4000-8000-000000000000", input: { city: "Kiel" }) { id } }`);
    expect(unknown.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const badInput = await server.gql(/* GraphQL */ `mutation { createPerson(input: { name: "Carla Privat", email: "not-an-email" }) { id } }`);
    expect(badInput.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const refused = await server.gql(/* GraphQL */ `mutation ($acme: ID!) { changeLifecycleStage(accountId: $acme, stage: LEAD) { id } }`, { acme: state.acme });
    expect(refused.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const forbidden = await server.as('READ_ONLY').gql(/* GraphQL */ `mutation { createOrganization(input: { name: "Nope" }) { id } }`);
    expect(forbidden.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await entries()).length).toBe(before);
  });

  it('names an API key as the actor when a client app mutates', async () => {
    const { createApiKey } = await server.data(/* GraphQL */ `mutation { createApiKey(input: { name: "crm front end", roles: [SALES] }) { apiKey { id } secret } }`);
    const { createOrganization } = await server
      .as({ apiKey: createApiKey.secret })
      .data(/* GraphQL */ `mutation { createOrganization(input: { name: "Per App GmbH" }) { id } }`);
    const [entry] = (await entries()).slice(-1);
    expect(entry).toMatchObject({ actorId: createApiKey.apiKey.id, actorKind: 'apiKey', operation: 'createOrganization', targetIds: [createOrganization.id] });
  });

  describe('auditLog', () => {
    it('pages the log newest first, each entry once', async () => {
      const all = (await entries()).reverse();
      const seen: string[] = [];
      let after: string | null = null;
      for (;;) {
        const page: any = (
          await server.data(/* GraphQL */ `query ($after: String) { auditLog(first: 7, after: $after) {
            totalCount pageInfo { hasNextPage endCursor } edges { node { id at actorId actorKind operation targetIds } } } }`, { after })
        ).auditLog;
        expect(page.totalCount).toBe(all.length);
        seen.push(...page.edges.map((edge: any) => edge.node.id));
        if (!page.pageInfo.hasNextPage) break;
        after = page.pageInfo.endCursor;
      }
      expect(seen).toEqual(all.map((entry) => entry.id));
    });

    it('filters by actor, target and time', async () => {
      const all = (await entries()).reverse();
      const byTarget = await server.data(/* GraphQL */ `query ($id: ID!) { auditLog(filter: { targetId: $id }) { edges { node { operation } } } }`, { id: state.carla });
      expect(byTarget.auditLog.edges.map((edge: any) => edge.node.operation)).toEqual(
        all.filter((entry) => entry.targetIds.includes(state.carla)).map((entry) => entry.operation),
      );
      expect(byTarget.auditLog.edges.map((edge: any) => edge.node.operation)).toEqual(expect.arrayContaining(['createPerson', 'linkWorksAt', 'deletePerson']));

      const byActor = await server.data(/* GraphQL */ `query ($id: ID!) { auditLog(filter: { actorId: $id }, first: 100) { totalCount } }`, { id: adminId });
      expect(byActor.auditLog.totalCount).toBe(all.filter((entry) => entry.actorId === adminId).length);

      const middle = all[Math.floor(all.length / 2)];
      const since = await server.data(/* GraphQL */ `query ($from: DateTime!) { auditLog(filter: { from: $from }, first: 100) { totalCount } }`, { from: middle.at });
      const until = await server.data(/* GraphQL */ `query ($to: DateTime!) { auditLog(filter: { to: $to }, first: 100) { totalCount } }`, { to: '2000-01-01T00:00:00Z' });
      expect(since.auditLog.totalCount).toBe(all.filter((entry) => entry.at >= middle.at).length);
      expect(until.auditLog.totalCount).toBe(0);
    });

    it('is for ADMIN only', async () => {
      for (const role of ['KEY_ACCOUNT_MANAGER', 'SERVICE', 'READ_ONLY', 'PARTNER'] as const) {
        const result = await server.as(role).gql(/* GraphQL */ `{ auditLog { totalCount } }`);
        expect(result.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      }
    });
  });
});
