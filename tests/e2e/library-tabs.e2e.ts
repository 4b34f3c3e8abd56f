/**
 * The library across tabs: two pages of one browser context share the origin
 * and so the IndexedDB library. An import, a rename or a deletion in one shows
 * in the other without a reload; two renames at once end with the same name in
 * both; a dataset deleted elsewhere stays on screen with a notice; names are
 * limited to 200 characters and shown as text.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_NAME_LENGTH, nameFromTitle } from '../../src/store/datasetName';
import { launchBrowser, openApp } from './browser';

const dataset = (title: string) => ({
  title,
  sources: [{ id: 'doc', title: 'Notes' }],
  actors: [
    { id: 'north', label: 'Northland', type: 'state' },
    { id: 'south', label: 'Southland', type: 'state' },
  ],
  relations: [{ id: 'r1', source: 'north', target: 'south', kind: 'alliance', from: '2000' }],
});

async function importJson(page: Page, name: string, content: object) {
  await page.locator('input[type=file][aria-label="Choose files to import"]').setInputFiles({
    name,
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(content)),
  });
}

const menu = (page: Page) => page.getByRole('combobox', { name: 'Dataset' });

/** The labels of the dataset menu's library entries (not the seed, nor a shipped example), in order. */
const libraryOptions = (page: Page) =>
  menu(page)
    .locator('option:not([value="seed"]):not([value^="example:"])')
    .evaluateAll((os) => os.map((o) => o.textContent ?? ''));

/** Waits until the dataset menu's library entries are exactly `labels`. */
async function waitForLibrary(page: Page, labels: string[]) {
  await page.waitForFunction((expected) => {
    const select = document.querySelector('select[aria-label="Dataset"]');
    const shown = [
      ...(select?.querySelectorAll('option:not([value="seed"]):not([value^="example:"])') ?? []),
    ].map((o) => o.textContent);
    return JSON.stringify(shown) === JSON.stringify(expected);
  }, labels);
}

const label = (name: string) => `${name} (2 actors, 1 relations)`;

async function startRename(page: Page, name: string) {
  await page.getByRole('button', { name: /^Dataset actions/ }).click(); // Rename and Delete are in its menu
  await page.getByRole('menuitem', { name: 'Rename…' }).click();
  await page.getByRole('textbox', { name: 'New name' }).fill(name);
}

const save = (page: Page) => page.getByRole('button', { name: 'Save', exact: true }).click();

/** Picks a stored dataset by its library name; `title` is the dataset's own title (the heading). */
async function showDataset(page: Page, name: string, title = name) {
  await menu(page).selectOption({ label: label(name) });
  await page.waitForFunction((t) => document.querySelector('h1')?.textContent === t, title);
}

describe('the library in several tabs', () => {
  let browser: Browser;
  let context: BrowserContext;
  let a: Page;
  let b: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
    context = await browser.newContext({ reducedMotion: 'reduce' });
    // openApp only needs newPage, which a context has too: both pages share its IndexedDB.
    a = await openApp(context as unknown as Browser);
    b = await openApp(context as unknown as Browser);
    for (const page of [a, b]) page.on('dialog', (d) => void d.accept());
  });
  afterAll(async () => browser?.close());

  it('shows an import, a rename and two simultaneous renames in both tabs', async () => {
    await importJson(a, 'first.json', dataset('First <b>alliance</b>'));
    await a.waitForFunction(() => document.querySelector('h1')?.textContent?.startsWith('First'));
    // B learns of it without a reload; the markup in the name is text.
    await waitForLibrary(b, [label('First <b>alliance</b>')]);
    expect(await b.locator('select[aria-label="Dataset"] b').count()).toBe(0);

    await showDataset(b, 'First <b>alliance</b>');
    await startRename(b, 'Renamed in B');
    await save(b);
    await waitForLibrary(a, [label('Renamed in B')]);
    await waitForLibrary(b, [label('Renamed in B')]);

    // Both tabs rename at the same moment: IndexedDB runs one transaction after the other, and
    // both tabs end with the same name, the one stored.
    await startRename(a, 'Name from A');
    await startRename(b, 'Name from B');
    await Promise.all([save(a), save(b)]);
    await a.waitForFunction(() => !document.querySelector('input[aria-label="New name"]'));
    await b.waitForFunction(() => !document.querySelector('input[aria-label="New name"]'));
    const settled = async () => {
      const [inA, inB] = [await libraryOptions(a), await libraryOptions(b)];
      return inA.length === 1 && inA[0] === inB[0] ? inA[0] : null;
    };
    await expect.poll(settled).toMatch(/^Name from [AB] \(/);
    const agreed = await settled();
    // A fresh tab reads the library itself: the name both tabs show is the one stored.
    const c = await openApp(context as unknown as Browser);
    await waitForLibrary(c, [agreed!]);
    await c.close();
    // And it stays so: no late message flips one tab back.
    await b.evaluate(
      () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))),
    );
    expect(await libraryOptions(a)).toEqual([agreed]);
    expect(await libraryOptions(b)).toEqual([agreed]);
  });

  it('keeps a dataset deleted in another tab on screen, with a notice, and updates the lists', async () => {
    const first = (await libraryOptions(b))[0]!; // the name the renames agreed on
    const firstName = first.replace(/ \(2 actors, 1 relations\)$/, '');
    await importJson(a, 'second.json', dataset('Second'));
    await waitForLibrary(b, [first, label('Second')]);

    // B shows the first dataset; A deletes it.
    await showDataset(a, firstName, 'First <b>alliance</b>');
    await a.getByRole('button', { name: /^Dataset actions/ }).click(); // Rename and Delete are in its menu
    await a.getByRole('menuitem', { name: 'Delete…' }).click();
    await waitForLibrary(a, [label('Second')]);
    await waitForLibrary(b, [label('Second'), `${firstName} (not stored)`]);
    await expect(b.locator('.notice[role=status]').textContent()).resolves.toContain(
      `“${firstName}” was deleted from this browser’s library in another tab. It stays on screen`,
    );
    expect(await b.locator('h1').textContent()).toBe('First <b>alliance</b>');
    expect(await b.evaluate(() => window.__allegiance!.drawnActors())).toEqual(['north', 'south']);
    expect(await menu(b).inputValue()).toBe(new URL(b.url()).searchParams.get('dataset'));
    expect(await b.getByRole('button', { name: /^Dataset actions/ }).count()).toBe(0);

    // Once B switches away, the deleted dataset is gone from its menu too.
    await showDataset(b, 'Second');
    await waitForLibrary(b, [label('Second')]);

    // A deletion of a dataset the other tab does not show just updates its list.
    await showDataset(a, 'Second');
    await showDataset(b, 'Second');
    await menu(b).selectOption('seed');
    await b.waitForFunction(() =>
      document.querySelector('h1')?.textContent?.startsWith('Pakistan'),
    );
    await a.getByRole('button', { name: /^Dataset actions/ }).click(); // Rename and Delete are in its menu
    await a.getByRole('menuitem', { name: 'Delete…' }).click();
    await waitForLibrary(b, []);
    await waitForLibrary(a, []);
  });

  it('limits names to 200 characters: a long title is cut for the library, a longer name refused', async () => {
    const title = `A ${'very '.repeat(99)}long title`; // 508 characters > the schema's 500
    const longTitle = title.slice(0, 500);
    await importJson(a, 'long.json', dataset(longTitle));
    const name = nameFromTitle(longTitle);
    expect(name).toHaveLength(MAX_NAME_LENGTH);
    expect(name.endsWith('…')).toBe(true);
    await waitForLibrary(b, [label(name)]);
    await waitForLibrary(a, [label(name)]);
    // The dataset keeps its full title.
    expect(await a.locator('h1').textContent()).toBe(longTitle);

    // The rename input stops at 200 characters...
    await startRename(a, 'x'.repeat(5000));
    const input = a.getByRole('textbox', { name: 'New name' });
    expect((await input.inputValue()).length).toBe(MAX_NAME_LENGTH);
    // ...and a 5,000-character name that gets past it is refused by the action, precisely.
    await input.evaluate((el) => el.removeAttribute('maxlength'));
    await input.fill('x'.repeat(5000));
    await save(a);
    await expect(a.getByRole('alert').textContent()).resolves.toContain(
      'A dataset name can have at most 200 characters; this one has 5,000.',
    );
    await expect(input.inputValue()).resolves.toHaveLength(5000); // still open, to correct it
    expect(await libraryOptions(a)).toEqual([label(name)]);
    expect(await libraryOptions(b)).toEqual([label(name)]);
  });
});
