/**
 * Time beyond one day: a play range that Play stays within (and loops within), a time window
 * that shows every relation active in the years before the date (Gephi's range), both kept in
 * the URL; and data without calendar time: numeric GEXF time reads "t = …" (never a date in
 * 1970 or the year 190), and a static file has no time bar and draws everything.
 */
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { endDay, startDay, toDay } from '../../src/core/dates';
import { importGexf } from '../../src/core/io/gexf-import';
import type { Dataset } from '../../src/core/schema';
import { launchBrowser, openApp } from './browser';

const seed = JSON.parse(readFileSync('graph-data/seed.json', 'utf8')) as Dataset;

const VIEWPORTS = [
  { width: 1440, height: 900 },
  { width: 1024, height: 768 },
  { width: 390, height: 844 },
];

/** The days a handle of the play range stands at. */
async function handleDay(page: Page, name: 'Play from' | 'Play until'): Promise<number> {
  return Number(await page.getByRole('slider', { name }).getAttribute('aria-valuenow'));
}

/** Everything a reader or a screen reader gets: text, and the labels and titles of elements. */
function pageWords(page: Page): Promise<string> {
  return page.evaluate(() => {
    const attrs = ['aria-label', 'aria-valuetext', 'title', 'placeholder'];
    const labels = [...document.querySelectorAll('*')].flatMap((el) =>
      attrs.map((a) => el.getAttribute(a) ?? ''),
    );
    return [document.body.innerText, document.title, ...labels].join('\n');
  });
}

async function importFile(page: Page, path: string, title: string) {
  await page.locator('input[type=file][aria-label="Choose files to import"]').setInputFiles({
    name: path.split('/').pop()!,
    mimeType: 'application/xml',
    buffer: readFileSync(path),
  });
  await page.waitForFunction((t) => document.querySelector('h1')?.textContent === t, title, {
    timeout: 30_000,
  });
  // The import's warnings open over the page (over the time bar on a phone): read, then closed.
  const close = page.getByRole('button', { name: 'Close', exact: true });
  if ((await close.count()) > 0) await close.click();
}

/** Ids of the seed's relations active at any time in [lo, hi), by a plain scan. */
function seedRelationsDuring(lo: number, hi: number): string[] {
  return seed.relations
    .filter((r) => {
      const [s, e] = [startDay(r.from), endDay(r.until)];
      return s < e && s < hi && e > lo;
    })
    .map((r) => r.id)
    .sort();
}

describe('play range and time window', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser.close();
  });

  it.each(VIEWPORTS)(
    'plays within the range and loops in it, at $width×$height',
    async (viewport) => {
      const page = await openApp(browser, '/?date=2000-01-01', viewport);
      // The handles start at the period's ends; twenty years in from each.
      const from = page.getByRole('slider', { name: 'Play from' });
      const until = page.getByRole('slider', { name: 'Play until' });
      expect(await handleDay(page, 'Play from')).toBe(toDay('1979'));
      await from.focus();
      for (let i = 0; i < 20; i++) await page.keyboard.press('PageUp');
      await until.focus();
      for (let i = 0; i < 16; i++) await page.keyboard.press('PageDown');
      const [a, b] = [await handleDay(page, 'Play from'), await handleDay(page, 'Play until')];
      expect([a, b]).toEqual([toDay('1999'), toDay('2009-06')]);

      await page.getByLabel('Speed').selectOption({ label: '5 years / s' });
      await page.getByRole('button', { name: 'Loop' }).click();
      // Sample the date on every frame of playback, until it has wrapped around twice.
      await page.evaluate(() => {
        const w = window as unknown as { __days: string[] };
        w.__days = [];
        const sample = () => {
          w.__days.push(window.__allegiance!.date());
          requestAnimationFrame(sample);
        };
        requestAnimationFrame(sample);
      });
      await page.getByRole('button', { name: 'Play', exact: true }).click();
      await page.waitForFunction(
        () => {
          const days = (window as unknown as { __days: string[] }).__days;
          return days.filter((d, i) => i > 0 && d < days[i - 1]!).length >= 2;
        },
        undefined,
        { timeout: 20_000 },
      );
      await page.getByRole('button', { name: 'Pause' }).click();
      const days = await page.evaluate(() =>
        (window as unknown as { __days: string[] }).__days.map((d) => d),
      );
      // Before Play the day was 2000-01-01, inside the range; from then on never outside it.
      const inRange = days.map((d) => toDay(d)).every((d) => d >= a && d <= b);
      expect(inRange).toBe(true);
      expect(days.some((d) => d < '2000')).toBe(true); // it wrapped to the range's start
      await page.close();
    },
  );

  it('a 5-year window shows the relations overlapping the five years, and the table agrees', async () => {
    const page = await openApp(browser, '/?date=2010-01-01', VIEWPORTS[0]);
    const drawn = () => page.evaluate(() => window.__allegiance!.drawnRelations());
    await page.getByLabel('Time window').selectOption({ label: '5 years' });
    // At 2010: relations active at any time from 1 January 2005 to 1 January 2010 inclusive.
    const at2010 = seedRelationsDuring(toDay('2005'), toDay('2010') + 1);
    await page.waitForURL(/window=5y/);
    expect(await drawn()).toEqual(at2010);

    // At the period's end (June 2025) the window holds relations that ended since June 2020.
    await page.getByRole('button', { name: 'Jump to end' }).click();
    const end = toDay('2025-06');
    const atEnd = seedRelationsDuring(toDay('2020-06'), end + 1);
    expect(atEnd.length).toBeGreaterThan(seedRelationsDuring(end, end + 1).length);
    await page.waitForFunction(
      (n) => window.__allegiance!.drawnRelations().length === n,
      atEnd.length,
    );
    expect(await drawn()).toEqual(atEnd);

    await page.getByRole('button', { name: 'Table', exact: true }).click();
    const caption = page.locator('.relation-table caption');
    await caption.waitFor();
    expect(await caption.textContent()).toMatch(
      new RegExp(`^Relations active from 1 June 2020 to 1 June 2025 \\(${atEnd.length}\\)`),
    );
    const rows = await page
      .locator('.relation-table tbody tr[data-relation-id]')
      .evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-relation-id')!).sort());
    expect(rows).toEqual(atEnd);
    await page.close();
  });

  it('keeps the range and the window in the URL across a reload', async () => {
    const page = await openApp(browser, '/?date=2010-01-01', VIEWPORTS[0]);
    await page.getByLabel('Time window').selectOption({ label: '5 years' });
    await page.getByRole('slider', { name: 'Play from' }).focus();
    for (let i = 0; i < 10; i++) await page.keyboard.press('PageUp');
    await page.waitForURL(/window=5y/);
    await page.waitForURL(/range=1989-01-01\.\.2025-06-01/);
    await page.reload();
    await page.waitForFunction(() => window.__allegiance !== undefined);
    await page.getByRole('slider', { name: 'Play from' }).waitFor();
    expect(await handleDay(page, 'Play from')).toBe(toDay('1989'));
    expect(await page.getByLabel('Time window').inputValue()).toBe('60');
    expect(await page.getByRole('button', { name: 'Whole period' }).count()).toBe(1);
    await page.close();
  });
});

describe('data without calendar time', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser.close();
  });

  it.each(VIEWPORTS)(
    'integer GEXF time reads "t = …", never a calendar date, at $width×$height',
    async (viewport) => {
      const page = await openApp(browser, '/', viewport);
      await importFile(page, 'tests/fixtures/gexf/photoviz-dynamic.gexf', 'photoviz-dynamic');
      const readout = page.getByTestId('current-date');
      await page.waitForFunction(
        () => document.querySelector('[data-testid="current-date"]')?.textContent === 't = 190',
      );
      expect(await page.getByRole('slider', { name: 'Date' }).getAttribute('aria-valuetext')).toBe(
        't = 190',
      );
      // Back to the start: still a number.
      await page.getByRole('button', { name: 'Jump to start' }).click();
      expect(await readout.textContent()).toBe('t = 0');
      const ticks = await page.locator('.timebar__tick').allTextContents();
      expect(ticks.length).toBeGreaterThan(0);
      for (const t of ticks) expect(t).toMatch(/^\d+$/);
      const words = await pageWords(page);
      expect(words).not.toMatch(/1970|0190|January|\b190\d\b/);
      await page.close();
    },
  );

  it.each(VIEWPORTS)(
    'a static GEXF file has no time bar and draws every relation, at $width×$height',
    async (viewport) => {
      const expected = importGexf(
        readFileSync('tests/fixtures/gexf/celegans.gexf', 'utf8'),
        'celegans.gexf',
      ).dataset!;
      const page = await openApp(browser, '/', viewport);
      await importFile(page, 'tests/fixtures/gexf/celegans.gexf', 'celegans');
      await page.waitForFunction(
        (n) => window.__allegiance?.drawnRelations().length === n,
        expected.relations.length,
        { timeout: 30_000 },
      );
      expect(await page.locator('section.timebar').count()).toBe(0);
      expect(await page.getByRole('slider', { name: 'Date' }).count()).toBe(0);
      expect((await page.evaluate(() => window.__allegiance!.liveActors())).length).toBe(
        expected.actors.length,
      );
      expect(await pageWords(page)).not.toMatch(/1970/);
      expect(new URL(page.url()).searchParams.has('date')).toBe(false);
      await page.close();
    },
  );
});
