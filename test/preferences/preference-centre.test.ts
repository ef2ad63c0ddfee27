import { SignJWT } from 'jose';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { ImportDocument } from '../../src/import';
import { linkSigningSecret } from '../../src/public-links';
import { CHROMIUM_PATH, launchBrowser } from '../explorer/browser';
import { useTestServer } from '../support/test-server';

const WORLD: ImportDocument = {
  nodes: [
    { type: 'Person', key: 'anna', properties: { name: 'Anna Weber', email: 'anna.weber@acme.example', phone: '+49 40 555 0101', title: 'Leiterin Einkauf' } },
    { type: 'Person', key: 'bert', properties: { name: 'Bert Brandt', email: 'bert@acme.example' } },
    { type: 'Consent', key: 'c1', properties: { channel: 'EMAIL', purpose: 'newsletter', granted: true, at: '2026-01-01T00:00:00Z', source: 'web-form' } },
    { type: 'Consent', key: 'c2', properties: { channel: 'PHONE', purpose: 'product-news', granted: true, at: '2026-01-01T00:00:00Z', source: 'phone' } },
    { type: 'Consent', key: 'c3', properties: { channel: 'SMS', purpose: 'newsletter', granted: true, at: '2026-01-01T00:00:00Z', source: 'web-form' } },
    { type: 'Campaign', key: 'camp', properties: { name: 'Fair invitation', channel: 'POST', purpose: 'event-invitations' } },
  ],
  relationships: [{ type: 'GAVE', from: 'anna', to: 'c1' }, { type: 'GAVE', from: 'anna', to: 'c2' }, { type: 'GAVE', from: 'bert', to: 'c3' }],
};

const LINK = /* GraphQL */ `query ($id: ID!, $ttl: Int) { preferenceLink(personId: $id, ttlDays: $ttl) }`;
const CURRENT = /* GraphQL */ `query ($id: ID!) { node(id: $id) { ... on Person { consents(current: true) { channel purpose granted source } } } }`;

/** The switches the page shows, as "CHANNEL|purpose" → ticked. */
async function switches(page: Page): Promise<Record<string, boolean>> {
  const boxes = await page.locator('input[type=checkbox][name=on]').all();
  return Object.fromEntries(await Promise.all(boxes.map(async (box) => [await box.getAttribute('value'), await box.isChecked()])));
}

describe('the preference centre in a real browser', () => {
  const { server, ids } = useTestServer({ graph: WORLD });
  let browser: Browser;
  let page: Page;
  beforeAll(async () => {
    process.env.PUBLIC_URL = server.baseUrl;
    await (await launchBrowser()).close(); // fails with the way to install Chromium when it is missing
    // Without JavaScript: the page must work as plain HTML forms.
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
    page = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
  });
  afterAll(async () => {
    delete process.env.PUBLIC_URL;
    await browser?.close();
  });

  it('lists the consents, withdraws with a switch, and shows nothing else about the person', async () => {
    const link: string = (await server.data(LINK, { id: ids.anna })).preferenceLink;
    expect(link.startsWith(`${server.baseUrl}/preferences/`)).toBe(true);

    const response = await page.goto(link);
    expect(response?.status()).toBe(200);
    expect(await page.locator('h1').textContent()).toBe('Your preferences');
    expect(await page.textContent('body')).toContain('Anna Weber');
    // Every channel for every purpose used by a consent or a campaign.
    const shown = await switches(page);
    expect(Object.keys(shown)).toHaveLength(5 * 3);
    expect(Object.entries(shown).filter(([, on]) => on).map(([key]) => key).sort()).toEqual(['EMAIL|newsletter', 'PHONE|product-news']);
    const html = await page.content();
    for (const secret of ['anna.weber@acme.example', '+49 40 555 0101', 'Leiterin Einkauf', ids.anna, 'Bert']) expect(html).not.toContain(secret);
    expect(await page.locator('script').count()).toBe(0);

    await page.uncheck('input[value="EMAIL|newsletter"]');
    await page.check('input[value="POST|event-invitations"]');
    await Promise.all([page.waitForURL(/done=saved/), page.click('button[value=save]')]);
    expect(await page.textContent('[role=status]')).toBe('Your choices are saved.');
    expect(Object.entries(await switches(page)).filter(([, on]) => on).map(([key]) => key).sort()).toEqual(['PHONE|product-news', 'POST|event-invitations']);
    const { node } = await server.data(CURRENT, { id: ids.anna });
    expect(node.consents).toEqual(expect.arrayContaining([
      { channel: 'EMAIL', purpose: 'newsletter', granted: false, source: 'preference-centre' },
      { channel: 'POST', purpose: 'event-invitations', granted: true, source: 'preference-centre' },
      { channel: 'PHONE', purpose: 'product-news', granted: true, source: 'phone' },
    ]));
    const { events } = await server.data(/* GraphQL */ `{ events(first: 100, types: ["consent.withdrawn", "consent.granted"]) { type actorId targetIds } }`);
    expect(events.map((event: any) => [event.type, event.actorId, event.targetIds[0]])).toEqual([
      ['consent.granted', ids.anna, ids.anna], ['consent.withdrawn', ids.anna, ids.anna],
    ]);
  });

  it('opens one case per request for the service team', async () => {
    const link: string = (await server.data(LINK, { id: ids.anna })).preferenceLink;
    await page.goto(link);
    await Promise.all([page.waitForURL(/done=export/), page.click('button[value=export]')]);
    expect(await page.textContent('[role=status]')).toMatch(/copy of your data/);
    await Promise.all([page.waitForURL(/done=export/), page.click('button[value=export]')]);
    await Promise.all([page.waitForURL(/done=erasure/), page.click('button[value=erasure]')]);
    const cases = await server.db.read<{ subject: string; status: string }>(
      'MATCH (c:Case)-[:RAISED_BY]->(:Person {id: $id}) RETURN c.subject AS subject, c.status AS status ORDER BY subject', { id: ids.anna });
    expect(cases).toEqual([{ subject: 'data export request', status: 'OPEN' }, { subject: 'erasure request', status: 'OPEN' }]);
  });

  it('answers 410 to a forged, a tampered or an expired link, and writes nothing', async () => {
    const link: string = (await server.data(LINK, { id: ids.bert })).preferenceLink;
    const token = link.slice(link.lastIndexOf('/') + 1);
    const [header, payload, signature] = token.split('.');
    const otherPerson = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(payload, 'base64url').toString()), sub: ids.anna })).toString('base64url');
    const expired = await new SignJWT({}).setProtectedHeader({ alg: 'HS256' }).setSubject(ids.bert).setAudience('preference-centre')
      .setIssuedAt(Math.floor(Date.now() / 1000) - 7200).setExpirationTime(Math.floor(Date.now() / 1000) - 3600).sign(linkSigningSecret());
    const before = await server.db.read('MATCH (c:Consent) RETURN count(c) AS n');
    for (const bad of ['not-a-token', `${header}.${otherPerson}.${signature}`, expired]) {
      const response = await page.goto(`${server.baseUrl}/preferences/${bad}`);
      expect(response?.status()).toBe(410);
      expect(await page.textContent('h1')).toBe('This link is no longer valid');
      const posted = await fetch(`${server.baseUrl}/preferences/${bad}`, { method: 'POST', body: 'action=save', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
      expect(posted.status).toBe(410);
    }
    expect(await server.db.read('MATCH (c:Consent) RETURN count(c) AS n')).toEqual(before);
  });

  it('refuses an unknown person and a ttl outside 1…365 days', async () => {
    expect((await server.gql(LINK, { id: 'no-such-person' })).errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect((await server.gql(LINK, { id: ids.anna, ttl: 0 })).errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });
});
