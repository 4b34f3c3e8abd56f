/**
 * The first page: the seed graph is drawn (real pixels), and moving the date
 * changes which relations are drawn, exactly as the core says.
 */
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { daysToCivil, endDay, startDay, toDay } from '../../src/core/dates';
import type { Dataset } from '../../src/core/schema';
import { resolveVocabulary } from '../../src/core/vocabulary';
import { launchBrowser, openApp, pixelDifference, pixelStats } from './browser';

const seed = JSON.parse(readFileSync('graph-data/seed.json', 'utf8')) as Dataset;
const polarity = (kind: string) =>
  resolveVocabulary({
    actorTypes: seed.actorTypes ?? [],
    relationKinds: seed.relationKinds ?? [],
  }).relationKinds.get(kind)?.polarity;
const activeAt = (t: number) =>
  seed.relations
    .filter((r) => startDay(r.from) <= t && t < endDay(r.until))
    .map((r) => r.id)
    .sort();
const between = (ids: string[], a: string, b: string) =>
  ids
    .map((id) => seed.relations.find((r) => r.id === id)!)
    .filter((r) => [r.source, r.target].sort().join() === [a, b].sort().join());

/** Moves the time slider to a first-of-month date with the keyboard: Home, then years and months. */
async function setDate(page: Page, iso: string) {
  const slider = page.getByRole('slider', { name: 'Date' });
  await slider.focus();
  await slider.press('Home');
  const start = daysToCivil(toDay(seed.period!.from));
  const target = daysToCivil(toDay(iso));
  const months = (target.year - start.year) * 12 + (target.month - start.month);
  for (let i = 0; i < Math.floor(months / 12); i++) await slider.press('PageUp');
  for (let i = 0; i < months % 12; i++) await slider.press('ArrowRight');
  await page.waitForFunction((d) => window.__allegiance?.date() === d, iso);
}

async function graphPixels(page: Page) {
  return page.locator('[data-testid="graph"]').screenshot();
}

describe('first page', () => {
  let browser: Browser;
  let page: Page;
  beforeAll(async () => {
    browser = await launchBrowser();
    page = await openApp(browser);
  });
  afterAll(async () => browser?.close());

  it('shows the dataset title and draws the seed graph', async () => {
    await expect(page.locator('h1').textContent()).resolves.toBe(seed.title);
    const stats = pixelStats(await graphPixels(page));
    expect(stats.width).toBeGreaterThan(600);
    expect(stats.variance).toBeGreaterThan(50);
    expect(stats.inked).toBeGreaterThan(0.01);
  });

  it('draws the relations active at each date, and they differ between 1988 and 2025', async () => {
    await setDate(page, '1988-06-01');
    const early = await page.evaluate(() => window.__allegiance!.drawnRelations());
    const earlyPixels = await graphPixels(page);
    expect(early).toEqual(activeAt(toDay('1988-06-01')));
    expect(await page.getByTestId('current-date').textContent()).toBe('1 June 1988');

    await setDate(page, '2025-03-01');
    const late = await page.evaluate(() => window.__allegiance!.drawnRelations());
    const latePixels = await graphPixels(page);
    expect(late).toEqual(activeAt(toDay('2025-03-01')));
    expect(late).not.toEqual(early);
    expect(pixelDifference(earlyPixels, latePixels)).toBeGreaterThan(0.001);

    // The story: Pakistan backed the Mujahideen early and is hostile to the Taliban in 2025.
    expect(
      between(early, 'pakistan', 'mujahideen').some((r) => polarity(r.kind) === 'positive'),
    ).toBe(true);
    expect(
      between(late, 'pakistan', 'afghan-taliban').some((r) => polarity(r.kind) === 'negative'),
    ).toBe(true);
  });
});
