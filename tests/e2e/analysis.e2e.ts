/**
 * The analysis views on the seed: pair history, compare dates, structural
 * balance and camps, centrality, and small multiples. Every expectation is
 * computed by the core from graph-data/seed.json; the overlay is checked
 * through the test hook (relations drawn only because of it) and pixels.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  balanceAt,
  betweennessAt,
  buildAnalysisModel,
  campsAt,
  compareDates,
  degreeAt,
  pairHistory,
  rankingAt,
} from '../../src/core/analysis';
import { toDay } from '../../src/core/dates';
import type { Dataset } from '../../src/core/schema';
import { launchBrowser, openApp, pixelDifference, pixelStats } from './browser';

const seed = JSON.parse(readFileSync('graph-data/seed.json', 'utf8')) as Dataset;
const model = buildAnalysisModel(seed);
const pct = (x: number | null) => (x === null ? '—' : `${Math.round(x * 100)}%`);
const hook = <T>(page: Page, fn: (h: NonNullable<Window['__allegiance']>) => T) =>
  page.evaluate(`(${fn.toString()})(window.__allegiance)`) as Promise<T>;
const position = (page: Page, kind: 'actor' | 'relation', id: string) =>
  page.evaluate(([k, i]) => window.__allegiance!.clientPosition(k as 'actor', i!), [kind, id]);

async function openTab(page: Page, name: string) {
  await page.getByRole('tab', { name: 'Analysis' }).click();
  await page.getByRole('tab', { name }).click();
}

/** Resolves once the page has drawn `n` more animation frames (two: one full frame has passed). */
const nextFrames = (page: Page, n = 2) =>
  page.evaluate(async (count) => {
    for (let i = 0; i < count; i++) await new Promise(requestAnimationFrame);
  }, n);

/** A screenshot of the square of side 2r around a point of the page. */
async function around(page: Page, p: { x: number; y: number }, r = 16) {
  await nextFrames(page); // Cytoscape repaints on its next animation frame
  return page.screenshot({ clip: { x: p.x - r, y: p.y - r, width: 2 * r, height: 2 * r } });
}

const texts = (l: Locator, attr: string) =>
  l.evaluateAll((els, a) => els.map((e) => e.getAttribute(a)), attr);

describe('analysis', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => browser?.close());

  it('pair history of Pakistan and the Afghan Taliban shows the turn from support to hostility', async () => {
    const expected = pairHistory(model, 'pakistan', 'afghan-taliban');
    const statuses = expected.segments.map((s) => s.status);
    // The seed's story, as the core reads it: support first, hostility last.
    expect(statuses[0]).toBe('positive');
    expect(statuses[statuses.length - 1]).toBe('negative');
    const support = expected.relations.find((r) => r.kind === 'support')!;
    const hostility = expected.relations.find((r) => r.kind === 'hostility')!;
    expect(expected.segments[0]!.relations).toContain(support.id);
    expect(expected.segments[expected.segments.length - 1]!.relations).toContain(hostility.id);

    const page = await openApp(browser, '/?date=2025-03-01&select=actor:pakistan');
    await page.getByRole('button', { name: 'Compare with…' }).click();
    // The second actor is picked by clicking it on the graph.
    await page.getByText(/by clicking it on the graph/).waitFor();
    const taliban = (await position(page, 'actor', 'afghan-taliban'))!;
    await page.mouse.click(taliban.x, taliban.y);
    const strip = page.getByTestId('pair-strip');
    await strip.waitFor();
    expect(await texts(strip.locator('[data-status]'), 'data-status')).toEqual(statuses);
    expect(await texts(strip.locator('.strip__bar'), 'data-relation-id')).toEqual(
      expected.relations.map((r) => r.id),
    );
    await expect(page.getByTestId('pair-story').textContent()).resolves.toMatch(
      /Positive 1994 – 16 April 2022, then negative since 16 April 2022/,
    );

    // Evidence on click: the hostility bar shows its quotes.
    await strip.locator(`[data-relation-id="${hostility.id}"]`).click();
    const evidence = page.getByTestId('pair-evidence');
    for (const e of hostility.evidence)
      await expect(evidence.textContent()).resolves.toContain(e.quote.slice(0, 60));
    await page.close();
  });

  it('comparing 2020 with 2025 lists the flips, marks the changes on the graph, and jumps to either date', async () => {
    const cmp = compareDates(model, toDay('2020-01-01'), toDay('2025-01-01'));
    const flip = cmp.flips.find(
      (f) => f.actors.includes('pakistan') && f.actors.includes('afghan-taliban'),
    )!;
    expect(flip.reversal).toBe(true);
    expect([flip.before.sign, flip.after.sign]).toEqual([1, -1]);

    const page = await openApp(browser, '/?date=2025-03-01');
    await openTab(page, 'Compare');
    await page.getByLabel('First date (t1)').fill('2020-01-01');
    await page.getByLabel('Second date (t2)').fill('2025-01-01');
    const list = page.getByTestId('compare-changes');
    await page.waitForFunction(
      (n) => document.querySelectorAll('[data-change="flipped"]').length === n,
      cmp.flips.length,
    );
    expect(await texts(list.locator('[data-change="flipped"]'), 'data-pair')).toEqual(
      cmp.flips.map((f) => f.actors.join('|')),
    );
    const others = [...cmp.entered, ...cmp.left];
    expect(await list.locator('[data-change="began"]').count()).toBe(
      others.filter((c) => c.event === 'start').length,
    );
    expect(await list.locator('[data-change="ended"]').count()).toBe(
      others.filter((c) => c.event === 'end').length,
    );
    // The flip's item carries the evidence of what changed.
    const item = list.locator(`[data-pair="${flip.actors.join('|')}"]`);
    const text = (await item.textContent())!;
    for (const ch of [...flip.left, ...flip.entered])
      expect(text).toContain(ch.relation.evidence[0]!.quote.slice(0, 50));

    // The support that ended is drawn at 2025 only because of the overlay.
    const ended = flip.left[0]!.relation.id;
    expect(await position(page, 'relation', ended)).not.toBeNull();
    expect(await hook(page, (h) => h.drawnRelations())).not.toContain(ended);
    const hostility = (await position(page, 'relation', 'r-pak-taliban-hostility'))!;
    const marked = await around(page, hostility);

    await page.getByRole('button', { name: /^Show t1/ }).click();
    await page.waitForFunction(() => window.__allegiance!.date() === '2020-01-01');
    expect(await hook(page, (h) => h.drawnRelations())).toContain(ended);
    await page.getByRole('button', { name: /^Show t2/ }).click();
    await page.waitForFunction(() => window.__allegiance!.date() === '2025-01-01');

    // Leaving the analysis clears the overlay.
    await page.getByRole('tab', { name: 'Details' }).click();
    await page.waitForFunction((id) => !window.__allegiance!.clientPosition('relation', id), ended);
    expect(pixelDifference(marked, await around(page, hostility))).toBeGreaterThan(0.05);
    await page.close();
  });

  it('the balance panel shows the core’s numbers for the date, and marks triangles and camps', async () => {
    const DATE = '2021-09-04';
    const report = balanceAt(model, toDay(DATE));
    const camps = campsAt(model, toDay(DATE));
    expect(report.unbalancedTriangles.length).toBeGreaterThan(0);

    const page = await openApp(browser, `/?date=${DATE}`);
    await openTab(page, 'Balance');
    const panel = page.getByTestId('balance');
    for (const key of ['ppp', 'ppn', 'pnn', 'nnn', 'total'] as const)
      await expect(panel.getByTestId(`count-${key}`).textContent()).resolves.toBe(
        String(report.counts[key]),
      );
    await expect(panel.getByTestId('balanced-share').textContent()).resolves.toBe(
      pct(report.balancedShare),
    );
    await expect(panel.getByTestId('weak-share').textContent()).resolves.toBe(
      pct(report.weaklyBalancedShare),
    );
    const pairs = (await panel.getByTestId('balance-pairs').textContent())!;
    expect(pairs).toContain(`${report.signedPairs} signed pair`);
    expect(pairs).toContain(`${report.mixedPairs} mixed`);
    expect(await texts(panel.locator('[data-pattern][data-actors]'), 'data-actors')).toEqual(
      report.unbalancedTriangles.map((t) => t.actors.join('|')),
    );
    await expect(panel.getByTestId('frustration').textContent()).resolves.toContain(
      `Frustration ${camps.frustration}`,
    );

    // Highlights: the pink halo on a side of the unbalanced triangle goes when switched off.
    const side = report.unbalancedTriangles[0]!.sides[0]!.relations[0]!;
    const p = (await position(page, 'relation', side))!;
    const on = await around(page, p);
    await panel.getByLabel('Highlight them on the graph').uncheck();
    expect(pixelDifference(on, await around(page, p))).toBeGreaterThan(0.05);
    // Camps: the rings around a camp member go when switched off.
    const member = camps.components.find((c) => c.actors.length > 1)!.actors[0]!;
    const q = (await position(page, 'actor', member))!;
    const ringed = await around(page, q, 22);
    await panel.getByLabel('Colour actors by camp on the graph').uncheck();
    expect(pixelDifference(ringed, await around(page, q, 22))).toBeGreaterThan(0.05);

    // The line on the time bar names the lowest share, as the core finds it at any change.
    const days = [model.index.start, ...model.index.changeDays()].filter(
      (d) => d >= model.index.start && d <= model.index.end,
    );
    const lowest = Math.min(
      ...days.map((d) => balanceAt(model, d).balancedShare).filter((x): x is number => x !== null),
    );
    await expect(
      page.getByTestId('balance-line').locator('svg').getAttribute('aria-label'),
    ).resolves.toContain(`lowest ${pct(lowest)}`);

    // The numbers follow the date.
    await page.getByRole('slider', { name: 'Date' }).press('End');
    const atEnd = balanceAt(model, model.index.end);
    await expect
      .poll(() => panel.getByTestId('balanced-share').textContent())
      .toBe(pct(atEnd.balancedShare));
    await expect(panel.getByTestId('count-total').textContent()).resolves.toBe(
      String(atEnd.counts.total),
    );
    await page.close();
  });

  it('centrality: the selected actor’s values and the ranking at the date match the core', async () => {
    const DATE = '2021-09-04';
    const t = toDay(DATE);
    const page = await openApp(browser, `/?date=${DATE}&select=actor:pakistan`);
    await openTab(page, 'Centrality');
    const degree = degreeAt(model, 'pakistan', t);
    for (const key of ['positive', 'negative', 'neutral'] as const)
      await expect(page.getByTestId(`now-${key}`).textContent()).resolves.toBe(String(degree[key]));
    await expect(page.getByTestId('now-betweenness').textContent()).resolves.toBe(
      betweennessAt(model, t).get('pakistan')!.toFixed(3),
    );
    await page.waitForFunction(
      () =>
        document.querySelector('[data-testid="centrality"]')?.getAttribute('aria-busy') === 'false',
    );
    for (const d of await texts(page.locator('.spark__line'), 'd')) expect(d).toMatch(/^M/);

    const ranking = page.getByTestId('ranking');
    expect(await texts(ranking.locator('tbody tr'), 'data-actor')).toEqual(
      rankingAt(model, t, 'degree')
        .slice(0, 10)
        .map((r) => r.actor),
    );
    await page.getByLabel('Rank by').selectOption('betweenness');
    await expect
      .poll(() => texts(ranking.locator('tbody tr'), 'data-actor'))
      .toEqual(
        rankingAt(model, t, 'betweenness')
          .slice(0, 10)
          .map((r) => r.actor),
      );
    await page.close();
  });

  it('small multiples render one non-blank panel per chosen date, and download as one image', async () => {
    const page = await openApp(browser, '/?view=multiples');
    const grid = page.getByTestId('multiples-grid');
    const eventDays = new Set(seed.events.map((e) => toDay(e.date)));
    await expect.poll(() => grid.locator('li').count()).toBe(eventDays.size);

    // Each decade, then the period's last years: 1980 … 2020 and June 2025.
    await page.getByLabel('Each decade').check();
    await expect
      .poll(() => texts(grid.locator('li'), 'data-day'))
      .toEqual(['1980', '1990', '2000', '2010', '2020', '2025-06'].map((d) => String(toDay(d))));
    await expect(grid.locator('li').last().textContent()).resolves.toContain('June 2025');

    await page.getByLabel('My dates').check();
    const dates = ['1988', '2001-10-07', '2021-08-15', '2025'];
    await page.getByLabel(/^Dates \(/).fill(dates.join(', '));
    await page.getByRole('button', { name: 'Show', exact: true }).click();
    await expect.poll(() => grid.locator('li').count()).toBe(dates.length);
    expect((await texts(grid.locator('li'), 'data-day')).map(Number)).toEqual(dates.map(toDay));

    const shots: Buffer[] = [];
    for (const img of await grid.locator('img').all()) {
      await expect
        .poll(() => img.evaluate((i: HTMLImageElement) => i.naturalWidth))
        .toBeGreaterThan(0);
      const shot = await img.screenshot();
      const stats = pixelStats(shot);
      expect(stats.variance).toBeGreaterThan(50);
      expect(stats.inked).toBeGreaterThan(0.02);
      shots.push(shot);
    }
    expect(pixelDifference(shots[0]!, shots[3]!)).toBeGreaterThan(0.01);

    // The panels respect the legend's filters.
    await page.getByRole('button', { name: /^Tension$/ }).click();
    const active = model.index.stateAt(toDay('2025')).relations;
    const shown = active.filter((id) => model.relationsById.get(id)!.kind !== 'tension').length;
    await expect
      .poll(() => grid.locator('li').last().locator('img').getAttribute('alt'))
      .toContain(`${shown} relations`);

    const [file] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download PNG' }).click(),
    ]);
    expect(file.suggestedFilename()).toBe('allegiance-small-multiples.png');
    const png = pixelStats(readFileSync((await file.path())!));
    expect(png.width).toBeGreaterThan(
      2 *
        (await grid
          .locator('img')
          .first()
          .evaluate((i: HTMLImageElement) => i.naturalWidth)),
    );
    expect(png.variance).toBeGreaterThan(50);
    expect(page.url()).toContain('view=multiples');
    await page.close();
  });

  it.each([
    ['Pair', '/?date=2025-03-01&select=actor:pakistan'],
    ['Compare', '/?date=2025-03-01'],
    ['Balance', '/?date=2021-09-04'],
    ['Centrality', '/?date=2021-09-04&select=actor:pakistan'],
    ['Small multiples', '/?view=multiples'],
  ])('has no serious or critical accessibility violations (axe-core): %s', async (tab, path) => {
    const page = await openApp(browser, path);
    if (tab === 'Pair') {
      await page.getByRole('button', { name: 'Compare with…' }).click();
      await page.getByLabel('Second actor').selectOption('afghan-taliban');
      await page.getByTestId('pair-strip').locator('.strip__bar').first().click();
    } else if (tab === 'Small multiples') await page.getByTestId('multiples-grid').waitFor();
    else await openTab(page, tab);
    // Check the settled view: nothing still computing (the centrality series is computed in
    // slices, aria-busy meanwhile) and a frame drawn since.
    await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'));
    await nextFrames(page);
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
