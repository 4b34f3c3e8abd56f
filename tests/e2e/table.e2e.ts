/**
 * The table view: exactly the relations the graph draws at the date (also
 * under a legend filter), sortable by column with aria-sort, and usable from
 * the keyboard: arrows move between rows, Enter selects a relation and the
 * details panel shows its quote.
 */
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { endDay, humanDay, startDay, toDay } from '../../src/core/dates';
import { buildExplorerModel } from '../../src/core/explorer-model';
import { validateDataset } from '../../src/core/validate';
import { launchBrowser, openApp } from './browser';

const seed = validateDataset(JSON.parse(readFileSync('graph-data/seed.json', 'utf8'))).dataset!;
const model = buildExplorerModel(seed);
const DATE = '2021-09-04';
const DAY = toDay(DATE);
const activeIds = model.index.stateAt(DAY).relations.sort();
const relation = (id: string) => model.relationsById.get(id)!;

const rows = (page: Page) => page.locator('.relation-table tbody tr[data-relation-id]');
const rowIds = (page: Page) =>
  rows(page).evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-relation-id')!));
const focusedId = (page: Page) =>
  page.evaluate(() => document.activeElement?.getAttribute('data-relation-id') ?? null);
// Compared, not subtracted: open ends are ±Infinity.
const sorted = (xs: number[], sign: 1 | -1) =>
  xs.every((x, i) => i === 0 || (sign > 0 ? x >= xs[i - 1]! : x <= xs[i - 1]!));

describe('relation table', () => {
  let browser: Browser;
  let page: Page;
  beforeAll(async () => {
    browser = await launchBrowser();
    page = await openApp(browser, `/?date=${DATE}`);
    await page.waitForFunction((d) => window.__allegiance?.date() === d, DATE);
    await page.getByRole('button', { name: 'Table', exact: true }).click();
    await page.locator('.relation-table').waitFor();
  });
  afterAll(async () => browser?.close());

  it('lists exactly the relations drawn at the date, with a caption that says so', async () => {
    const drawn = await page.evaluate(() => window.__allegiance!.drawnRelations());
    expect(drawn).toEqual(activeIds);
    expect((await rowIds(page)).sort()).toEqual(activeIds);
    await expect(page.locator('.relation-table caption').textContent()).resolves.toBe(
      `Relations active on ${humanDay(DAY)} (${activeIds.length})`,
    );
  });

  it('applies the legend filters like the graph', async () => {
    const kind = relation(activeIds[0]!).kind;
    const label = model.vocabulary.relationKinds.get(kind)!.label;
    const toggle = page.getByRole('button', { name: label, exact: true });
    await toggle.click();
    const drawn = await page.evaluate(() => window.__allegiance!.drawnRelations());
    expect(drawn).toEqual(activeIds.filter((id) => relation(id).kind !== kind));
    expect((await rowIds(page)).sort()).toEqual(drawn);
    await toggle.click();
    expect((await rowIds(page)).sort()).toEqual(activeIds);
  });

  it('sorts by a column, marks it with aria-sort, and reverses on a second click', async () => {
    const header = (name: string) => page.locator('.relation-table th', { hasText: name });
    await header('From').getByRole('button').click();
    await expect(header('From').getAttribute('aria-sort')).resolves.toBe('ascending');
    await expect(page.locator('.relation-table th[aria-sort]').count()).resolves.toBe(1);
    let starts = (await rowIds(page)).map((id) => startDay(relation(id).from));
    expect(sorted(starts, 1)).toBe(true);

    await header('From').getByRole('button').click();
    await expect(header('From').getAttribute('aria-sort')).resolves.toBe('descending');
    starts = (await rowIds(page)).map((id) => startDay(relation(id).from));
    expect(sorted(starts, -1)).toBe(true);

    await header('Until').getByRole('button').click();
    await expect(header('From').getAttribute('aria-sort')).resolves.toBeNull();
    await expect(header('Until').getAttribute('aria-sort')).resolves.toBe('ascending');
    const ends = (await rowIds(page)).map((id) => endDay(relation(id).until));
    expect(sorted(ends, 1)).toBe(true);
    expect(starts[0]).toBeGreaterThan(starts[starts.length - 1]!);
  });

  it('moves between rows with the keyboard and selects with Enter', async () => {
    const ids = await rowIds(page);
    // Roving tabindex: exactly one row is in the tab order.
    await expect(rows(page).and(page.locator('[tabindex="0"]')).count()).resolves.toBe(1);
    await rows(page).first().focus();
    await expect(focusedId(page)).resolves.toBe(ids[0]);
    await page.keyboard.press('ArrowDown');
    await expect(focusedId(page)).resolves.toBe(ids[1]);
    await page.keyboard.press('End');
    await expect(focusedId(page)).resolves.toBe(ids[ids.length - 1]);
    await page.keyboard.press('Home');
    await expect(focusedId(page)).resolves.toBe(ids[0]);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowUp');
    await expect(focusedId(page)).resolves.toBe(ids[1]);
    await expect(rows(page).nth(1).getAttribute('tabindex')).resolves.toBe('0');

    await page.keyboard.press('Enter');
    const chosen = relation(ids[1]!);
    await expect(rows(page).nth(1).getAttribute('aria-selected')).resolves.toBe('true');
    const quote = page.getByTestId('details').locator('blockquote').first();
    await expect(quote.textContent()).resolves.toBe(chosen.evidence[0]!.quote);
    // Focus stays in the table, so the user can keep reading down the rows.
    await expect(focusedId(page)).resolves.toBe(ids[1]);

    await page.keyboard.press('ArrowDown');
    await page.keyboard.press(' ');
    await expect(rows(page).nth(2).getAttribute('aria-selected')).resolves.toBe('true');
    await expect(rows(page).nth(1).getAttribute('aria-selected')).resolves.toBe('false');
  });
});
