import fs from 'node:fs';
import path from 'node:path';
import { expect } from '@jest/globals';
import type { Core } from 'cytoscape';
import type { Locator, Page } from 'playwright-core';

export const SCREENSHOTS = path.join(__dirname, 'screenshots');

export interface DrawnEdge {
  type: string;
  fromId: string;
  toId: string;
}

/**
 * Opens the explorer at `/`, which redirects to /explorer/, and signs in: with `token`, or with
 * the development token the form comes filled in with (the test ADMIN's, as npm start offers its ADMIN's).
 */
export async function signIn(page: Page, baseUrl: string, token?: string): Promise<void> {
  await page.goto(`${baseUrl}/`);
  expect(new URL(page.url()).pathname).toBe('/explorer/');
  const input = page.locator('#sign-in-token');
  if (token === undefined) await page.waitForFunction(() => Boolean((globalThis as any).document.getElementById('sign-in-token').value));
  else await input.fill(token);
  await page.locator('#sign-in-submit').click();
  await page.locator('#app').waitFor({ state: 'visible' });
}

/** Types into the search box and picks the hit with this name by keyboard, as a user without a mouse would. */
/**
 * Waits until the element shows `text` (a substring, or the whole text for a RegExp such as
 * /^Anna Weber$/): the page updates after a round trip, so reading it once races the API.
 */
export async function waitForText(locator: Locator, text: string | RegExp): Promise<void> {
  await locator.filter({ hasText: text }).waitFor();
}

export async function searchAndPick(page: Page, text: string, name: string): Promise<void> {
  const input = page.locator('#search-input');
  await input.fill('');
  await input.fill(text);
  const options = page.locator('#search-results [role=option]');
  await options.first().waitFor();
  const names = await options.locator('strong').allTextContents();
  const index = names.indexOf(name);
  if (index < 0) throw new Error(`"${name}" is not among the hits for "${text}": ${names.join(', ')}`);
  for (let i = 0; i < index; i++) await input.press('ArrowDown');
  await input.press('Enter');
  await waitForMap(page);
}

/** Waits until the map is drawn and no request of the map is running. */
export async function waitForMap(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const { cy, document } = globalThis as any;
    const map = document.getElementById('map');
    return Boolean(cy && cy.nodes().length > 0 && !map.hasAttribute('aria-busy'));
  });
}

export async function drawnNodeIds(page: Page): Promise<string[]> {
  return (await page.evaluate(() => ((globalThis as any).cy as Core).nodes().map((node) => node.id()))).sort();
}

export async function drawnEdges(page: Page): Promise<string[]> {
  const edges = await page.evaluate(() =>
    ((globalThis as any).cy as Core).edges().map((edge) => ({ type: edge.data('type') as string, fromId: edge.source().id(), toId: edge.target().id() })),
  );
  return edges.map(edgeText).sort();
}

export function edgeText(edge: DrawnEdge): string {
  return `${edge.fromId} -${edge.type}-> ${edge.toId}`;
}

/** The highlighted path as drawn: its nodes and hops in path order. */
export async function highlightedPath(page: Page): Promise<{ nodeIds: string[]; edges: string[] }> {
  const drawn = await page.evaluate(() => ({
    nodes: ((globalThis as any).cy as Core).nodes('.on-path').map((node) => ({ id: node.id(), index: node.data('pathIndex') as number })),
    edges: ((globalThis as any).cy as Core).edges('.on-path').map((edge) => ({ index: edge.data('pathIndex') as number, type: edge.data('type') as string, fromId: edge.source().id(), toId: edge.target().id() })),
  }));
  return {
    nodeIds: drawn.nodes.sort((a, b) => a.index - b.index).map((node) => node.id),
    edges: drawn.edges.sort((a, b) => a.index - b.index).map(edgeText),
  };
}

/** Clicks a node where the map draws it (double: the double-click that expands it). */
export async function clickNode(page: Page, id: string, clicks: 1 | 2 = 1): Promise<void> {
  const position = await page.evaluate((nodeId) => {
    const cy = ((globalThis as any).cy as Core);
    const node = cy.getElementById(nodeId);
    if (node.empty()) return null;
    cy.center(node);
    const box = cy.container()!.getBoundingClientRect();
    const rendered = node.renderedPosition();
    return { x: box.left + rendered.x, y: box.top + rendered.y };
  }, id);
  if (!position) throw new Error(`node ${id} is not on the map`);
  if (clicks === 2) await page.mouse.dblclick(position.x, position.y);
  else await page.mouse.click(position.x, position.y);
}

export async function screenshot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`) });
}
