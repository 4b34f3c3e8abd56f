/**
 * The graph while authoring (issue #17), on the seed at 1280 × 800: outside
 * edit mode a drag moves an actor; in edit mode a drag from one actor to
 * another stretches a line to the pointer, rings the actor under it, and on
 * release opens the new-relation form with both ends filled. Saving it draws
 * the new relation on the canvas without rebuilding the view: exactly one
 * element is added, and every actor stays where it was on the canvas.
 */
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Point } from '../../src/core/layout';
import type { Dataset } from '../../src/core/schema';
import { tokens } from '../../src/core/tokens';
import { launchBrowser, openApp } from './browser';

const seed = JSON.parse(readFileSync('graph-data/seed.json', 'utf8')) as Dataset;
const related = new Set(seed.relations.map((r) => [r.source, r.target].sort().join(' ')));
const DATE = '2021-09-01';

const mounted = (page: Page) => page.evaluate(() => window.__allegiance!.elementsMounted());
const drawnRelations = (page: Page) => page.evaluate(() => window.__allegiance!.drawnRelations());
const position = (page: Page, id: string) =>
  page.evaluate((a) => window.__allegiance!.clientPosition('actor', a), id);

/**
 * Every drawn actor's position in graph coordinates, read through the camera: the edit bar above
 * the canvas may change its height, and a picture still as the app fitted it is then fitted
 * again (graph/camera.ts), which moves actors on screen but not in the graph.
 */
function graphPositions(page: Page): Promise<Map<string, Point>> {
  return page
    .evaluate(() => {
      const h = window.__allegiance!;
      const box = document.querySelector('[data-testid="graph"]')!.getBoundingClientRect();
      const { zoom, centre } = h.camera();
      return h.drawnActors().map((id) => {
        const p = h.clientPosition('actor', id)!;
        const x = centre.x + (p.x - (box.x + box.width / 2)) / zoom;
        const y = centre.y + (p.y - (box.y + box.height / 2)) / zoom;
        return [id, { x, y }] as const;
      });
    })
    .then((entries) => new Map(entries));
}

/** Every drawn actor's position on the canvas (the edit bar above it may change height). */
function canvasPositions(page: Page): Promise<Map<string, Point>> {
  return page
    .evaluate(() => {
      const h = window.__allegiance!;
      const box = document.querySelector('[data-testid="graph"]')!.getBoundingClientRect();
      return h.drawnActors().map((id) => {
        const p = h.clientPosition('actor', id)!;
        return [id, { x: p.x - box.x, y: p.y - box.y }] as const;
      });
    })
    .then((list) => new Map(list));
}

/** Two live actors with no relation between them in the dataset, far apart on screen. */
async function unrelatedPair(page: Page): Promise<[string, string]> {
  const live = await page.evaluate(() => window.__allegiance!.liveActors());
  const at = await canvasPositions(page);
  for (const a of live)
    for (const b of live) {
      if (a >= b || related.has([a, b].sort().join(' '))) continue;
      const [p, q] = [at.get(a)!, at.get(b)!];
      if (Math.hypot(p.x - q.x, p.y - q.y) > 150) return [a, b];
    }
  throw new Error(`no two unrelated live actors far apart at ${DATE}`);
}

/** Pixels within a small distance of the accent colour, in a square around a point. */
async function accentPixels(page: Page, at: Point): Promise<number> {
  const half = tokens.size.node;
  const png = PNG.sync.read(
    await page.screenshot({
      clip: { x: at.x - half, y: at.y - half, width: 2 * half, height: 2 * half },
    }),
  );
  const accent = [1, 3, 5].map((i) => parseInt(tokens.color.accent.slice(i, i + 2), 16));
  let count = 0;
  for (let i = 0; i < png.data.length; i += 4)
    if (accent.every((c, k) => Math.abs(png.data[i + k]! - c) < 24)) count++;
  return count;
}

async function enterEditMode(page: Page) {
  await page.getByRole('button', { name: 'Edit', exact: true }).click();
  await page.getByRole('button', { name: 'Edit', exact: true, pressed: true }).waitFor();
  // The edit panel's code loads on first use: until it is there, a loading line stands in for
  // it, and the graph below moves when the panel replaces that line.
  await page.getByRole('region', { name: 'Editing' }).waitFor();
  await page.waitForFunction(() => window.__allegiance?.graphMounted());
  await graphStill(page);
}

/** Waits until the graph's place on the page is the same in two frames running. */
async function graphStill(page: Page) {
  await page.waitForFunction(
    () =>
      new Promise<boolean>((resolve) => {
        const box = () => JSON.stringify(document.querySelector('#graph')!.getBoundingClientRect());
        const before = box();
        requestAnimationFrame(() => requestAnimationFrame(() => resolve(box() === before)));
      }),
  );
}

describe('drawing relations on the canvas', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('outside edit mode, a drag moves the actor and opens no form', async () => {
    const page = await openApp(browser, `/?date=${DATE}`);
    const [source] = await unrelatedPair(page);
    const from = (await position(page, source))!;
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    await page.mouse.move(from.x + 60, from.y + 40, { steps: 6 });
    await page.mouse.up();
    const to = (await position(page, source))!;
    expect(Math.hypot(to.x - from.x - 60, to.y - from.y - 40)).toBeLessThan(3);
    expect(await page.getByRole('dialog', { name: 'New relation' }).count()).toBe(0);
    await page.close();
  });

  it('in edit mode, a drag from one actor to another drafts a relation; saving draws it', async () => {
    const page = await openApp(browser, `/?date=${DATE}`);
    const [source, target] = await unrelatedPair(page);
    await enterEditMode(page);
    const from = (await position(page, source))!;
    const to = (await position(page, target))!;
    const mountedBefore = await mounted(page);
    const ringBefore = await accentPixels(page, to);

    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    const midway = { x: (from.x + to.x) / 2, y: (from.y + to.y) / 2 };
    await page.mouse.move(midway.x, midway.y, { steps: 5 });
    // The line runs from the actor to the pointer, which has not moved the actor.
    const band = page.locator('.graph-draw-band line');
    await band.waitFor({ state: 'visible' });
    const end = await band.evaluate((l) => ({
      x: Number(l.getAttribute('x2')),
      y: Number(l.getAttribute('y2')),
    }));
    const box = (await page.getByTestId('graph').boundingBox())!;
    expect(Math.hypot(box.x + end.x - midway.x, box.y + end.y - midway.y)).toBeLessThan(2);
    expect(await position(page, source)).toEqual(from);

    await page.mouse.move(to.x, to.y, { steps: 5 });
    // The actor the line would end at is ringed in the accent colour.
    await expect.poll(() => accentPixels(page, to)).toBeGreaterThan(ringBefore + 20);
    await page.mouse.up();
    await band.waitFor({ state: 'hidden' });

    const form = page.getByRole('dialog', { name: 'New relation' });
    await form.waitFor();
    // The actor pickers show the two actors by name.
    const labelOf = (id: string) => seed.actors.find((a) => a.id === id)!.label;
    const picker = (name: string) => form.getByRole('combobox', { name });
    expect(await picker('From actor').inputValue()).toBe(labelOf(source));
    expect(await picker('To actor').inputValue()).toBe(labelOf(target));

    // Save it: the view follows the edit instead of being rebuilt.
    const before = await graphPositions(page);
    const drawnBefore = new Set(await drawnRelations(page));
    await form.getByLabel('Kind').selectOption('hostility');
    await form.getByRole('button', { name: 'Add relation' }).click();
    await form.waitFor({ state: 'hidden' });
    await page.waitForFunction(
      (n) => window.__allegiance!.drawnRelations().length === n + 1,
      drawnBefore.size,
    );
    const added = (await drawnRelations(page)).filter((id) => !drawnBefore.has(id));
    expect(added).toHaveLength(1);
    expect(
      await page.evaluate((id) => window.__allegiance!.relationLine(id), added[0]!),
    ).not.toBeNull();
    expect(await mounted(page)).toBe(mountedBefore + 1);
    const after = await graphPositions(page);
    for (const [id, p] of before) {
      const now = after.get(id)!;
      expect(Math.hypot(now.x - p.x, now.y - p.y), id).toBeLessThan(0.5);
    }
    await page.close();
  });
});
