import type { ImportDocument } from '../../src/import';
import { useTestServer } from '../support/test-server';

const WORLD: ImportDocument = {
  nodes: [{ type: 'Person', key: 'anna', properties: { name: 'Anna Weber', email: 'anna.weber@acme.example', phone: '+49 40 123' } }],
};

const SUBMIT = /* GraphQL */ `mutation ($input: ContactFormInput!) { submitContactForm(input: $input) { accepted } }`;
const form = (email: string, extra: Record<string, unknown> = {}) => ({
  input: {
    email, name: 'Somebody', organizationName: 'Acme', message: 'Please send me the heat-pump brochure.',
    consents: [{ channel: 'EMAIL', purpose: 'newsletter' }, { channel: 'EMAIL', purpose: 'event-invitations' }],
    textVersion: 'web-2026-11', source: 'website-contact', ...extra,
  },
});

const COUNTS = `
CALL () { MATCH (c:Consent) RETURN count(c) AS consents }
CALL () { MATCH (e:Event) RETURN count(e) AS events }
CALL () { MATCH (p:Person) RETURN count(p) AS people }
RETURN consents, events, people`;

describe('web forms with double opt-in, over HTTP', () => {
  const { server, ids } = useTestServer({ graph: WORLD });
  beforeAll(() => {
    process.env.PUBLIC_URL = server.baseUrl;
  });
  afterAll(() => {
    delete process.env.PUBLIC_URL;
  });

  /** The raw HTTP answer of a submission, so known and unknown addresses can be compared byte for byte. */
  const submitRaw = async (variables: Record<string, unknown>) => {
    // As a website's back end does: with a credential that may submit contact forms and nothing else.
    const headers = { 'content-type': 'application/json', ...(await server.credentials('WEB_FORM')) };
    const response = await fetch(server.url, { method: 'POST', headers, body: JSON.stringify({ query: SUBMIT, variables }) });
    return { status: response.status, body: await response.text() };
  };
  const counts = async () => (await server.db.read<{ consents: number; events: number; people: number }>(COUNTS))[0];
  const confirmationLinks = async () => {
    const { events } = await server.data(/* GraphQL */ `{ events(first: 100, types: ["consent.confirmation_requested"]) { targetIds data } }`);
    return events as { targetIds: string[]; data: { personId: string; url: string } }[];
  };
  const consentsOf = async (personId: string) =>
    (await server.data(/* GraphQL */ `query ($id: ID!) { node(id: $id) { ... on Person { consents { channel purpose granted source textVersion } } } }`, { id: personId })).node.consents;

  it('grants nothing on submission, answers a known and an unknown address alike, and the link grants once', async () => {
    const before = await counts();
    const known = await submitRaw(form('Anna.Weber@ACME.example'));
    const unknown = await submitRaw(form('new.person@example.org'));
    expect(known).toEqual({ status: 200, body: '{"data":{"submitContactForm":{"accepted":true}}}\n' });
    expect(unknown).toEqual(known);

    const afterSubmit = await counts();
    expect(afterSubmit.consents).toBe(before.consents);
    expect(afterSubmit.people).toBe(before.people + 1);
    expect(await consentsOf(ids.anna)).toEqual([]);
    const { node } = await server.data(/* GraphQL */ `query ($id: ID!) { node(id: $id) { ... on Person { name interactions { edges { node { type direction summary } } } } } }`, { id: ids.anna });
    expect(node.name).toBe('Anna Weber');
    expect(node.interactions.edges).toEqual([{ node: { type: 'WEB_FORM', direction: 'INBOUND', summary: 'Organization: Acme\nPlease send me the heat-pump brochure.' } }]);

    const [annaLink, newLink] = await confirmationLinks();
    expect(annaLink.data.personId).toBe(ids.anna);
    expect(annaLink.targetIds).toEqual([ids.anna]);
    expect(annaLink.data.url).toMatch(new RegExp(`^${server.baseUrl}/consent/confirm\\?token=[A-Za-z0-9_-]{43}$`));
    expect(newLink.data.url).not.toBe(annaLink.data.url);

    const first = await fetch(annaLink.data.url);
    expect(first.status).toBe(200);
    expect(first.headers.get('content-type')).toMatch(/text\/html/);
    const page = await first.text();
    expect(page).toContain('newsletter');
    expect(page).not.toContain('anna');
    const granted = [
      { channel: 'EMAIL', purpose: 'event-invitations', granted: true, source: 'double-opt-in:website-contact', textVersion: 'web-2026-11' },
      { channel: 'EMAIL', purpose: 'newsletter', granted: true, source: 'double-opt-in:website-contact', textVersion: 'web-2026-11' },
    ];
    expect(await consentsOf(ids.anna)).toEqual(expect.arrayContaining(granted));
    expect((await consentsOf(ids.anna)).length).toBe(2);

    const afterConfirm = await counts();
    const second = await fetch(annaLink.data.url);
    expect(second.status).toBe(410);
    expect(await second.text()).toContain('no longer valid');
    expect(await counts()).toEqual(afterConfirm);
  });

  it('writes nothing for a forged, a malformed or an expired token', async () => {
    await submitRaw(form('forged.test@example.org'));
    const [, , link] = await confirmationLinks();
    const before = await counts();
    for (const url of [
      `${server.baseUrl}/consent/confirm?token=${'A'.repeat(43)}`,
      `${server.baseUrl}/consent/confirm?token=<script>`,
      `${server.baseUrl}/consent/confirm`,
    ]) {
      const response = await fetch(url);
      expect(response.status).toBe(410);
      expect(await response.text()).not.toContain('<script>');
    }
    await server.db.write("MATCH (r:ConsentRequest) SET r.expiresAt = datetime() - duration('PT1S')");
    expect((await fetch(link.data.url)).status).toBe(410);
    expect(await counts()).toEqual(before);
  });

  it('takes at most 5 submissions per address and hour, whatever the spelling', async () => {
    for (let i = 0; i < 5; i++) expect((await server.data(SUBMIT, form(i % 2 ? 'busy@example.org' : 'BUSY@example.org'))).submitContactForm).toEqual({ accepted: true });
    const sixth = await server.gql(SUBMIT, form('busy@example.org'));
    expect(sixth.errors?.[0].extensions?.code).toBe('TOO_MANY_REQUESTS');
    expect((await server.data(SUBMIT, form('other@example.org'))).submitContactForm).toEqual({ accepted: true });
    const bad = await server.gql(SUBMIT, form('not-an-address'));
    expect(bad.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const noText = await server.gql(SUBMIT, form('text@example.org', { textVersion: null }));
    expect(noText.errors?.[0].message).toMatch(/textVersion is required/);
  });
});
