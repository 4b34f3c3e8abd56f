/**
 * Ids named after Object.prototype members, through the app (issue #11): the
 * hostile fixture used to validate, then throw in the layout and leave the
 * import panel on "Parsing and checking…", with an entry in the library that
 * could be neither opened, renamed nor deleted, and `Object.prototype.previous`
 * set in the page. Now it loads and behaves like any other dataset.
 */
import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toDay } from '../../src/core/dates';
import { buildExplorerModel } from '../../src/core/explorer-model';
import type { Dataset } from '../../src/core/schema';
import { launchBrowser, openApp } from './browser';

const FIXTURE = 'tests/fixtures/hostile/proto-ids.json';
const fixture = JSON.parse(readFileSync(FIXTURE, 'utf8')) as Dataset;
const model = buildExplorerModel(fixture);
const DATE = '2001-01-01';
const activeRelations = model.index.stateAt(toDay(DATE)).relations;
const libraryLabel = (name: string) =>
  `${name} (${fixture.actors.length} actors, ${fixture.relations.length} relations)`;

/** Object.prototype's own property names, and whether a fresh object inherits `previous`. */
const prototypeState = (page: Page) =>
  page.evaluate(() => ({
    names: Object.getOwnPropertyNames(Object.prototype).sort(),
    previous: (Object.prototype as Record<string, unknown>).previous,
  }));

const panel = (page: Page) => page.getByTestId('details');
const title = (page: Page) =>
  page.waitForFunction((t) => document.querySelector('h1')?.textContent === t, fixture.title);

async function goToDate(page: Page, params: Record<string, string> = {}) {
  const url = new URL(page.url());
  url.searchParams.set('date', DATE);
  for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
  await page.goto(url.href);
  await page.waitForFunction((d) => window.__allegiance?.date() === d, DATE);
}

describe('a dataset whose ids are named after Object.prototype members', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    browser = await launchBrowser();
    // A context of its own: a fresh library in IndexedDB.
    context = await browser.newContext({
      viewport: { width: 1280, height: 800 },
      reducedMotion: 'reduce',
    });
    page = await openApp(context as unknown as Browser);
    page.on('pageerror', (e) => pageErrors.push(e.message));
    page.on('dialog', (d) => void d.accept()); // the confirmation of Delete
  });
  afterAll(async () => browser?.close());

  it('imports, draws every actor and relation, and leaves Object.prototype alone', async () => {
    const before = await prototypeState(page);
    await page.locator('input[type=file][aria-label="Choose files to import"]').setInputFiles({
      name: 'proto-ids.json',
      mimeType: 'application/json',
      buffer: readFileSync(FIXTURE),
    });
    await title(page);
    await page.waitForURL(/dataset=[0-9a-f-]{36}/);
    await goToDate(page);

    expect(await page.evaluate(() => window.__allegiance!.drawnActors())).toEqual(
      fixture.actors.map((a) => a.id).sort(),
    );
    expect(await page.evaluate(() => window.__allegiance!.drawnRelations())).toEqual(
      [...activeRelations].sort(),
    );
    const after = await prototypeState(page);
    expect(after).toEqual(before);
    expect(after.previous).toBeUndefined();
    expect(pageErrors).toEqual([]);
  });

  it('finds "constructor" by search and shows its relations in the details panel', async () => {
    const search = page.getByRole('combobox', { name: 'Search actors' });
    await search.fill('constructor');
    await page.getByRole('option', { name: 'constructor', exact: true }).click();
    await expect(panel(page).locator('h2').textContent()).resolves.toBe('constructor');
    await page.waitForURL(/select=actor%3Aconstructor/);
    // At 2001 "constructor" has its relation with the anchor and a chain relation.
    const current = page.getByTestId('actor-current-relations').locator('li');
    await expect(
      current.evaluateAll((items) => items.map((li) => li.getAttribute('data-relation-id')).sort()),
    ).resolves.toEqual(['chain-toLocaleString', 'constructor']);
    await expect(current.first().textContent()).resolves.toContain('Anchor');
  });

  it('selects "__proto__" on the canvas and from a link, and shows only its neighbourhood', async () => {
    const at = await page.evaluate(() => window.__allegiance!.clientPosition('actor', '__proto__'));
    if (!at) throw new Error('actor "__proto__" is not drawn');
    await page.mouse.click(at.x, at.y);
    await expect(panel(page).locator('h2').textContent()).resolves.toBe('__proto__');

    await goToDate(page, { select: 'actor:__proto__', neighbourhood: '1' });
    await expect(panel(page).locator('h2').textContent()).resolves.toBe('__proto__');
    // Its relations at 2001: with the anchor "a" and, by the chain, with "valueOf".
    expect(await page.evaluate(() => window.__allegiance!.drawnActors())).toEqual([
      '__proto__',
      'a',
      'valueOf',
    ]);
    expect(await prototypeState(page)).toMatchObject({ previous: undefined });
    expect(pageErrors).toEqual([]);
  });

  it('reopens after a reload, then can be renamed and deleted', async () => {
    await page.reload();
    await title(page);
    await page.waitForFunction(() => window.__allegiance!.drawnActors().length > 0);
    expect(await page.evaluate(() => window.__allegiance!.drawnActors())).toEqual([
      '__proto__',
      'a',
      'valueOf',
    ]);

    await page.getByRole('button', { name: /^Dataset actions/ }).click(); // Rename and Delete are in its menu
    await page.getByRole('menuitem', { name: 'Rename…' }).click();
    await page.getByRole('textbox', { name: 'New name' }).fill('constructor');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.waitForFunction(
      (label) =>
        [...document.querySelectorAll('select[aria-label="Dataset"] option')].some(
          (o) => o.textContent === label,
        ),
      libraryLabel('constructor'),
    );

    await page.getByRole('button', { name: /^Dataset actions/ }).click(); // Rename and Delete are in its menu
    await page.getByRole('menuitem', { name: 'Delete…' }).click();
    // Only what the app ships is left: the seed and the examples.
    const libraryEntries =
      'select[aria-label="Dataset"] option:not([value="seed"]):not([value^="example:"])';
    await page.waitForFunction((q) => document.querySelectorAll(q).length === 0, libraryEntries);
    expect(await prototypeState(page)).toMatchObject({ previous: undefined });
    expect(pageErrors).toEqual([]);
  });
});
