/**
 * The shipped UCDP example: its data is a static file fetched when it is
 * chosen in the dataset switcher (a failed download is said, and the dataset
 * on screen stays; the download shows the "Opening…" bar), its actors are
 * drawn, the data's credit line is on screen, a relation clicked on the
 * canvas shows the dataset rows it rests on, and the seed comes back.
 */
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Dataset } from '../../src/core/schema';
import { launchBrowser, openApp } from './browser';

const example = JSON.parse(
  readFileSync('graph-data/examples/ucdp-nonstate/dataset.json', 'utf8'),
) as Dataset;
const seed = JSON.parse(readFileSync('graph-data/seed.json', 'utf8')) as Dataset;
const relationsById = new Map(example.relations.map((r) => [r.id, r]));

const switcher = (page: Page) => page.getByRole('combobox', { name: 'Dataset' });
const EXAMPLE_OPTION = { label: 'Example: UCDP Non-State conflicts 1989–2021' };
/** The example's data file, as the build names it (`assets/ucdp-nonstate-<hash>.json`). */
const EXAMPLE_FILE = /\/assets\/ucdp-nonstate-[0-9a-f]+\.json$/;
const title = (page: Page) => page.locator('h1').textContent();

/**
 * A drawn relation whose midpoint is farthest from every drawn actor (most
 * conflicts are a pair on its own, so one is always clear of the rest), and
 * that midpoint in page coordinates.
 */
async function clearRelation(page: Page): Promise<{ id: string; x: number; y: number }> {
  const best = await page.evaluate(() => {
    const hook = window.__allegiance!;
    const actors = hook.drawnActors().flatMap((id) => hook.clientPosition('actor', id) ?? []);
    let found = { id: '', x: 0, y: 0, clearance: -1 };
    for (const id of hook.drawnRelations()) {
      const mid = hook.clientPosition('relation', id);
      if (!mid) continue;
      const clearance = Math.min(...actors.map((a) => Math.hypot(a.x - mid.x, a.y - mid.y)));
      if (clearance > found.clearance) found = { id, ...mid, clearance };
    }
    return found;
  });
  expect(best.clearance).toBeGreaterThan(8);
  return best;
}

describe('the UCDP Non-State example', () => {
  let browser: Browser;
  let page: Page;
  beforeAll(async () => {
    browser = await launchBrowser();
    page = await openApp(browser);
  });
  afterAll(async () => browser?.close());

  it('says so when its data cannot be fetched, and keeps the dataset on screen', async () => {
    const seedActors = await page.evaluate(() => window.__allegiance!.drawnActors());
    await page.route(EXAMPLE_FILE, (route) => route.fulfill({ status: 404, body: 'Not Found' }));
    await switcher(page).selectOption(EXAMPLE_OPTION);
    const alert = page.getByRole('alert');
    await alert.waitFor();
    await expect(alert.textContent()).resolves.toMatch(
      /^Could not open “UCDP Non-State conflicts 1989–2021”: its data file \/assets\/ucdp-nonstate-[0-9a-f]+\.json could not be fetched \(HTTP 404 Not Found\)/,
    );
    await expect(title(page)).resolves.toBe(seed.title);
    await expect(switcher(page).inputValue()).resolves.toBe('seed');
    await expect(page.evaluate(() => window.__allegiance!.drawnActors())).resolves.toEqual(
      seedActors,
    );
    await expect(page.locator('.data-attribution').count()).resolves.toBe(0);
    await page.getByRole('button', { name: 'Dismiss message' }).click();
    await page.unroute(EXAMPLE_FILE);
  });

  it('opens from the dataset switcher, with a progress bar while its data downloads, and draws its actors', async () => {
    // The download is held until the bar has been seen, then let through.
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route(EXAMPLE_FILE, async (route) => {
      await held;
      await route.continue();
    });
    await switcher(page).selectOption(EXAMPLE_OPTION);
    await page.getByRole('progressbar', { name: 'Opening progress' }).waitFor();
    await expect(
      page.getByText('Opening “UCDP Non-State conflicts 1989–2021”…').count(),
    ).resolves.toBe(1);
    release();
    await page.waitForFunction(
      (t) => document.querySelector('h1')?.textContent === t,
      example.title,
    );
    await page.waitForFunction(() => window.__allegiance!.graphMounted());
    const drawn = await page.evaluate(() => window.__allegiance!.drawnActors());
    const ids = new Set(example.actors.map((a) => a.id));
    expect(drawn.length).toBeGreaterThan(100);
    expect(drawn.every((id) => ids.has(id))).toBe(true);
    // It opens on the last day of its last conflict-year, with that year's conflicts drawn (the
    // day after, 1 January 2022, held none).
    await expect(page.evaluate(() => window.__allegiance!.date())).resolves.toBe('2021-12-31');
    const lastYear = example.relations.filter((r) => r.until! >= '2022').map((r) => r.id);
    const drawnRelations = await page.evaluate(() => window.__allegiance!.drawnRelations());
    expect(lastYear.length).toBeGreaterThan(50);
    expect(new Set(drawnRelations)).toEqual(new Set(lastYear));
    expect(page.url()).toContain('dataset=example%3Aucdp-nonstate');
    await expect(page.getByRole('progressbar', { name: 'Opening progress' }).count()).resolves.toBe(
      0,
    );
    await page.unroute(EXAMPLE_FILE);
  });

  it('credits the data, its producer and its licence while it is open', async () => {
    const credit = page.locator('.data-attribution');
    await expect(credit.textContent()).resolves.toBe(
      'Data: UCDP Non-State Conflict Dataset 22.1, Uppsala Conflict Data Program (UCDP), CC BY 4.0',
    );
    await expect(credit.isVisible()).resolves.toBe(true);
    await expect(
      credit.getByRole('link', { name: 'CC BY 4.0' }).getAttribute('href'),
    ).resolves.toBe('https://creativecommons.org/licenses/by/4.0/');
    await expect(page.locator('.title-bar__sources').textContent()).resolves.toContain(
      'UCDP Non-State Conflict Dataset, version 22.1',
    );
  });

  for (const viewport of [
    { width: 1440, height: 900 },
    { width: 390, height: 844 },
  ])
    it(`keeps its credit line in sight under the first-visit prompt, at ${viewport.width}×${viewport.height}`, async () => {
      const first = await openApp(browser, '/?dataset=example%3Aucdp-nonstate', viewport, {
        firstVisit: true,
      });
      const credit = first.locator('.data-attribution');
      await credit.waitFor();
      const prompt = await first.getByTestId('first-visit').boundingBox();
      const line = await credit.boundingBox();
      // The prompt stands above the credit line, both inside the canvas.
      expect(prompt!.y + prompt!.height).toBeLessThanOrEqual(line!.y);
      const canvas = await first.locator('.graph-canvas').boundingBox();
      expect(line!.y + line!.height).toBeLessThanOrEqual(canvas!.y + canvas!.height);
      await first.close();
    });

  it('opens from a link at a date, and shows the rows a relation rests on when it is clicked', async () => {
    // The year with the most conflicts in the file: many relations drawn at once.
    await page.goto(new URL('/?dataset=example:ucdp-nonstate&date=2018-06-01', page.url()).href);
    await page.waitForFunction(
      (t) => document.querySelector('h1')?.textContent === t,
      example.title,
    );
    await page.waitForFunction(() => window.__allegiance?.graphMounted());
    await expect(page.evaluate(() => window.__allegiance!.date())).resolves.toBe('2018-06-01');
    const { id, x, y } = await clearRelation(page);
    await page.mouse.click(x, y);
    const details = page.getByTestId('details');
    const relation = relationsById.get(id)!;
    await expect(details.locator('blockquote').allTextContents()).resolves.toEqual(
      relation.evidence.map((e) => e.quote),
    );
    await expect(details.textContent()).resolves.toContain(relation.evidence[0]!.note!);
    await expect(details.textContent()).resolves.toContain(
      'UCDP Non-State Conflict Dataset, version 22.1',
    );
  });

  it('switches back to the seed, without the example’s credit line', async () => {
    await switcher(page).selectOption('seed');
    await page.waitForFunction((t) => document.querySelector('h1')?.textContent === t, seed.title);
    await expect(page.locator('.data-attribution').count()).resolves.toBe(0);
    const drawn = await page.evaluate(() => window.__allegiance!.drawnActors());
    expect(drawn.every((id) => seed.actors.some((a) => a.id === id))).toBe(true);
    await expect(title(page)).resolves.toBe(seed.title);
  });
});
