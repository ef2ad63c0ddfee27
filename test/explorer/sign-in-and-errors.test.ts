import { SignJWT } from 'jose';
import type { Page } from 'playwright-core';
import { TEST_ADMIN, type TestServer } from '../support/test-server';
import { launchBrowser, type Browser } from './browser';
import { screenshot, searchAndPick, signIn, waitForText } from './explorer-page';
import { SETUP_TIMEOUT_MS, startSampleWorld, tokenOf } from './sample-world';

/** A token of the test ADMIN that expired a minute ago, signed with the server's secret. */
function expiredToken(server: TestServer): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({}).setProtectedHeader({ alg: 'HS256' }).setSubject(TEST_ADMIN.key).setIssuedAt(now - 3600).setExpirationTime(now - 60)
    .sign(new TextEncoder().encode(server.auth.jwtSecret));
}

const sessionToken = (page: Page) => page.evaluate(() => (globalThis as any).sessionStorage.getItem('xrm-explorer.token') as string | null);

describe('signing in, expired credentials, API errors and GraphiQL', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    server = await startSampleWorld();
    browser = await launchBrowser();
    page = await browser.context.newPage();
  }, SETUP_TIMEOUT_MS);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('comes filled in with the development token, checks it by asking viewer, and sends it with every request', async () => {
    const credentials: (string | undefined)[] = [];
    const operations: string[] = [];
    await page.route('**/graphql', async (route) => {
      credentials.push(route.request().headers().authorization);
      operations.push(JSON.parse(route.request().postData() ?? '{}').query ?? '');
      await route.continue();
    });
    await signIn(page, server.baseUrl);
    expect(operations[0]).toMatch(/viewer \{ user \{ name \}/);
    await waitForText(page.locator('#signed-in-as'), TEST_ADMIN.name);
    await searchAndPick(page, 'Bau Schmidt', 'Bau Schmidt Installationen GmbH');
    await page.unroute('**/graphql');
    expect(credentials.length).toBeGreaterThanOrEqual(3);
    expect(new Set(credentials)).toEqual(new Set([`Bearer ${await sessionToken(page)}`]));
  });

  it('leads back to sign-in when the API answers 401 UNAUTHENTICATED, and keeps the map for afterwards', async () => {
    // The token of this tab expires: the API refuses it, and the explorer says so.
    const expired = await expiredToken(server);
    await page.evaluate((token) => (globalThis as any).sessionStorage.setItem('xrm-explorer.token', token), expired);
    await page.locator('#tab-influence').click();
    await page.locator('#sign-in').waitFor({ state: 'visible' });
    await waitForText(page.locator('#sign-in-message'), 'The token has expired; sign in again');
    expect(await sessionToken(page)).toBeNull();
    await screenshot(page, 'sign-in-after-expiry');

    await page.locator('#sign-in-token').fill(await tokenOf(server, TEST_ADMIN.key));
    await page.locator('#sign-in-submit').click();
    await page.locator('#app').waitFor({ state: 'visible' });
    expect(await page.evaluate(() => (globalThis as any).cy.nodes().length)).toBeGreaterThan(50);
  });

  it('refuses a token at the sign-in screen when the API refuses it', async () => {
    await page.locator('#sign-out').click();
    await page.locator('#sign-in-token').fill('a-revoked-token');
    await page.locator('#sign-in-submit').click();
    await waitForText(page.locator('#sign-in-message'), 'The API did not accept this token: The token is malformed');
    expect(await page.locator('#app').isVisible()).toBe(false);
    await page.locator('#sign-in-token').fill(await tokenOf(server, TEST_ADMIN.key));
    await page.locator('#sign-in-submit').click();
    await page.locator('#app').waitFor({ state: 'visible' });
  });

  it("shows a PARTNER only its own customers: one Nordgroß does not serve cannot be found", async () => {
    const partner = await browser.context.newPage();
    try {
      await signIn(partner, server.baseUrl, await tokenOf(server, 'u-partner-nordgross'));
      await waitForText(partner.locator('#signed-in-as'), 'Jana Kröger · Nordgroß Haustechnik-Großhandel GmbH & Co. KG');
      // A customer Nordgroß serves is found and drawn …
      await searchAndPick(partner, 'Bau Schmidt', 'Bau Schmidt Installationen GmbH');
      // … one it does not serve is not there at all, though an ADMIN finds it.
      const { search } = await server.data('{ search(text: "Isar Immobilien", types: ["Organization"]) { node { ... on Organization { name } } } }');
      expect(search.map((hit: any) => hit.node.name)).toContain('Isar Immobilien Gruppe GmbH');
      await partner.locator('#search-input').fill('Isar Immobilien');
      await partner.locator('#search-status').getByText('Nothing found for “Isar Immobilien”.').waitFor();
      expect(await partner.locator('#search-results [role=option]').count()).toBe(0);
      await screenshot(partner, 'partner-search-hides-other-customers');
    } finally {
      await partner.close();
    }
  });

  it('shows the API’s error when the map cannot be drawn, instead of swallowing it', async () => {
    const { createOrganization } = await server.data('mutation { createOrganization(input: { name: "Kurzlebig Heizung GmbH", kinds: [PROSPECT] }) { id } }');
    await searchAndPick(page, 'Kurzlebig', 'Kurzlebig Heizung GmbH');
    await server.data('mutation ($id: ID!) { deleteOrganization(id: $id) }', { id: createOrganization.id });
    await page.getByRole('button', { name: 'Redraw' }).click();
    const notice = page.locator('#notice');
    await notice.getByText('NOT_FOUND').waitFor();
    expect(await notice.getAttribute('role')).toBe('alert');
    await screenshot(page, 'api-error-shown');
  });

  it('serves GraphiQL at /graphql to a browser, working without the internet', async () => {
    const graphiql = await browser.context.newPage();
    const requests: string[] = [];
    const errors: string[] = [];
    graphiql.on('request', (request) => requests.push(request.url()));

    graphiql.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    await graphiql.goto(`${server.baseUrl}/graphql`);
    await graphiql.locator('.graphiql-container').waitFor();
    // GraphiQL's Run does nothing until its Monaco editors are up, which on a busy machine is well
    // after the container shows: a click before that is lost. So first the example in the query
    // editor, and the response editor.
    await graphiql.locator('.graphiql-query-editor .view-line').filter({ hasText: 'Bau Schmidt' }).first().waitFor();
    await graphiql.locator('.graphiql-response .monaco-editor').first().waitFor();
    await graphiql.locator('.graphiql-execute-button').click();
    await graphiql.locator('.graphiql-response').getByText('Bau Schmidt Installationen GmbH').waitFor();
    await screenshot(graphiql, 'graphiql-offline');
    expect(requests.filter((url) => !url.startsWith(server.baseUrl) && !/^(blob|data):/.test(url))).toEqual([]);
    expect(errors).toEqual([]);
    await graphiql.close();
  });
});
