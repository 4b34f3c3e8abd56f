/**
 * A dataset above the large-graph threshold is drawn in batches
 * (src/graph/batched): the pixels must still show every actor in its type's
 * colour and every relation kind, follow legend filters and the date, and
 * clicks must still reach actors.
 */
import type { Browser, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toDay } from '../../src/core/dates';
import { generateSyntheticDataset } from '../../src/core/synthetic';
import { buildIndex } from '../../src/core/temporal';
import { BUILTIN_ACTOR_TYPES, BUILTIN_RELATION_KINDS } from '../../src/core/vocabulary';
import { LARGE_GRAPH_RELATIONS } from '../../src/graph/style';
import { launchBrowser, openApp } from './browser';

const dataset = {
  ...generateSyntheticDataset({ actors: 300, relations: 2_500, seed: 7 }),
  title: 'Large synthetic',
};

type RGB = [number, number, number];
const rgb = (hex: string): RGB => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) as RGB;
const colorOf = (kind: string) => rgb(BUILTIN_RELATION_KINDS.find((k) => k.id === kind)!.color);

interface Shot {
  png: PNG;
  /** Top-left of the shot on the page. */
  x: number;
  y: number;
}

/**
 * Stops the page's installed clock a moment after its own now. A page busy mounting may take
 * its time to answer, and a time it has passed cannot be paused at ("Cannot fast-forward to the
 * past"): then it tries again from the page's new now.
 */
async function pauseSoon(page: Page) {
  for (let attempt = 1; ; attempt++) {
    const now = await page.evaluate(() => Date.now());
    try {
      await page.clock.pauseAt(now + 1000);
      return;
    } catch (error) {
      if (attempt === 5 || !String(error).includes('fast-forward to the past')) throw error;
    }
  }
}

async function graphShot(page: Page): Promise<Shot> {
  const graph = page.getByTestId('graph');
  const box = (await graph.boundingBox())!;
  return { png: PNG.sync.read(await graph.screenshot()), x: box.x, y: box.y };
}

function pixel(shot: Shot, pageX: number, pageY: number): RGB {
  const i = (Math.round(pageY - shot.y) * shot.png.width + Math.round(pageX - shot.x)) * 4;
  return [shot.png.data[i]!, shot.png.data[i + 1]!, shot.png.data[i + 2]!];
}

/**
 * How much of `color` a pixel shows over white: a in p = 255 + a (c - 255), the same a in
 * every channel for a blend (antialiased lines, translucent label backgrounds); 0 if none.
 */
function coverage(p: RGB, color: RGB): number {
  const a = [0, 1, 2].filter((k) => color[k]! < 235).map((k) => (255 - p[k]!) / (255 - color[k]!));
  if (a.length === 0) return 0;
  const mean = a.reduce((s, v) => s + v, 0) / a.length;
  return mean <= 1.05 && a.every((v) => Math.abs(v - mean) < 0.1) ? mean : 0;
}

/** Pixels showing `color` over white at 40% coverage or more. */
function tinted(shot: Shot, color: RGB): number {
  const { data } = shot.png;
  let n = 0;
  for (let i = 0; i < data.length; i += 4)
    if (coverage([data[i]!, data[i + 1]!, data[i + 2]!], color) >= 0.4) n++;
  return n;
}

/**
 * Live actors that no other actor overlaps (a dense layout can put two on top of each other):
 * at one of those, the pixel and the click are that actor's.
 */
async function actorsStandingClear(page: Page): Promise<string[]> {
  const live = await page.evaluate(() => window.__allegiance!.liveActors());
  const drawn = await page.evaluate(() => window.__allegiance!.drawnActors());
  const at = await page.evaluate(
    (ids) => ids.map((id) => window.__allegiance!.modelPosition(id)!),
    drawn,
  );
  const position = new Map(drawn.map((id, i) => [id, at[i]!]));
  // Node diameter 30 plus borders and a margin, in graph units.
  const clear = (id: string) =>
    drawn.every((other) => {
      if (other === id) return true;
      const [p, q] = [position.get(id)!, position.get(other)!];
      return Math.hypot(p.x - q.x, p.y - q.y) >= 40;
    });
  return live.filter(clear);
}

describe('a large graph, drawn in batches', () => {
  let browser: Browser;
  let page: Page;
  beforeAll(async () => {
    expect(dataset.relations.length).toBeGreaterThan(LARGE_GRAPH_RELATIONS);
    browser = await launchBrowser();
    page = await openApp(browser);
    // The seed is small: no large-dataset note in its legend.
    expect(await page.getByText(/large dataset:/).count()).toBe(0);
    await page.locator('input[type=file][aria-label="Choose files to import"]').setInputFiles({
      name: 'large.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(dataset)),
    });
    await page.waitForFunction(
      (n) => window.__allegiance?.drawnActors().length === n,
      dataset.actors.length,
      { timeout: 60_000 },
    );
  });
  afterAll(async () => {
    await browser.close();
  });

  it('is drawn in batches, with each live actor in its type colour', async () => {
    // Conformance: every Cytoscape internal batched drawing uses is there (named if not).
    expect(
      await page.evaluate(() => window.__allegiance!.missingRendererInternals()),
      'Cytoscape renderer members missing (see src/graph/batched/internals.ts)',
    ).toEqual([]);
    expect(await page.evaluate(() => window.__allegiance!.drawing())).toBe('batched');
    expect(await page.evaluate(() => window.__allegiance!.batchedFrames())).toBeGreaterThan(0);
    const live = await actorsStandingClear(page);
    expect(live.length).toBeGreaterThan(20);
    const shot = await graphShot(page);
    const types = new Map(dataset.actors.map((a) => [a.id, a.type]));
    const sample = live.slice(0, 20);
    for (const id of sample) {
      const p = (await page.evaluate((a) => window.__allegiance!.clientPosition('actor', a), id))!;
      const expected = rgb(BUILTIN_ACTOR_TYPES.find((t) => t.id === types.get(id))!.color);
      // Labels are drawn over all nodes: a centre may sit under another actor's label,
      // whose background is white at 80% opacity.
      // Another actor's label text may cross the centre itself: the best pixel within 2 px.
      const near = [-2, -1, 0, 1, 2].flatMap((dx) =>
        [-2, -1, 0, 1, 2].map((dy) => coverage(pixel(shot, p.x + dx, p.y + dy), expected)),
      );
      expect(Math.max(...near), `${id} at ${p.x},${p.y}`).toBeGreaterThan(0.15);
    }
  });

  it('draws each relation kind, and a legend filter removes its lines', async () => {
    const before = await graphShot(page);
    const hostile = tinted(before, colorOf('hostility'));
    const allied = tinted(before, colorOf('alliance'));
    expect(hostile).toBeGreaterThan(150);
    expect(allied).toBeGreaterThan(150);

    await page.getByRole('button', { name: /^Hostility$/ }).click();
    const after = await graphShot(page);
    expect(tinted(after, colorOf('hostility'))).toBeLessThan(hostile * 0.1);
    expect(tinted(after, colorOf('alliance'))).toBeGreaterThan(allied * 0.6);
    await page.getByRole('button', { name: /^Hostility$/ }).click();
    expect(tinted(await graphShot(page), colorOf('hostility'))).toBeGreaterThan(hostile * 0.9);
  });

  it('follows the date: other relations, other pixels', async () => {
    const relations = () => page.evaluate(() => window.__allegiance!.drawnRelations());
    const before = await relations();
    const shotBefore = await graphShot(page);
    const framesBefore = await page.evaluate(() => window.__allegiance!.batchedFrames());
    const slider = page.getByRole('slider', { name: 'Date' });
    await slider.focus();
    // An imported dataset opens at its last day: a year back.
    await page.keyboard.press('PageDown');
    await page.waitForFunction(
      (n) => window.__allegiance!.drawnRelations().join() !== n,
      before.join(),
    );
    // The new date is drawn by batched drawing, not by Cytoscape after a fall-back.
    await page.waitForFunction((n) => window.__allegiance!.batchedFrames() > n, framesBefore);
    expect(await page.evaluate(() => window.__allegiance!.drawing())).toBe('batched');
    const after = await relations();
    const shotAfter = await graphShot(page);
    let changed = 0;
    for (let i = 0; i < shotBefore.png.data.length; i += 4)
      if (shotBefore.png.data[i] !== shotAfter.png.data[i]) changed++;
    expect(changed).toBeGreaterThan(500);
    // What is drawn is what the dataset holds at the new date.
    const day = await page.evaluate(() => window.__allegiance!.date());
    expect(after).toEqual([...buildIndex(dataset).stateAt(toDay(day)).relations].sort());
  });

  it('says in the legend how a dense view is drawn', async () => {
    await expect(page.getByText(/large dataset: zoomed out/).isVisible()).resolves.toBe(true);
  });

  it('still hands clicks on actors to the app', async () => {
    const id = (await actorsStandingClear(page))[0]!;
    const p = (await page.evaluate((a) => window.__allegiance!.clientPosition('actor', a), id))!;
    await page.mouse.click(p.x, p.y);
    const label = dataset.actors.find((a) => a.id === id)!.label;
    await page.waitForFunction(
      (l) => document.querySelector('#details-panel')?.textContent?.includes(l),
      label,
    );
  });
  it('zoomed in, draws line styles again: hostility dashed, alliance solid', async () => {
    // No selection (the click above made one): it would dim every line outside its neighbourhood.
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !new URL(location.href).searchParams.has('select'));
    const graph = (await page.getByTestId('graph').boundingBox())!;
    await page.mouse.move(graph.x + graph.width / 2, graph.y + graph.height / 2);
    // Screen pixels per graph unit, from two actors' model and page positions (runs in the page).
    const pixelsPerUnit = () => {
      const h = window.__allegiance!;
      const [p, q] = h.liveActors().slice(0, 2);
      const [mp, mq] = [h.modelPosition(p!)!, h.modelPosition(q!)!];
      const [cp, cq] = [h.clientPosition('actor', p!)!, h.clientPosition('actor', q!)!];
      return Math.hypot(cp.x - cq.x, cp.y - cq.y) / Math.hypot(mp.x - mq.x, mp.y - mq.y);
    };
    let zoom = await page.evaluate(pixelsPerUnit);
    expect(zoom).toBeLessThan(1);
    // One turn of the wheel at a time: its event reaches the page after `wheel` returns, so
    // turns sent before the last had zoomed would go past the scale the dashes are counted at.
    for (let i = 0; i < 100 && zoom < 1.2; i++) {
      await page.mouse.wheel(0, -300);
      await page.waitForFunction(`(${pixelsPerUnit.toString()})() > ${zoom}`, undefined, {
        timeout: 10_000,
      });
      zoom = await page.evaluate(pixelsPerUnit);
    }
    // Off the graph, so that no hovered actor dims the rest.
    await page.mouse.move(graph.x + graph.width / 2, Math.max(0, graph.y - 40));
    const byId = new Map(dataset.relations.map((r) => [r.id, r]));
    const parents = new Map(dataset.actors.map((a) => [a.id, a.parent]));
    const inside = (p: { x: number; y: number }) =>
      p.x > graph.x + 5 &&
      p.x < graph.x + graph.width - 5 &&
      p.y > graph.y + 5 &&
      p.y < graph.y + graph.height - 5;
    const kinds = [...new Set(dataset.relations.map((r) => r.kind))];
    const labelOf = (kind: string) => BUILTIN_RELATION_KINDS.find((k) => k.id === kind)!.label;

    /**
     * With only `kind` shown, how often the colour along the middle of each of its lines
     * switches on and off, per 100 px, ascending: a dashed line switches every few pixels, a
     * solid one only where a node or label covers it (two switches per crossing).
     */
    async function switchesPer100px(kind: string): Promise<number[]> {
      for (const k of kinds)
        if (k !== kind)
          await page.getByRole('button', { name: new RegExp(`^${labelOf(k)}$`) }).click();
      const shot = await graphShot(page);
      const drawn = await page.evaluate(() => window.__allegiance!.drawnRelations());
      const pairs = new Map<string, number>();
      const pairOf = (id: string) => [byId.get(id)!.source, byId.get(id)!.target].sort().join();
      for (const id of drawn) pairs.set(pairOf(id), (pairs.get(pairOf(id)) ?? 0) + 1);
      // The drawn relations' actors' page positions, in one round trip rather than one each.
      const ends = [
        ...new Set(drawn.flatMap((id) => [byId.get(id)!.source, byId.get(id)!.target])),
      ];
      const at = new Map(
        await page.evaluate(
          (ids) => ids.map((x) => [x, window.__allegiance!.clientPosition('actor', x)] as const),
          ends,
        ),
      );
      const rates: number[] = [];
      for (const id of drawn) {
        const r = byId.get(id)!;
        // Single relations between two actors are straight lines.
        if (pairs.get(pairOf(id)) !== 1) continue;
        if (parents.get(r.source) === r.target || parents.get(r.target) === r.source) continue;
        const [a, b] = [at.get(r.source), at.get(r.target)];
        if (!a || !b) continue;
        const length = Math.hypot(b.x - a.x, b.y - a.y);
        const points = Array.from({ length: Math.floor(length * 0.7) }, (_, i) => {
          const t = 0.15 + i / length;
          return { x: a.x + t * (b.x - a.x), y: a.y + t * (b.y - a.y) };
        }).filter(inside);
        if (points.length < 100) continue;
        const on = points.map((p) => coverage(pixel(shot, p.x, p.y), colorOf(kind)) > 0.5);
        let switches = 0;
        for (let i = 1; i < on.length; i++) if (on[i] !== on[i - 1]) switches++;
        rates.push((100 * switches) / points.length);
        if (rates.length === 7) break;
      }
      await page.getByRole('button', { name: 'Show everything' }).click();
      expect(rates.length, `${kind}: lines in view`).toBeGreaterThanOrEqual(3);
      return rates.sort((x, y) => x - y);
    }

    // Cytoscape draws a scaled snapshot of the zoomed-out view (thin solid lines) while the
    // wheel turns, and the graph itself a moment after it stops: wait for that drawing.
    const median = (rates: number[]) => rates[Math.floor(rates.length / 2)]!;
    // Dashes of 6 and gaps of 3 graph units: two switches per 9 units, 200 / (9 × zoom) per
    // 100 px at the zoom the wheel stopped at (about 18 at 1.2 px a unit; a turn of the wheel
    // may stop past 1.2). Sampled along a line 1 px at a time, antialiased dashes of a 3-5 px
    // line at an angle read as about half of those (10 per 100 px at 1.2): at least 40% must
    // show, where a solid line shows almost none.
    const expected = 200 / (9 * zoom);
    let dashed = 0;
    await expect
      .poll(async () => (dashed = median(await switchesPer100px('hostility'))), {
        timeout: 20_000,
      })
      .toBeGreaterThan(0.4 * expected);
    // The alliance line least crossed by other actors and labels shows no such pattern.
    const solid = (await switchesPer100px('alliance'))[0]!;
    expect(solid).toBeLessThan(dashed / 3);
  });
});

describe('a large graph, mounted a slice per frame', () => {
  // Enough actors for many slices (src/graph/mounting.ts, SLICE_NODES).
  const big = {
    ...generateSyntheticDataset({ actors: 3_000, relations: 2_500, seed: 11 }),
    title: 'Many actors',
  };
  let browser: Browser;
  afterAll(async () => {
    await browser?.close();
  });

  it('answers the time bar and the legend while it mounts, and ends as they say', async () => {
    browser = await launchBrowser();
    const page = await openApp(browser);
    await page.locator('input[type=file][aria-label="Choose files to import"]').setInputFiles({
      name: 'many.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(big)),
    });
    await page.waitForFunction(() => window.__allegiance?.graphMounted() === false, undefined, {
      timeout: 60_000,
      polling: 'raf',
    });
    // Time stands still from here (no frame, so no slice), so the keys below land mid-mount.
    await page.clock.install();
    await pauseSoon(page);
    const slider = page.getByRole('slider', { name: 'Date' });
    await slider.focus();
    await page.keyboard.press('PageDown');
    await page.getByRole('button', { name: /^Hostility$/ }).click();
    // Both took effect while the graph was still mounting: the page did not wait for it.
    await page.waitForFunction(() => window.__allegiance!.date() !== undefined);
    expect(await page.evaluate(() => window.__allegiance!.graphMounted())).toBe(false);
    await page.clock.resume();

    await page.waitForFunction(() => window.__allegiance!.graphMounted(), undefined, {
      timeout: 60_000,
    });
    const day = await page.evaluate(() => window.__allegiance!.date());
    const hostile = new Set(big.relations.filter((r) => r.kind === 'hostility').map((r) => r.id));
    const expected = [...buildIndex(big).stateAt(toDay(day)).relations]
      .filter((id) => !hostile.has(id))
      .sort();
    expect(expected.length).toBeGreaterThan(10);
    expect(await page.evaluate(() => window.__allegiance!.drawnRelations())).toEqual(expected);
    expect(await page.evaluate(() => window.__allegiance!.drawnActors().length)).toBe(
      big.actors.length,
    );
  }, 120_000);
});
