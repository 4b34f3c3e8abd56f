/**
 * The picture reads at a glance (issue #12, point 1), on the seed at the dates that tell its
 * story and at desktop, laptop and phone sizes: parallel relations are distinct curves, lines
 * keep clear of actors they do not join, labels have a halo and do not sit on other actors,
 * and a selection stays emphasised until cleared. Screenshots go to
 * test-results/picture-<date>-<width>.png; the M synthetic dataset must render with the same
 * styles.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Point } from '../../src/core/layout';
import { generateSynthetic, SYNTHETIC_SIZES } from '../../src/core/synthetic';
import { tokens } from '../../src/core/tokens';
import type { AllegianceTestHook } from '../../src/ui/testHook';
import { launchBrowser, openApp } from './browser';

/** The actors each of the seed's relations joins. */
const seed = JSON.parse(readFileSync('graph-data/seed.json', 'utf8')) as {
  relations: { id: string; source: string; target: string }[];
};
const ends = new Map(seed.relations.map((r) => [r.id, r]));

const SIZES = [
  { width: 1440, height: 900 },
  { width: 1024, height: 768 },
  { width: 390, height: 844 },
];
const DATES = ['2025-06', '1998', '2010', '2021-09'];
const RADIUS = tokens.size.node / 2;

type Box = { x1: number; y1: number; x2: number; y2: number };

interface Picture {
  zoom: number;
  actors: { id: string; at: Point; label: Box | null }[];
  relations: { id: string; line: Point[] }[];
}

/** Everything drawn, from the test hook: positions, label boxes and each relation's line. */
async function picture(page: Page): Promise<Picture> {
  return page.evaluate(() => {
    const h = window.__allegiance!;
    const actors = h.drawnActors().map((id) => ({
      id,
      at: h.clientPosition('actor', id)!,
      label: h.labelBox(id),
      model: h.modelPosition(id)!,
    }));
    // Screen pixels per graph unit, from the two actors farthest apart.
    const [a, b] = [actors[0]!, actors[actors.length - 1]!];
    const zoom =
      Math.hypot(a.at.x - b.at.x, a.at.y - b.at.y) /
      Math.max(1e-9, Math.hypot(a.model.x - b.model.x, a.model.y - b.model.y));
    const relations = h.drawnRelations().map((id) => ({ id, line: h.relationLine(id)! }));
    return { zoom, actors, relations };
  });
}

const hook = <T>(page: Page, fn: (h: AllegianceTestHook) => T) =>
  page.evaluate(`(${fn.toString()})(window.__allegiance)`) as Promise<T>;

const distance = (p: Point, q: Point) => Math.hypot(p.x - q.x, p.y - q.y);
const overlaps = (a: Box, b: Box, tolerance = 1) =>
  a.x1 + tolerance < b.x2 &&
  b.x1 + tolerance < a.x2 &&
  a.y1 + tolerance < b.y2 &&
  b.y1 + tolerance < a.y2;
const inside = (p: Point, b: Box) => p.x > b.x1 && p.x < b.x2 && p.y > b.y1 && p.y < b.y2;

describe('the picture reads at a glance', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
    mkdirSync('test-results', { recursive: true });
  });
  afterAll(async () => {
    await browser.close();
  });

  for (const size of SIZES)
    for (const date of DATES)
      it(`at ${date}, ${size.width}x${size.height}: curves apart, lines clear of actors, labels clear`, async () => {
        const page = await openApp(browser, `/?date=${date}`, size);
        await page
          .getByTestId('graph')
          .screenshot({ path: `test-results/picture-${date}-${size.width}.png` });
        const pic = await picture(page);
        expect(pic.relations.length).toBeGreaterThan(0);

        // Parallel relations: distinct curves, their midpoints a clear gap apart.
        const byPair = new Map<string, Point[]>();
        for (const r of pic.relations) {
          const { source, target } = ends.get(r.id)!;
          const key = [source, target].sort().join(' ');
          byPair.set(key, [...(byPair.get(key) ?? []), r.line[16]!]);
        }
        const minGap = Math.min(8, 0.9 * tokens.size.parallelGap * pic.zoom);
        for (const [pair, mids] of byPair)
          for (let i = 0; i < mids.length; i++)
            for (let j = i + 1; j < mids.length; j++)
              expect(
                distance(mids[i]!, mids[j]!),
                `parallel relations of ${pair}`,
              ).toBeGreaterThanOrEqual(size.width >= 1024 ? 8 : minGap);

        // No relation passes over an actor it does not join.
        const through: string[] = [];
        for (const r of pic.relations) {
          const { source, target } = ends.get(r.id)!;
          for (const a of pic.actors) {
            if (a.id === source || a.id === target) continue;
            const closest = Math.min(...r.line.map((p) => distance(p, a.at)));
            if (closest < RADIUS * pic.zoom) through.push(`${r.id} over ${a.id}`);
          }
        }
        // None at any date: the layout keeps every line clear at every date
        // (core/lineClearance.ts; src/core/layout.test.ts checks every date, not only these).
        expect(through).toEqual([]);

        // Labels: none on another actor's symbol, none on another label.
        const labelled = pic.actors.filter((a) => a.label);
        for (const a of labelled)
          for (const b of pic.actors) {
            if (a === b) continue;
            const r = (RADIUS - 2) * pic.zoom;
            const symbol = { x1: b.at.x - r, y1: b.at.y - r, x2: b.at.x + r, y2: b.at.y + r };
            expect(overlaps(a.label!, symbol), `${a.id}'s label on ${b.id}`).toBe(false);
            if (b.label && a.id < b.id)
              expect(overlaps(a.label!, b.label, 2), `${a.id}'s and ${b.id}'s labels`).toBe(false);
          }
        // A hidden label comes back when its actor is hovered.
        const hidden = pic.actors.find((a) => !a.label);
        if (hidden) {
          await page.mouse.move(hidden.at.x, hidden.at.y);
          await page.waitForFunction((id) => window.__allegiance!.labelBox(id) !== null, hidden.id);
        }
        await page.close();
      });

  it('labels have a halo: next to a glyph over a line, the pixels are the halo colour', async () => {
    const page = await openApp(browser, '/?date=2025-06', SIZES[0]);
    const pic = await picture(page);
    // Labels relations' lines cross, away from the label's own actor.
    const crossings: { box: Box; line: Point[] }[] = [];
    for (const r of pic.relations)
      for (const a of pic.actors) {
        const { source, target } = ends.get(r.id)!;
        if (!a.label || a.id === source || a.id === target) continue;
        if (r.line.some((p) => inside(p, a.label!))) crossings.push({ box: a.label, line: r.line });
      }
    expect(crossings.length, 'a line crosses some label at 2025').toBeGreaterThan(0);
    const graph = page.getByTestId('graph');
    const origin = (await graph.boundingBox())!;
    const png = PNG.sync.read(await graph.screenshot());
    const px = (x: number, y: number) => {
      const i = (Math.round(y - origin.y) * png.width + Math.round(x - origin.x)) * 4;
      return [png.data[i]!, png.data[i + 1]!, png.data[i + 2]!] as const;
    };
    const lum = ([r, g, b]: readonly number[]) => 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
    /** Glyph pixels near the line in the label's box, and how many of their neighbours are not grey. */
    const inkOver = ({ box, line }: { box: Box; line: Point[] }) => {
      const nearLine = (x: number, y: number) => line.some((p) => distance(p, { x, y }) < 8);
      let glyphs = 0;
      let besideLine = 0;
      for (let y = Math.ceil(box.y1) + 1; y < box.y2 - 1; y++)
        for (let x = Math.ceil(box.x1) + 1; x < box.x2 - 1; x++) {
          if (!nearLine(x, y) || lum(px(x, y)) > 90) continue;
          glyphs++;
          for (const [dx, dy] of [
            [1, 0],
            [-1, 0],
            [0, 1],
            [0, -1],
          ] as const) {
            const [r, g, b] = px(x + dx, y + dy);
            const grey = Math.max(r, g, b) - Math.min(r, g, b) < 24;
            // Antialiased glyph edges blend ink into the white halo: grey. A line is coloured.
            if (!grey) besideLine++;
          }
        }
      return { glyphs, besideLine };
    };
    // Where a line runs through the most glyphs (one that only grazes a label's corner shows
    // nothing): each of their neighbours is glyph or halo, never the line.
    const { glyphs, besideLine } = crossings
      .map(inkOver)
      .reduce((most, ink) => (ink.glyphs > most.glyphs ? ink : most));
    expect(glyphs).toBeGreaterThan(5);
    expect(besideLine / (glyphs * 4)).toBeLessThan(0.02);
    await page.close();
  });

  for (const size of SIZES)
    it(`a selection stays emphasised after the mouse leaves, until cleared (${size.width}px)`, async () => {
      const page = await openApp(browser, '/?date=2025-06', size);
      const pakistan = (await hook(page, (h) => h.clientPosition('actor', 'pakistan')))!;
      await page.mouse.click(pakistan.x, pakistan.y);
      await page.waitForURL(/select=actor%3Apakistan/);
      await page.mouse.move(1, size.height - 1);
      const look = () =>
        hook(page, (h) => ({
          pakistan: h.emphasis('actor', 'pakistan'),
          taliban: h.emphasis('actor', 'afghan-taliban'),
          hostility: h.emphasis('relation', 'r-pak-taliban-hostility'),
          faiz: h.emphasis('actor', 'faiz-hameed'),
          unrelated: h.emphasis('relation', 'r-usa-isisk-hostility'),
        }));
      expect(await look()).toEqual({
        pakistan: 'highlighted',
        taliban: 'highlighted',
        hostility: 'highlighted',
        faiz: 'dimmed',
        unrelated: 'dimmed',
      });
      // Escape clears it: nothing dimmed.
      await page.keyboard.press('Escape');
      await page.waitForURL((url) => !url.searchParams.has('select'));
      expect(await look()).toEqual({
        pakistan: 'normal',
        taliban: 'normal',
        hostility: 'normal',
        faiz: 'normal',
        unrelated: 'normal',
      });
      await page.close();
    });

  it('a selected relation emphasises its two actors; a click on the background clears it', async () => {
    const page = await openApp(browser, '/?date=2025-06', SIZES[0]);
    const mid = (await hook(page, (h) => h.relationLine('r-usa-isisk-hostility')))![16]!;
    await page.mouse.click(mid.x, mid.y);
    await page.waitForURL(/select=relation%3Ar-usa-isisk-hostility/);
    await page.mouse.move(1, 1);
    const look = () =>
      hook(page, (h) => [
        h.emphasis('actor', 'usa'),
        h.emphasis('actor', 'isis-k'),
        h.emphasis('actor', 'pakistan'),
        h.emphasis('relation', 'r-pak-taliban-hostility'),
      ]);
    expect(await look()).toEqual(['highlighted', 'highlighted', 'dimmed', 'dimmed']);
    // The background: a corner of the canvas, away from every actor.
    const box = (await page.getByTestId('graph').boundingBox())!;
    await page.mouse.click(box.x + box.width - 10, box.y + box.height - 10);
    await page.waitForURL((url) => !url.searchParams.has('select'));
    expect(await look()).toEqual(['normal', 'normal', 'normal', 'normal']);
    await page.close();
  });

  it('the M synthetic dataset renders with these styles, without errors', async () => {
    const dataset = { ...generateSynthetic('M', 12).dataset, title: 'M synthetic' };
    const page = await openApp(browser, '/', SIZES[0]);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.locator('input[type=file][aria-label="Choose files to import"]').setInputFiles({
      name: 'm.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(dataset)),
    });
    await page.waitForFunction(
      (n) => window.__allegiance?.drawnActors().length === n,
      SYNTHETIC_SIZES.M.actors,
      { timeout: 60_000 },
    );
    await page.getByTestId('graph').screenshot({ path: 'test-results/picture-M-1440.png' });
    const drawn = await hook(page, (h) => h.drawnRelations());
    expect(drawn.length).toBeGreaterThan(0);
    const line = await hook(page, (h) => h.relationLine(h.drawnRelations()[0]!));
    expect(line?.every((p) => Number.isFinite(p.x) && Number.isFinite(p.y))).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  }, 120_000);
});
