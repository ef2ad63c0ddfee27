import fs from 'node:fs';
import type { Page } from 'playwright-core';
import type { TestServer } from '../support/test-server';
import { launchBrowser, type Browser } from './browser';
import { clickNode, drawnEdges, drawnNodeIds, edgeText, screenshot, searchAndPick, signIn, waitForMap, waitForText } from './explorer-page';
import { idOf, SETUP_TIMEOUT_MS, startSampleWorld } from './sample-world';

const NETWORK = `query ($id: ID!, $depth: Int!, $nodeLimit: Int!) {
  accountNetwork(accountId: $id, depth: $depth, nodeLimit: $nodeLimit) { truncated nodes { node { id } } edges { type fromId toId } }
}`;

describe('the stakeholder map in the browser', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  const requests: string[] = [];

  beforeAll(async () => {
    server = await startSampleWorld();
    browser = await launchBrowser();
    page = await browser.context.newPage();
    page.on('request', (request) => requests.push(request.url()));
  }, SETUP_TIMEOUT_MS);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function network(key: string, depth: number, nodeLimit: number) {
    const { accountNetwork } = await server.data(NETWORK, { id: await idOf(server, key), depth, nodeLimit });
    return {
      truncated: accountNetwork.truncated as boolean,
      nodeIds: accountNetwork.nodes.map((entry: any) => entry.node.id).sort(),
      edges: accountNetwork.edges.map(edgeText).sort(),
    };
  }

  it('signs in at / and draws the network of "Bau Schmidt" exactly as accountNetwork returns it', async () => {
    await signIn(page, server.baseUrl);
    await searchAndPick(page, 'Bau Schmidt', 'Bau Schmidt Installationen GmbH');
    const expected = await network('org-bau-schmidt', 2, 200);
    expect(await drawnNodeIds(page)).toEqual(expected.nodeIds);
    expect(await drawnEdges(page)).toEqual(expected.edges);
    expect(await page.locator('#panel-title').textContent()).toBe('Bau Schmidt Installationen GmbH');
    await screenshot(page, 'map-bau-schmidt');
  });

  it('opens a person’s details in the side panel when the person is clicked', async () => {
    const anna = await idOf(server, 'p-anna-weber');
    await clickNode(page, anna);
    await waitForText(page.locator('#panel-title'), /^Anna Weber$/);
    await page.locator('#details-facts dl').waitFor();
    const facts = await page.locator('#details-facts').textContent();
    expect(facts).toContain('Leiterin Einkauf');
    expect(facts).toContain('Bau Schmidt Installationen GmbH');
    await screenshot(page, 'person-panel-anna-weber');
  });

  it('redraws at depth 1, and says "truncated" when the node limit cuts the network', async () => {
    await page.locator('#map-depth').selectOption('1');
    await waitForMap(page);
    await page.waitForFunction(() => !(globalThis as any).document.getElementById('map').hasAttribute('aria-busy'));
    const depthOne = await network('org-bau-schmidt', 1, 200);
    await expect(drawnNodeIds(page)).resolves.toEqual(depthOne.nodeIds);
    expect(depthOne.truncated).toBe(false);
    expect(await page.locator('#map-truncated').count()).toBe(0);

    await page.locator('#map-node-limit').fill('8');
    await page.locator('#map-node-limit').press('Enter');
    await page.locator('#map-truncated').waitFor();
    const cut = await network('org-bau-schmidt', 1, 8);
    expect(cut.truncated).toBe(true);
    expect(await drawnNodeIds(page)).toEqual(cut.nodeIds);
    expect(await drawnEdges(page)).toEqual(cut.edges);
    await screenshot(page, 'map-truncated');
  });

  it('adds a node’s own network to the map on double-click', async () => {
    await page.locator('#map-node-limit').fill('200');
    await page.locator('#map-node-limit').press('Enter');
    await page.locator('#map-truncated').waitFor({ state: 'detached' });
    const nordgross = await idOf(server, 'org-nordgross');
    const before = await drawnNodeIds(page);
    await clickNode(page, nordgross, 2);
    await page.locator('#notice').getByText(/Added \d+ nodes around Nordgroß/).waitFor();
    const around = await network('org-nordgross', 1, 200);
    const after = await drawnNodeIds(page);
    expect(after).toEqual([...new Set([...before, ...around.nodeIds])].sort());
    const edges = await drawnEdges(page);
    for (const edge of around.edges) expect(edges).toContain(edge);
    await screenshot(page, 'map-expanded-nordgross');
  });

  it('exports the map as PNG and as SVG', async () => {
    const [png] = await Promise.all([page.waitForEvent('download'), page.locator('#export-png').click()]);
    expect(png.suggestedFilename()).toBe('stakeholder-map-bau-schmidt-installationen-gmbh.png');
    const pngBytes = fs.readFileSync((await png.path())!);
    expect(pngBytes.subarray(1, 4).toString()).toBe('PNG');

    const [svg] = await Promise.all([page.waitForEvent('download'), page.locator('#export-svg').click()]);
    expect(svg.suggestedFilename()).toBe('stakeholder-map-bau-schmidt-installationen-gmbh.svg');
    const svgText = fs.readFileSync((await svg.path())!, 'utf8');
    expect(svgText).toContain('<svg');
    expect(svgText).toContain('Anna Weber');
  });

  it('never asked anything of another origin (no CDN, no fonts, no telemetry)', () => {
    expect(requests.length).toBeGreaterThan(0);
    expect(requests.filter((url) => !url.startsWith(server.baseUrl) && !url.startsWith('blob:') && !url.startsWith('data:'))).toEqual([]);
  });
});
