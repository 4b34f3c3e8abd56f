/**
 * The explorer around the graph: search, legend filters, the neighbourhood
 * filter, view state in the URL (reload, back/forward), dragged positions
 * kept across reloads, responsive panels, and an accessibility audit.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { endDay, startDay, toDay } from '../../src/core/dates';
import type { Dataset } from '../../src/core/schema';
import { launchBrowser, openApp } from './browser';

const seed = JSON.parse(readFileSync('graph-data/seed.json', 'utf8')) as Dataset;
const activeAt = (t: number) =>
  seed.relations.filter((r) => startDay(r.from) <= t && t < endDay(r.until));
const hook = <T>(page: Page, fn: (h: NonNullable<Window['__allegiance']>) => T) =>
  page.evaluate(`(${fn.toString()})(window.__allegiance)`) as Promise<T>;

/** The widths the app is designed for: a desktop, a small laptop or tablet, a phone. */
const VIEWPORTS = [
  { width: 1440, height: 900 },
  { width: 1024, height: 768 },
  { width: 390, height: 844 },
];

describe('explorer', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => browser?.close());

  it('search by alias selects the actor and shows its details', async () => {
    const page = await openApp(browser);
    const withAlias = seed.actors.find(
      (a) => a.aliases?.length && !a.label.includes(a.aliases[0]!),
    )!;
    const box = page.getByRole('combobox', { name: 'Search actors' });
    await box.fill(withAlias.aliases![0]!);
    await expect(page.getByRole('option').first().textContent()).resolves.toContain(
      withAlias.label,
    );
    await box.press('Enter');
    await page.waitForURL(new RegExp(`select=actor%3A${withAlias.id}`));
    await expect(page.locator('#details-panel').textContent()).resolves.toContain(withAlias.label);
    await page.close();
  });

  it('hovering an actor or a relation shows a tooltip', async () => {
    const page = await openApp(browser, '/?date=1988-06-01');
    const at = (await hook(page, (h) => h.clientPosition('actor', 'ussr')))!;
    await page.mouse.move(at.x, at.y);
    await expect(page.getByRole('tooltip').textContent()).resolves.toContain('Soviet Union');
    const edge = (await hook(page, (h) =>
      h.clientPosition('relation', 'r-mujahideen-ussr-hostility'),
    ))!;
    await page.mouse.move(edge.x, edge.y);
    await page.waitForFunction(() =>
      document.querySelector('[role=tooltip]')?.textContent?.includes('Hostility'),
    );
    await page.mouse.move(5, 300);
    await page.waitForFunction(() => document.querySelector('[role=tooltip]') === null);
    await page.close();
  });

  it('legend toggles hide actor types and relation kinds, and show them again', async () => {
    const page = await openApp(browser, '/?date=2025-03-01');
    const all = await hook(page, (h) => h.drawnRelations());
    expect(all.length).toBe(activeAt(toDay('2025-03-01')).length);

    await page.getByRole('button', { name: /^Tension$/ }).click();
    const noTension = await hook(page, (h) => h.drawnRelations());
    const tensionIds = activeAt(toDay('2025-03-01'))
      .filter((r) => r.kind === 'tension')
      .map((r) => r.id);
    expect(tensionIds.length).toBeGreaterThan(0);
    expect(noTension.sort()).toEqual(all.filter((id) => !tensionIds.includes(id)).sort());

    await page.getByRole('button', { name: /^Person$/ }).click();
    const people = seed.actors.filter((a) => a.type === 'person').map((a) => a.id);
    const drawnActors = await hook(page, (h) => h.drawnActors());
    expect(drawnActors.some((id) => people.includes(id))).toBe(false);
    const relationsNow = await hook(page, (h) => h.drawnRelations());
    const byId = new Map(seed.relations.map((r) => [r.id, r]));
    expect(
      relationsNow.some(
        (id) => people.includes(byId.get(id)!.source) || people.includes(byId.get(id)!.target),
      ),
    ).toBe(false);

    await page.getByRole('button', { name: 'Show everything' }).click();
    expect(await hook(page, (h) => h.drawnRelations())).toEqual(all);
    await page.close();
  });

  it.each(VIEWPORTS)(
    'the legend is one tab stop: arrow keys move between its toggles, Space toggles, time stays (%o)',
    async (viewport) => {
      const page = await openApp(browser, '/?date=2025-03-01', viewport);
      // Folded on smaller screens (a rail, or a sheet on a phone): open it.
      const legend = page.getByRole('button', { name: 'Legend & filters' });
      if ((await legend.getAttribute('aria-expanded')) === 'false') await legend.click();
      const toggles = page.locator('.legend__toggle');
      const count = await toggles.count();
      expect(count).toBeGreaterThan(4);
      // Exactly one toggle is in the tab order.
      const tabbable = await toggles.evaluateAll(
        (els) => els.filter((e) => e.tabIndex === 0).length,
      );
      expect(tabbable).toBe(1);
      const label = () => page.evaluate(() => document.activeElement?.textContent ?? '');
      const date = () => hook(page, (h) => h.date());
      const before = await date();

      await toggles.first().focus();
      const first = await label();
      await page.keyboard.press('ArrowDown');
      const second = await label();
      expect(second).not.toBe(first);
      await page.keyboard.press('End');
      expect(await label()).toBe(await toggles.last().textContent());
      await page.keyboard.press('ArrowDown'); // wraps around
      expect(await label()).toBe(first);
      await page.keyboard.press('ArrowUp');
      expect(await label()).toBe(await toggles.last().textContent());
      expect(await date()).toBe(before); // the arrows moved focus, not time

      // Tab leaves the legend at once, and coming back lands on the toggle last used.
      await page.keyboard.press('Tab');
      expect(
        await page.evaluate(() => document.activeElement?.classList.contains('legend__toggle')),
      ).toBe(false);
      await page.keyboard.press('Shift+Tab');
      expect(await label()).toBe(await toggles.last().textContent());
      await page.keyboard.press('Space');
      await expect(toggles.last().getAttribute('aria-pressed')).resolves.toBe('false');
      await page.close();
    },
  );

  it.each(VIEWPORTS)(
    'Escape clears the selection, but only closes a popup that has focus (%o)',
    async (viewport) => {
      const page = await openApp(browser, '/?date=2025-03-01&select=actor:pakistan', viewport);
      const title = page.locator('#details-panel .details__title');
      await expect(title.textContent()).resolves.toBe('Pakistan');
      // In the search's result list Escape closes the list and keeps the selection.
      const box = page.getByRole('combobox', { name: 'Search actors' });
      if (!(await box.isVisible())) await page.getByRole('button', { name: 'Menu' }).click();
      await box.fill('Tal');
      await page.getByRole('listbox').waitFor();
      await box.press('Escape');
      await page.getByRole('listbox').waitFor({ state: 'detached' });
      expect(await title.count()).toBe(1);
      // From the page, Escape clears it: no details, no selection in the URL.
      // (On a phone that Escape also folded the header menu, and the box with it.)
      await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
      await page.keyboard.press('Escape');
      await title.waitFor({ state: 'detached' });
      await page.waitForURL((url) => !url.searchParams.has('select'));
      await page.close();
    },
  );

  it('the neighbourhood filter keeps only the selection and its counterparts at the date', async () => {
    const page = await openApp(browser, '/?date=1988-06-01&select=actor:mujahideen');
    await page.getByRole('checkbox', { name: /Only the neighbourhood/ }).check();
    const t = toDay('1988-06-01');
    const expected = new Set(['mujahideen']);
    for (const r of activeAt(t)) {
      if (r.source === 'mujahideen') expected.add(r.target);
      if (r.target === 'mujahideen') expected.add(r.source);
    }
    expect(await hook(page, (h) => h.drawnActors())).toEqual([...expected].sort());
    await page.close();
  });

  it('a URL reopens the same date, selection and filters; back and forward walk the views', async () => {
    const page = await openApp(
      browser,
      '/?date=2001-10-07&select=relation:r-usa-taliban-hostility&hide-kinds=contact',
    );
    expect(await hook(page, (h) => h.date())).toBe('2001-10-07');
    await expect(
      page.getByRole('button', { name: /^Contact$/ }).getAttribute('aria-pressed'),
    ).resolves.toBe('false');
    await expect(page.locator('#details-panel').textContent()).resolves.toContain('United States');

    await page.reload();
    await page.waitForFunction(() => window.__allegiance !== undefined);
    expect(await hook(page, (h) => h.date())).toBe('2001-10-07');
    expect(page.url()).toContain('hide-kinds=contact');

    await page.getByRole('button', { name: /^Tension$/ }).click();
    await page.waitForURL(/hide-kinds=contact%2Ctension/);
    await page.goBack();
    await page.waitForFunction(() => !location.search.includes('tension'));
    await expect(
      page.getByRole('button', { name: /^Tension$/ }).getAttribute('aria-pressed'),
    ).resolves.toBe('true');
    await page.goForward();
    await page.waitForFunction(() => location.search.includes('tension'));
    await expect(
      page.getByRole('button', { name: /^Tension$/ }).getAttribute('aria-pressed'),
    ).resolves.toBe('false');

    // An entry without a selection has none: Forward to it clears the one Back restored.
    await page.getByRole('button', { name: 'Clear the selection' }).click();
    await page.waitForFunction(() => !location.search.includes('select='));
    await page.goBack();
    await page.waitForFunction(() => location.search.includes('select='));
    await expect(page.locator('#details-panel').textContent()).resolves.toContain('United States');
    await page.goForward();
    await page.waitForFunction(() => !location.search.includes('select='));
    await page.getByRole('button', { name: 'Clear the selection' }).waitFor({ state: 'detached' });
    await page.close();
  });

  it('a dragged node keeps its position after a reload', async () => {
    const page = await openApp(browser, '/?date=2025-03-01');
    const before = (await hook(page, (h) => h.modelPosition('india')))!;
    const at = (await hook(page, (h) => h.clientPosition('actor', 'india')))!;
    await page.mouse.move(at.x, at.y);
    await page.mouse.down();
    await page.mouse.move(at.x + 40, at.y + 30, { steps: 8 });
    await page.mouse.move(at.x + 80, at.y + 60, { steps: 8 });
    await page.mouse.up();
    await page.waitForFunction(
      (b) => window.__allegiance!.modelPosition('india')!.x !== b.x,
      before,
    );
    const moved = (await hook(page, (h) => h.modelPosition('india')))!;
    expect(Math.hypot(moved.x - before.x, moved.y - before.y)).toBeGreaterThan(20);

    await page.reload();
    await page.waitForFunction(() => window.__allegiance !== undefined);
    const after = (await hook(page, (h) => h.modelPosition('india')))!;
    expect(after).toEqual({ x: Math.round(moved.x), y: Math.round(moved.y) });
    await page.close();
  });

  it('folds its side panels on a narrow screen and keeps the graph', async () => {
    const page = await openApp(browser, '/', { width: 700, height: 900 });
    await expect(
      page.getByRole('button', { name: 'Details' }).getAttribute('aria-expanded'),
    ).resolves.toBe('false');
    const graph = await page.getByTestId('graph').boundingBox();
    expect(graph!.width).toBeGreaterThan(600);
    await page.close();
    const wide = await openApp(browser, '/', { width: 1920, height: 1080 });
    await expect(
      wide.getByRole('button', { name: 'Details' }).getAttribute('aria-expanded'),
    ).resolves.toBe('true');
    await wide.close();
  });

  it.each([
    '/?select=actor:pakistan',
    '/?date=2025-03-01&select=relation:r-pak-taliban-hostility&view=table',
    '/?select=event:e-us-withdrawal',
  ])('has no serious or critical accessibility violations (axe-core) at %s', async (path) => {
    const page = await openApp(browser, path);
    const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
    await page.addScriptTag({ path: axePath });
    const violations =
      (await page.evaluate(`axe.run(document, { resultTypes: ['violations'] }).then((r) =>
      r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => v.id + ': ' + v.nodes.map((n) => n.target.join(' ')).join(', ')))`)) as string[];
    expect(violations).toEqual([]);
    await page.close();
  });
});
