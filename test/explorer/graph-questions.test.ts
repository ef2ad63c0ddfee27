import type { Page } from 'playwright-core';
import type { TestServer } from '../support/test-server';
import { launchBrowser, type Browser } from './browser';
import { drawnEdges, drawnNodeIds, edgeText, highlightedPath, screenshot, searchAndPick, signIn, waitForText } from './explorer-page';
import { idOf, SETUP_TIMEOUT_MS, startSampleWorld } from './sample-world';

const PATH = 'strength nodes { id } steps { type fromId toId }';

describe('graph questions in the explorer', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    server = await startSampleWorld();
    browser = await launchBrowser();
    page = await browser.context.newPage();
    await signIn(page, server.baseUrl);
  }, SETUP_TIMEOUT_MS);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  function expected(path: { nodes: { id: string }[]; steps: { type: string; fromId: string; toId: string }[] }) {
    return { nodeIds: path.nodes.map((node) => node.id), edges: path.steps.map(edgeText) };
  }

  it('"How do I reach Heike Wolters?" highlights the first of warmIntroductions', async () => {
    await searchAndPick(page, 'Heike Wolters', 'Heike Wolters');
    await page.locator('#tab-reach').click();
    await page.locator('#reach-results button[aria-pressed=true]').waitFor();
    const { warmIntroductions } = await server.data(`query ($id: ID!) { warmIntroductions(targetId: $id, maxHops: 4, first: 5) { ${PATH} } }`, {
      id: await idOf(server, 'p-heike-wolters'),
    });
    expect(warmIntroductions.length).toBeGreaterThan(1);
    expect(await highlightedPath(page)).toEqual(expected(warmIntroductions[0]));
    expect(await page.locator('#reach-results button.path-choice').count()).toBe(warmIntroductions.length);
    await screenshot(page, 'reach-heike-wolters');

    await page.locator('#reach-results button.path-choice').nth(2).click();
    expect(await highlightedPath(page)).toEqual(expected(warmIntroductions[2]));
  });

  it('lists who influences Heike Wolters, ranked as influencers ranks them', async () => {
    await page.locator('#tab-influence').click();
    await page.locator('#influence-results ol').waitFor();
    const { influencers } = await server.data(`query ($id: ID!) { influencers(targetId: $id, first: 10) {
      score influencer { ... on Person { name } ... on Organization { name } } paths { ${PATH} } } }`, { id: await idOf(server, 'p-heike-wolters') });
    const names = await page.locator('#influence-results ol > li > strong').allTextContents();
    expect(names).toEqual(influencers.map((score: any) => score.influencer.name));
    await page.locator('#influence-results button.path-choice').first().click();
    expect(await highlightedPath(page)).toEqual(expected(influencers[0].paths[0]));
    await screenshot(page, 'influencers-heike-wolters');
  });

  it('shows a buying center with its missing roles, coverage and a member’s best path', async () => {
    // The open deal with missing roles and the largest buying center.
    const { opportunities } = await server.data(`{ opportunities(first: 100, filter: { stages: [QUALIFICATION, PROPOSAL, NEGOTIATION] }) {
      edges { node { id name account { name } buyingCenter { missingRoles coverage members { person { id name } bestPath { ${PATH} } } } } } } }`);
    const [deal] = opportunities.edges
      .map((edge: any) => edge.node)
      .filter((node: any) => node.buyingCenter.missingRoles.length > 0 && node.buyingCenter.members.some((member: any) => member.bestPath))
      .sort((a: any, b: any) => b.buyingCenter.members.length - a.buyingCenter.members.length);
    expect(deal).toBeDefined();

    await searchAndPick(page, deal.account.name, deal.account.name);
    await page.locator('#tab-deals').click();
    await page.locator(`[data-opportunity-id="${deal.id}"]`).click();
    await page.locator('#missing-roles').waitFor();
    const missing = await page.locator('#missing-roles .chip.missing').allTextContents();
    expect(missing).toEqual(deal.buyingCenter.missingRoles.map((role: string) => role.toLowerCase().replace(/_/g, ' ')));
    await waitForText(page.locator('#buying-center'), `Coverage ${Math.round(deal.buyingCenter.coverage * 100)} %`);

    const member = deal.buyingCenter.members.find((candidate: any) => candidate.bestPath);
    await page.locator(`[data-person-id="${member.person.id}"]`).click();
    expect(await highlightedPath(page)).toEqual(expected(member.bestPath));
    await screenshot(page, 'buying-center-missing-roles');
  });

  it('shows what Nordgroß brings and marks its channel conflicts on the map', async () => {
    const nordgrossId = await idOf(server, 'org-nordgross');
    const { partnerCoverage } = await server.data(`query ($id: ID!) { partnerCoverage(partnerId: $id) {
      openPipeline customers { id } conflicts { customer { id name } partners { id } } } }`, { id: nordgrossId });
    await searchAndPick(page, 'Nordgroß', 'Nordgroß Haustechnik-Großhandel GmbH & Co. KG');
    await page.locator('#tab-partner').click();
    await page.locator('#partner-conflicts').waitFor();
    const euros = new Intl.NumberFormat('de-DE', { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 }).format(partnerCoverage.openPipeline);
    await waitForText(page.locator('#partner-results .kpi').first(), euros);
    const conflicts = await page.locator('#partner-conflicts li strong').allTextContents();
    expect(conflicts).toEqual(partnerCoverage.conflicts.map((conflict: any) => conflict.customer.name));
    expect(conflicts).toContain('Bau Schmidt Installationen GmbH');

    await page.locator('#draw-coverage').click();
    const others = partnerCoverage.conflicts.flatMap((conflict: any) => conflict.partners.map((partner: any) => partner.id));
    expect(await drawnNodeIds(page)).toEqual([...new Set([nordgrossId, ...partnerCoverage.customers.map((c: any) => c.id), ...others])].sort());
    const servesFromOthers = partnerCoverage.conflicts.flatMap((conflict: any) =>
      conflict.partners.map((partner: any) => edgeText({ type: 'SERVES', fromId: partner.id, toId: conflict.customer.id })));
    const drawn = await drawnEdges(page);
    for (const edge of servesFromOthers) expect(drawn).toContain(edge);
    const marked = await page.evaluate(() => (globalThis as any).cy.nodes('.conflict').map((node: any) => node.id()).sort());
    expect(marked).toEqual(partnerCoverage.conflicts.map((conflict: any) => conflict.customer.id).sort());
    await screenshot(page, 'partner-nordgross-conflicts');
  });

  it('draws the dashboard’s pipeline by stage and ABC tiers as charts', async () => {
    const { pipeline, dashboard } = await server.data('{ pipeline { stages { stage count } } dashboard { accountsPerTier { tier accounts } } }');
    await page.locator('#nav-dashboard').click();
    await page.locator('#chart-pipeline svg').waitFor();
    const pipelineText = await page.locator('#chart-pipeline svg desc').textContent();
    for (const stage of pipeline.stages) expect(pipelineText).toContain(`${stage.stage.toLowerCase()}: `);
    for (const stage of pipeline.stages) expect(pipelineText).toContain(`· ${stage.count} deals`);
    const tiersText = await page.locator('#chart-tiers svg desc').textContent();
    expect(tiersText).toBe(dashboard.accountsPerTier.map((row: any) => `Tier ${row.tier}: ${row.accounts} accounts`).join('; '));
    await screenshot(page, 'dashboard');
  });
});
