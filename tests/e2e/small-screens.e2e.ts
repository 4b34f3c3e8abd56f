/**
 * The page at three sizes (1440x900, 1024x768, 390x844): the header keeps one
 * row and the canvas most of the width; on a phone the controls fold into a
 * menu, a tapped actor's details open as a bottom sheet, and the table
 * scrolls in its own box; the first visit's prompt; the skip links.
 * Screenshots go to test-results/small-<width>.png.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toDay } from '../../src/core/dates';
import { buildExplorerModel } from '../../src/core/explorer-model';
import { tokens } from '../../src/core/tokens';
import { validateDataset } from '../../src/core/validate';
import { launchBrowser, openApp } from './browser';

/**
 * The drawn actors whose symbol or label lies under the first-visit prompt, once none does (the
 * camera frames the graph above it as the prompt appears) or after 5 s.
 */
async function coveredByPrompt(page: Page): Promise<string[]> {
  const covered = () => {
    const card = document.querySelector('[data-testid=first-visit]')!.getBoundingClientRect();
    const hook = window.__allegiance!;
    const under = (x: number, y: number) =>
      x > card.left && x < card.right && y > card.top && y < card.bottom;
    return hook.drawnActors().filter((id) => {
      const at = hook.clientPosition('actor', id);
      const label = hook.labelBox(id);
      return (
        (at !== null && under(at.x, at.y)) ||
        (label !== null && label.x2 > card.left && label.x1 < card.right && label.y2 > card.top)
      );
    });
  };
  await page
    .waitForFunction(`(${covered.toString()})().length === 0`, undefined, { timeout: 5000 })
    .catch(() => {});
  return page.evaluate(covered);
}

const DESKTOP = { width: 1440, height: 900 };
const LAPTOP = { width: 1024, height: 768 };
const PHONE = { width: 390, height: 844 };

const box = async (page: Page, selector: string) =>
  (await page.locator(selector).first().boundingBox())!;

/** The page's own horizontal overflow: wider content than the viewport scrolls the whole page. */
const pageOverflow = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

async function tapActor(page: Page, id: string) {
  const at = await page.evaluate((a) => window.__allegiance!.clientPosition('actor', a), id);
  if (!at) throw new Error(`actor ${id} is not drawn`);
  await page.mouse.click(at.x, at.y);
}

describe('small screens', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
    mkdirSync('test-results', { recursive: true });
  });
  afterAll(async () => browser?.close());

  it.each([
    ['1440', DESKTOP],
    ['1024', LAPTOP],
  ])('keeps the header on one row and the canvas wide at %s px', async (width, viewport) => {
    const page = await openApp(browser, '/?date=2025-03-01', viewport);
    // One row: the header is no taller than its tallest control plus its padding.
    const header = await box(page, '.title-bar');
    const rowHeight = await page.evaluate(() => {
      const bar = document.querySelector('.title-bar')!;
      const heights = [...bar.querySelectorAll('button, input, select, .title-bar__text')]
        .filter((el) => el.getClientRects().length > 0)
        .map((el) => el.getBoundingClientRect().height);
      const style = getComputedStyle(bar);
      return Math.max(...heights) + parseFloat(style.paddingTop) + parseFloat(style.paddingBottom);
    });
    expect(header.height).toBeLessThanOrEqual(rowHeight + 2);
    expect(header.height).toBeLessThan(60);
    const graph = await box(page, '[data-testid="graph"]');
    expect(graph.width / viewport.width).toBeGreaterThanOrEqual(width === '1024' ? 0.6 : 0.55);
    expect(await pageOverflow(page)).toBeLessThanOrEqual(0);
    // The search and the view switch stay in the header; the view switch works.
    await page.getByRole('button', { name: 'Table' }).click();
    await page.locator('.relation-table').waitFor();
    await page.screenshot({ path: `test-results/small-${width}.png` });
    await page.close();
  });

  it('shows a cut title in full when it is tapped', async () => {
    const page = await openApp(browser, '/?date=2025-03-01', PHONE);
    const title = page.locator('h1');
    const cut = await title
      .locator('.title-bar__title-text')
      .evaluate((el) => el.scrollWidth > el.clientWidth);
    expect(cut).toBe(true);
    expect(
      await title
        .locator('.title-bar__title-text')
        .evaluate((el) => getComputedStyle(el).textOverflow),
    ).toBe('ellipsis');
    await title.getByRole('button').click();
    const full = page.locator('.title-bar__full');
    await expect(full.textContent()).resolves.toContain(await title.textContent());
    const shown = await full.boundingBox();
    expect(shown!.x + shown!.width).toBeLessThanOrEqual(PHONE.width);
    await page.keyboard.press('Escape');
    await full.waitFor({ state: 'detached' });
    await page.close();
  });

  it('opens a tapped actor as a bottom sheet on a phone', async () => {
    const page = await openApp(browser, '/?date=2025-03-01', PHONE);
    expect(await pageOverflow(page)).toBeLessThanOrEqual(0);
    await tapActor(page, 'pakistan');
    const sheet = page.locator('.panel--right');
    const title = sheet.locator('.details__title');
    await expect(title.textContent()).resolves.toBe('Pakistan');
    const at = (await sheet.boundingBox())!;
    expect(at.height).toBeGreaterThanOrEqual(PHONE.height * 0.5);
    expect(at.y + at.height).toBeLessThanOrEqual(PHONE.height + 1);
    // Its relations are listed, in a readable size, and the sheet scrolls inside.
    const relations = sheet.locator('.details__section');
    expect(await relations.count()).toBeGreaterThan(0);
    const sizes = await sheet
      .locator('.details__section a, .details__section button, .details__section li')
      .evaluateAll((els) => els.map((el) => parseFloat(getComputedStyle(el).fontSize)));
    expect(sizes.length).toBeGreaterThan(0);
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(12);
    const scrolls = await sheet.evaluate((el) => el.scrollHeight > el.clientHeight);
    expect(scrolls).toBe(true);
    await page.screenshot({ path: 'test-results/small-390.png' });
    // Its close button folds it; the graph gets its room back.
    await page.getByRole('button', { name: 'Close the side panel' }).click();
    await expect(
      page.getByRole('button', { name: 'Details & analysis' }).getAttribute('aria-expanded'),
    ).resolves.toBe('false');
    expect((await sheet.boundingBox())!.height).toBeLessThan(60);
    await page.close();
  });

  it('folds the header controls into a menu on a phone, and its view switch works', async () => {
    const page = await openApp(browser, '/?date=2025-03-01', PHONE);
    const header = await box(page, '.title-bar');
    expect(header.height).toBeLessThan(60);
    const table = page.getByRole('button', { name: 'Table' });
    expect(await table.isVisible()).toBe(false);
    await page.getByRole('button', { name: 'Menu' }).click();
    expect(await table.isVisible()).toBe(true);
    expect(await page.getByRole('combobox', { name: 'Search actors' }).isVisible()).toBe(true);
    expect(await page.getByRole('combobox', { name: 'Dataset' }).isVisible()).toBe(true);
    await page.screenshot({ path: 'test-results/small-390-menu.png' });
    await table.click();
    await page.locator('.relation-table tbody tr').first().waitFor();
    // Choosing a view closes the menu; the table scrolls in its own box, never the page.
    expect(await table.isVisible()).toBe(false);
    expect(await pageOverflow(page)).toBeLessThanOrEqual(0);
    const scroller = page.locator('.relation-table');
    const sideways = await scroller.evaluate((el) => el.scrollWidth > el.clientWidth);
    expect(sideways).toBe(true);
    expect((await scroller.boundingBox())!.width).toBeLessThanOrEqual(PHONE.width);
    await page.screenshot({ path: 'test-results/small-390-table.png' });
    // Escape closes an open menu and keeps focus on its button.
    const menu = page.getByRole('button', { name: 'Menu' });
    await menu.click();
    await page.keyboard.press('Escape');
    await expect(menu.getAttribute('aria-expanded')).resolves.toBe('false');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toContain('Menu');
    await page.close();
  });

  it('prompts a first visit to play the story, once', async () => {
    const context = await browser.newContext({ viewport: PHONE, reducedMotion: 'reduce' });
    const page = await openApp(browser, '/', PHONE);
    await page.close();
    // A fresh context per check: openApp's page has its own; this one keeps storage across reloads.
    const fresh = await context.newPage();
    await fresh.goto(page.url().replace(/\?.*$/, ''));
    await fresh.waitForFunction(() => window.__allegiance !== undefined);
    const prompt = fresh.getByRole('dialog', { name: 'New here?' });
    await prompt.waitFor();
    // Focus is on it, so the keyboard finds it first.
    expect(
      await fresh.evaluate(() => document.activeElement?.closest('[role=dialog]') !== null),
    ).toBe(true);
    // The graph is framed above it: no actor, nor its label, is under it.
    expect(await coveredByPrompt(fresh)).toEqual([]);
    await fresh.getByRole('button', { name: /^Play from 1979$/ }).click();
    await fresh.waitForFunction(() => window.__allegiance!.playing());
    expect((await fresh.evaluate(() => window.__allegiance!.date())).slice(0, 4)).toBe('1979');
    await prompt.waitFor({ state: 'detached' });
    await fresh.reload();
    await fresh.waitForFunction(() => window.__allegiance !== undefined);
    await fresh.getByRole('button', { name: 'Menu' }).waitFor();
    expect(await fresh.getByRole('dialog', { name: 'New here?' }).count()).toBe(0);
    await context.close();
  });

  it('dismisses the first-visit prompt with Escape, for good', async () => {
    const page = await openApp(browser, '/', DESKTOP, { firstVisit: true });
    const prompt = page.getByRole('dialog', { name: 'New here?' });
    await prompt.waitFor();
    // A band across the graph's bottom, here too with every actor framed above it.
    const [band, canvas] = await Promise.all([
      prompt.boundingBox(),
      page.locator('.graph-canvas').boundingBox(),
    ]);
    expect(band!.width).toBeGreaterThan(canvas!.width - 20);
    expect(await coveredByPrompt(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await prompt.waitFor({ state: 'detached' });
    await page.reload();
    await page.waitForFunction(() => window.__allegiance !== undefined);
    expect(await page.getByRole('dialog', { name: 'New here?' }).count()).toBe(0);
    await page.close();
  });

  it('works with storage blocked, without the prompt and without errors', async () => {
    const context = await browser.newContext({ viewport: DESKTOP, reducedMotion: 'reduce' });
    await context.addInitScript(() => {
      Object.defineProperty(window, 'localStorage', {
        get() {
          throw new DOMException('blocked', 'SecurityError');
        },
      });
    });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const base = await openApp(browser, '/', DESKTOP);
    await page.goto(base.url().replace(/\?.*$/, ''));
    await base.close();
    await page.waitForFunction(() => window.__allegiance !== undefined);
    expect(await page.getByRole('dialog', { name: 'New here?' }).count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });

  it.each([
    ['1440', DESKTOP],
    ['390', PHONE],
  ])(
    'skip links come first and move focus to the graph and the time bar at %s px',
    async (_, viewport) => {
      const page = await openApp(browser, '/?date=2025-03-01', viewport);
      await page.keyboard.press('Tab');
      const first = page.getByRole('link', { name: 'Skip to the graph' });
      expect(await first.evaluate((el) => el === document.activeElement)).toBe(true);
      expect((await first.boundingBox())!.y).toBeGreaterThanOrEqual(0); // visible once focused
      await page.keyboard.press('Enter');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('graph');

      // The second link is the next tab stop after the first.
      await first.focus();
      await page.keyboard.press('Tab');
      const second = page.getByRole('link', { name: 'Skip to the time bar' });
      expect(await second.evaluate((el) => el === document.activeElement)).toBe(true);
      await page.keyboard.press('Enter');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('time-bar');
      // The next Tab lands on a time bar control.
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.closest('#time-bar') !== null)).toBe(
        true,
      );
      await page.close();
    },
  );

  it("keeps phone labels legible, and shows a tapped actor's label and its neighbours' with room", async () => {
    const seed = validateDataset(JSON.parse(readFileSync('graph-data/seed.json', 'utf8'))).dataset!;
    const model = buildExplorerModel(seed);
    const neighbours = new Set<string>();
    for (const id of model.index.stateAt(toDay('2025-06-01')).relations) {
      const r = model.relationsById.get(id)!;
      if (r.source === 'pakistan') neighbours.add(r.target);
      if (r.target === 'pakistan') neighbours.add(r.source);
    }
    for (const a of seed.actors) if (a.parent === 'pakistan') neighbours.add(a.id);
    expect(neighbours.size).toBeGreaterThan(3);

    const page = await openApp(browser, '/?date=2025-06-01', PHONE);
    const labelSizes = () => page.evaluate(() => window.__allegiance!.labelSizes());
    // Some labels are shown, every one at least the phone's minimum on screen.
    const sizes = await labelSizes();
    expect(sizes.length).toBeGreaterThan(3);
    for (const { id, px } of sizes)
      expect(px, `label of ${id}`).toBeGreaterThanOrEqual(tokens.phoneLabelMinPx - 0.01);

    await tapActor(page, 'pakistan');
    await page.waitForFunction(
      () => window.__allegiance!.emphasis('actor', 'pakistan') === 'highlighted',
    );
    const shown = new Map((await labelSizes()).map((l) => [l.id, l.px]));
    expect(await page.evaluate(() => window.__allegiance!.labelBox('pakistan'))).not.toBeNull();
    // Most neighbours' labels, legible; one with no free place is hidden rather than drawn over
    // another (graph/labels.ts; tests/e2e/canvas-resize.e2e.ts checks none overlaps).
    const shownNeighbours = [...neighbours].filter((id) => shown.has(id));
    expect(shownNeighbours.length).toBeGreaterThan(neighbours.size / 2);
    for (const id of ['pakistan', ...shownNeighbours])
      expect(shown.get(id), `label of ${id}`).toBeGreaterThanOrEqual(tokens.phoneLabelMinPx - 0.01);
    await page.screenshot({ path: 'test-results/small-labels-390.png' });
    await page.close();
  });

  it.each([
    ['/', PHONE],
    ['/?date=2025-03-01&select=actor:pakistan', PHONE],
    ['/', LAPTOP],
  ])('has no serious or critical accessibility violations at %s (%o)', async (path, viewport) => {
    // As a first visit, so the prompt is checked too.
    const page = await openApp(browser, path, viewport, { firstVisit: true });
    await page.addScriptTag({
      path: createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
    });
    const violations =
      (await page.evaluate(`axe.run(document, { resultTypes: ['violations'] }).then((r) =>
      r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => v.id + ': ' + v.nodes.map((n) => n.target.join(' ')).join(', ')))`)) as string[];
    expect(violations).toEqual([]);
    await page.close();
  });
});
