/**
 * The graph from the keyboard, at 1440x900 and 390x844: the skip link puts
 * focus on the graph and its cursor on the selected actor (Pakistan); each
 * arrow moves the cursor to a neighbour of Pakistan lying that way (or, when
 * none does, to another actor that way), and the live region names it; Enter
 * selects it (details panel, URL); Escape clears the selection and the cursor.
 * While the graph has the cursor, the arrows and Space leave time alone.
 */
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toDay } from '../../src/core/dates';
import { buildExplorerModel } from '../../src/core/explorer-model';
import { validateDataset } from '../../src/core/validate';
import { launchBrowser, openApp } from './browser';

const seed = validateDataset(JSON.parse(readFileSync('graph-data/seed.json', 'utf8'))).dataset!;
const model = buildExplorerModel(seed);
const DATE = '2025-03-01';
const label = (id: string) => model.actorsById.get(id)!.label;

/** Pakistan's neighbours at the date: the other ends of its active relations and "part of" links. */
const neighbours = new Set<string>();
for (const id of model.index.stateAt(toDay(DATE)).relations) {
  const r = model.relationsById.get(id)!;
  if (r.source === 'pakistan') neighbours.add(r.target);
  if (r.target === 'pakistan') neighbours.add(r.source);
}
for (const a of seed.actors) {
  if (a.parent === 'pakistan') neighbours.add(a.id);
  if (a.id === 'pakistan' && a.parent) neighbours.add(a.parent);
}

const ARROWS = {
  ArrowRight: { x: 1, y: 0 },
  ArrowLeft: { x: -1, y: 0 },
  ArrowDown: { x: 0, y: 1 },
  ArrowUp: { x: 0, y: -1 },
} as const;

const cursor = (page: Page) => page.evaluate(() => window.__allegiance!.keyboardCursor());
const note = (page: Page) => page.getByTestId('graph-cursor-note').textContent();
const position = async (page: Page, id: string) =>
  (await page.evaluate((a) => window.__allegiance!.clientPosition('actor', a), id))!;

/** Whether `to` lies in an arrow's quarter of the plane seen from `from` (screen pixels). */
function liesTowards(
  from: { x: number; y: number },
  to: { x: number; y: number },
  arrow: keyof typeof ARROWS,
) {
  const u = ARROWS[arrow];
  const along = (to.x - from.x) * u.x + (to.y - from.y) * u.y;
  const across = Math.abs((to.x - from.x) * u.y - (to.y - from.y) * u.x);
  return along > 0 && across <= along + 0.5;
}

/** Focus the graph the way a keyboard user does: the skip link, then Enter. */
async function skipToGraph(page: Page) {
  await page.getByRole('link', { name: 'Skip to the graph' }).focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.activeElement?.id === 'graph');
}

describe.each([
  ['1440', { width: 1440, height: 900 }],
  ['390', { width: 390, height: 844 }],
])('the graph from the keyboard at %s px', (width, viewport) => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => browser?.close());

  it('is reached by Tab from the page start and leaves time alone', async () => {
    const page = await openApp(browser, `/?date=${DATE}`, viewport);
    await page.keyboard.press('Tab');
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe(
      'Skip to the graph',
    );
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.id === 'graph');
    // Nothing selected: the cursor starts on an actor and the live region names it.
    const start = await cursor(page);
    expect(start).not.toBeNull();
    await expect(note(page)).resolves.toContain(label(start!));
    for (const key of ['ArrowRight', 'ArrowDown', 'ArrowLeft', 'ArrowUp', ' ', 'Shift+ArrowRight'])
      await page.keyboard.press(key);
    expect(await page.evaluate(() => window.__allegiance!.date())).toBe(DATE);
    expect(await page.evaluate(() => window.__allegiance!.playing())).toBe(false);
    // [ and ] still step through events from the graph.
    await page.keyboard.press(']');
    await page.waitForFunction((d) => window.__allegiance!.date() !== d, DATE);
    await page.close();
  });

  it("moves between Pakistan's neighbours, selects with Enter and clears with Escape", async () => {
    const page = await openApp(browser, `/?date=${DATE}&select=actor:pakistan`, viewport);
    await page.waitForFunction((d) => window.__allegiance?.date() === d, DATE);
    let moves = 0;
    for (const arrow of Object.keys(ARROWS) as (keyof typeof ARROWS)[]) {
      // Back on Pakistan: focusing the graph puts the cursor on the selected actor.
      await page.locator('body').focus();
      await skipToGraph(page);
      expect(await cursor(page)).toBe('pakistan');
      await expect(note(page)).resolves.toContain('Pakistan');
      await page.keyboard.press(arrow);
      const to = (await cursor(page))!;
      if (to === 'pakistan') continue; // nothing lies that way
      await expect(note(page)).resolves.toContain(label(to));
      // The view keeps the cursor on screen.
      const graph = (await page.getByTestId('graph').boundingBox())!;
      const from = await position(page, 'pakistan'); // after any pan, as `at`
      const at = await position(page, to);
      expect(at.x).toBeGreaterThanOrEqual(graph.x);
      expect(at.x).toBeLessThanOrEqual(graph.x + graph.width);
      expect(at.y).toBeGreaterThanOrEqual(graph.y);
      expect(at.y).toBeLessThanOrEqual(graph.y + graph.height);
      expect(liesTowards(from, at, arrow), `${arrow} to ${to}`).toBe(true);
      if (!neighbours.has(to)) {
        // Another actor only when no neighbour lies that way.
        for (const n of neighbours) {
          const other = await position(page, n);
          if (other)
            expect(liesTowards(from, other, arrow), `${arrow}: neighbour ${n}`).toBe(false);
        }
      } else moves++;
    }
    expect(moves).toBeGreaterThanOrEqual(2);
    expect(await page.evaluate(() => window.__allegiance!.date())).toBe(DATE);

    // Enter selects the neighbour the cursor is on.
    await page.locator('body').focus();
    await skipToGraph(page);
    let target = 'pakistan';
    for (const key of Object.keys(ARROWS) as (keyof typeof ARROWS)[]) {
      await page.keyboard.press(key);
      target = (await cursor(page))!;
      if (neighbours.has(target)) break;
      await page.locator('body').focus();
      await skipToGraph(page);
    }
    expect(neighbours.has(target)).toBe(true);
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.getByTestId('details').locator('h2').textContent())
      .toBe(label(target));
    await expect.poll(() => new URL(page.url()).searchParams.get('select')).toBe(`actor:${target}`);
    await expect(note(page)).resolves.toContain(`${label(target)}`);
    await page.screenshot({ path: `test-results/canvas-keyboard-${width}.png` });

    // Escape clears the selection and the cursor.
    await page.keyboard.press('Escape');
    await expect.poll(() => new URL(page.url()).searchParams.get('select')).toBeNull();
    expect(await cursor(page)).toBeNull();
    await expect(note(page)).resolves.toBe('');
    await page.close();
  });
});
