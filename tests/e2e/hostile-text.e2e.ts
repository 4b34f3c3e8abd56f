/**
 * Hostile text through the app (issue #11, items 3 and 5): a dataset whose
 * labels hold a lone surrogate, U+FFFE and U+FFFF imports with a warning
 * naming each, the small multiples render (they used to blank the page, and
 * again on every reload), and the SVG and PNG exports are well-formed. And a
 * view that fails shows what failed while the rest of the page keeps working.
 */
import { readFileSync } from 'node:fs';
import { XMLValidator } from 'fast-xml-parser';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openApp, pixelStats } from './browser';

const HOSTILE = 'tests/fixtures/hostile/hostile-labels.json';

async function newContext(browser: Browser): Promise<BrowserContext> {
  return browser.newContext({ viewport: { width: 1280, height: 800 }, reducedMotion: 'reduce' });
}

async function importHostile(page: Page) {
  await page.locator('input[type=file][aria-label="Choose files to import"]').setInputFiles({
    name: 'hostile-labels.json',
    mimeType: 'application/json',
    buffer: readFileSync(HOSTILE),
  });
  await page.waitForFunction(() => document.querySelector('h1')?.textContent === 'Hostile labels');
}

async function download(page: Page, click: () => Promise<void>) {
  const [file] = await Promise.all([page.waitForEvent('download'), click()]);
  return readFileSync((await file.path())!);
}

async function exportAs(page: Page, format: RegExp): Promise<Buffer> {
  await page.getByRole('button', { name: 'Export…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export' });
  await dialog.getByRole('radio', { name: format }).check();
  const data = await download(page, () =>
    dialog.getByRole('button', { name: /^Download/ }).click(),
  );
  await dialog.getByRole('button', { name: 'Close export' }).click();
  return data;
}

/** The small multiples show their panels, each image decoded and drawn. */
async function expectMultiples(page: Page) {
  const grid = page.getByTestId('multiples-grid');
  await grid.waitFor();
  await expect.poll(() => grid.locator('img').count()).toBe(2); // one per event
  for (const img of await grid.locator('img').all())
    await expect
      .poll(() => img.evaluate((i: HTMLImageElement) => i.complete && i.naturalWidth))
      .toBeGreaterThan(0);
  expect(await page.getByTestId('view-error').count()).toBe(0);
}

describe('hostile text', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => browser?.close());

  it('imports labels with a lone surrogate, U+FFFE and U+FFFF; multiples, reload and exports work', async () => {
    const context = await newContext(browser);
    const page = await openApp(context as unknown as Browser);
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await importHostile(page);

    // The import panel says what was replaced, where.
    const panel = page.getByRole('region', { name: 'Import' });
    await expect(panel.getByRole('heading').textContent()).resolves.toMatch(
      /^Imported “Hostile labels” with \d+ warnings$/,
    );
    const warnings = await panel.getByRole('list', { name: 'Warnings' }).textContent();
    expect(warnings).toContain(
      'hostile-labels.json actors[0].label: character 2 is U+D800 (a high surrogate without its low half): not allowed in text (XML 1.0), replaced by U+FFFD',
    );
    expect(warnings).toContain('hostile-labels.json actors[1].label: character 2 is U+FFFE');
    expect(warnings).toContain('hostile-labels.json actors[2].label: character 2 is U+FFFF');

    // Small multiples render (they blanked the page), and again after a reload.
    await page
      .getByRole('group', { name: 'View' })
      .getByRole('button', { name: 'Small multiples' })
      .click();
    await expectMultiples(page);
    await page.waitForURL(/view=multiples/);
    await page.reload();
    await page.waitForFunction(
      () => document.querySelector('h1')?.textContent === 'Hostile labels',
    );
    await expectMultiples(page);

    // Exports of a date when the hostile labels are drawn.
    await page.getByTestId('multiples-grid').locator('li').last().getByRole('button').click();
    await page.waitForFunction(() => window.__allegiance?.drawnActors().length === 4);
    const svg = (await exportAs(page, /^SVG/)).toString('utf8');
    expect(XMLValidator.validate(svg)).toBe(true);
    expect(svg).toContain('A\uFFFD');
    expect(svg).toContain('B\uFFFDb');
    expect(svg).toContain('C\uFFFD');
    expect(svg).toContain('Flag 😀 🎌');
    const png = pixelStats(await exportAs(page, /^PNG/));
    expect(png.variance).toBeGreaterThan(50);
    expect(png.inked).toBeGreaterThan(0.02);

    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('a view that fails shows what failed, offers a way back, and the rest of the page works', async () => {
    const context = await newContext(browser);
    // The small multiples' code cannot be loaded (a deploy replaced it, the network dropped).
    await context.route(/\/assets\/SmallMultiples-[^/]+\.js$/, (route) =>
      route.fulfill({ status: 503, body: 'unavailable' }),
    );
    const page = await openApp(context as unknown as Browser, '/?date=2021-09-04');
    const before = await page.evaluate(() => window.__allegiance!.drawnRelations());

    await page
      .getByRole('group', { name: 'View' })
      .getByRole('button', { name: 'Small multiples' })
      .click();
    const failure = page.getByTestId('view-error');
    await failure.waitFor();
    expect(await failure.locator('.view-error__title').textContent()).toBe(
      'The small multiples stopped working.',
    );
    expect(await failure.locator('.view-error__message').textContent()).toMatch(
      /SmallMultiples-[^/]+\.js/,
    );

    // The rest of the page still works: the title, and the time bar moving the day.
    await expect(page.locator('h1').textContent()).resolves.toMatch(/^Pakistan/);
    await page.getByRole('button', { name: 'Jump to start' }).click();
    await page.waitForFunction(() => window.__allegiance!.date() !== '2021-09-04');
    await page.getByRole('button', { name: 'Next event' }).click();
    const moved = await page.evaluate(() => window.__allegiance!.date());
    await page.getByLabel('Date', { exact: true }).focus();
    await page.keyboard.press('End');
    await page.waitForFunction((d) => window.__allegiance!.date() !== d, moved);

    // A reload with the failed view in the URL shows the message again, never a blank page.
    await page.waitForURL(/view=multiples/);
    await page.reload();
    await failure.waitFor();
    await expect(page.locator('h1').textContent()).resolves.toMatch(/^Pakistan/);

    // The way back: the graph, and it is what a reload now restores.
    await page.getByRole('button', { name: 'Back to the graph' }).click();
    await page.getByRole('main', { name: 'Graph' }).waitFor();
    expect(await failure.count()).toBe(0);
    await page.waitForURL((url) => !url.search.includes('view=multiples'));
    const url = new URL(page.url());
    url.searchParams.set('date', '2021-09-04');
    await page.goto(url.href);
    await page.waitForFunction(() => window.__allegiance?.date() === '2021-09-04');
    expect(await page.evaluate(() => window.__allegiance!.drawnRelations())).toEqual(before);
    expect(await failure.count()).toBe(0);
    await context.close();
  });
});
