/**
 * The user-chosen layout (issue #12, point 1): force-directed, radial around the selection,
 * hierarchy by parent and rings by actor type, chosen from the graph's corner on the seed at
 * 1440 × 900. Each is checked on the actors' client positions against its rule, the choice is
 * kept with the dataset (URL and storage, through a reload), the actors glide there unless
 * reduced motion is asked for, and an SVG export draws the positions on screen. Screenshots go
 * to test-results/layout-<name>.png.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Point } from '../../src/core/layout';
import { neighboursOf, radialLayout } from '../../src/core/layouts';
import type { Dataset } from '../../src/core/schema';
import { resolveVocabulary } from '../../src/core/vocabulary';
import { launchBrowser, openApp } from './browser';

const seed = JSON.parse(readFileSync('graph-data/seed.json', 'utf8')) as Dataset;
const typeOrder = [...resolveVocabulary(seed).actorTypes.keys()];
const VIEWPORT = { width: 1440, height: 900 };
/** Client pixels of slack: positions are rounded, and the fit scales them below 1:1. */
const SLACK = 2;

const dist = (p: Point, q: Point) => Math.hypot(p.x - q.x, p.y - q.y);

/** Graph distances from an actor over relations at any date and "part of" links. */
function hopsFrom(from: string): Map<string, number> {
  const neighbours = neighboursOf(seed);
  const out = new Map([[from, 0]]);
  for (let frontier = [from]; frontier.length > 0;) {
    const next: string[] = [];
    for (const id of frontier)
      for (const n of neighbours.get(id)!)
        if (!out.has(n)) {
          out.set(n, out.get(id)! + 1);
          next.push(n);
        }
    frontier = next;
  }
  return out;
}

/** Every actor's client position (the layout places dormant actors too). */
function clientPositions(page: Page): Promise<Map<string, Point>> {
  return page
    .evaluate(() => {
      const h = window.__allegiance!;
      return h.drawnActors().map((id) => [id, h.clientPosition('actor', id)!] as const);
    })
    .then((list) => new Map(list));
}

/** The spread of a list of numbers (0 when all equal). */
const spread = (xs: number[]) => Math.max(...xs) - Math.min(...xs);

/** Groups distances from `centre` by a key and checks each group is one ring, rings growing. */
function expectRings(
  at: Map<string, Point>,
  centre: Point,
  keyOf: (id: string) => number,
): number[] {
  const groups = new Map<number, number[]>();
  for (const [id, p] of at) {
    const k = keyOf(id);
    groups.set(k, [...(groups.get(k) ?? []), dist(p, centre)]);
  }
  const radii: number[] = [];
  let previous = -1;
  for (const k of [...groups.keys()].sort((a, b) => a - b)) {
    const ds = groups.get(k)!;
    expect(spread(ds), `ring ${k}: ${ds.map(Math.round).join(', ')}`).toBeLessThanOrEqual(SLACK);
    expect(Math.min(...ds)).toBeGreaterThan(previous);
    previous = Math.max(...ds);
    radii.push(previous);
  }
  return radii;
}

async function chooseLayout(page: Page, name: string) {
  await page.getByRole('combobox', { name: 'Layout' }).selectOption(name);
}

/** Waits until an actor is at the model's origin: the radial layout's centre. */
async function waitForCentre(page: Page, id: string) {
  await page.waitForFunction((id) => {
    const p = window.__allegiance!.modelPosition(id);
    return p !== null && p.x === 0 && p.y === 0;
  }, id);
}

async function screenshot(page: Page, name: string) {
  mkdirSync('test-results', { recursive: true });
  await page.screenshot({ path: `test-results/layout-${name}.png` });
}

describe('layouts', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => browser?.close());

  it('radial: the selected actor in the centre, the others on rings by graph distance', async () => {
    const page = await openApp(browser, '/?select=actor:pakistan', VIEWPORT);
    await chooseLayout(page, 'radial');
    await waitForCentre(page, 'pakistan');
    const at = await clientPositions(page);
    const hops = hopsFrom('pakistan');
    const radii = expectRings(at, at.get('pakistan')!, (id) => hops.get(id) ?? 99);
    expect(radii[0]).toBe(0);
    expect(radii.length).toBeGreaterThanOrEqual(3);
    // The model holds exactly the core's radial layout around the selection.
    const expected = radialLayout(seed, 'pakistan');
    const model = await page.evaluate(
      (ids) => ids.map((id) => window.__allegiance!.modelPosition(id)),
      [...expected.keys()],
    );
    expect(model).toEqual([...expected.values()]);
    await screenshot(page, 'radial');

    // Another selected actor becomes the centre: Forward to an entry of this view (the app has
    // written the layout into the URL) that selects the ISI.
    await page.waitForURL(/layout=radial/);
    await page.evaluate(() => {
      const url = new URL(window.location.href);
      url.searchParams.set('select', 'actor:isi');
      window.history.pushState(null, '', url);
      window.dispatchEvent(new PopStateEvent('popstate'));
    });
    await waitForCentre(page, 'isi');
    const again = await clientPositions(page);
    const fromIsi = hopsFrom('isi');
    expectRings(again, again.get('isi')!, (id) => fromIsi.get(id) ?? 99);
    await page.close();
  });

  it('radial with nothing selected centres on the most connected actor', async () => {
    const page = await openApp(browser, '/?layout=radial', VIEWPORT);
    const neighbours = neighboursOf(seed);
    const most = [...neighbours.keys()].sort(
      (a, b) => neighbours.get(b)!.length - neighbours.get(a)!.length || (a < b ? -1 : 1),
    )[0]!;
    await waitForCentre(page, most);
    await page.close();
  });

  it('hierarchy: members below their parent, level by level', async () => {
    const page = await openApp(browser, '/', VIEWPORT);
    await chooseLayout(page, 'hierarchy');
    await page.waitForFunction(() => {
      const h = window.__allegiance!;
      return h.modelPosition('faiz-hameed')!.y > h.modelPosition('isi')!.y;
    });
    const at = await clientPositions(page);
    const y = (id: string) => at.get(id)!.y;
    expect(y('isi')).toBeGreaterThan(y('pakistan') + 40);
    expect(y('faiz-hameed')).toBeGreaterThan(y('isi') + 40);
    // One level is the same height everywhere.
    expect(Math.abs(y('faiz-hameed') - y('isi') - (y('isi') - y('pakistan')))).toBeLessThan(SLACK);
    expect(
      Math.abs(y('haqqani-network') - y('afghan-taliban') - (y('isi') - y('pakistan'))),
    ).toBeLessThan(SLACK);
    // Siblings side by side, their parent above their span.
    const members = seed.actors.filter((a) => a.parent === 'pakistan').map((a) => at.get(a.id)!);
    expect(spread(members.map((p) => p.y))).toBeLessThan(SLACK);
    const xs = members.map((p) => p.x);
    expect(at.get('pakistan')!.x).toBeGreaterThanOrEqual(Math.min(...xs));
    expect(at.get('pakistan')!.x).toBeLessThanOrEqual(Math.max(...xs));
    await screenshot(page, 'hierarchy');
    await page.close();
  });

  it('rings: one ring per actor type, in vocabulary order; kept through a reload and in the URL', async () => {
    const page = await openApp(browser, '/', VIEWPORT);
    const force = await page.evaluate(() => window.__allegiance!.modelPosition('isi'));
    await chooseLayout(page, 'rings');
    const typeOf = new Map(seed.actors.map((a) => [a.id, a.type]));
    const checkRings = async () => {
      const at = await clientPositions(page);
      // Evenly spread actors have their ring's centre as their centroid: take the fullest ring.
      const biggest = typeOrder
        .map((t) => [...at].filter(([id]) => typeOf.get(id) === t).map(([, p]) => p))
        .sort((a, b) => b.length - a.length)[0]!;
      const centre = {
        x: biggest.reduce((s, p) => s + p.x, 0) / biggest.length,
        y: biggest.reduce((s, p) => s + p.y, 0) / biggest.length,
      };
      expectRings(at, centre, (id) => typeOrder.indexOf(typeOf.get(id)!));
    };
    await page.waitForFunction((p) => {
      const q = window.__allegiance!.modelPosition('isi')!;
      return q.x !== p.x || q.y !== p.y;
    }, force!);
    await page.waitForFunction(() => window.location.search.includes('layout=rings'));
    await checkRings();
    await screenshot(page, 'rings');

    await page.reload();
    await page.waitForFunction(() => window.__allegiance !== undefined);
    await expect(page.getByRole('combobox', { name: 'Layout' }).inputValue()).resolves.toBe(
      'rings',
    );
    await checkRings();
    // Kept with the dataset: a bare link to it opens in the chosen layout too.
    await page.goto(new URL('/', page.url()).href);
    await page.waitForFunction(() => window.__allegiance !== undefined);
    await expect(page.getByRole('combobox', { name: 'Layout' }).inputValue()).resolves.toBe(
      'rings',
    );
    await checkRings();

    // Back to force-directed: the dataset's own positions return.
    await chooseLayout(page, 'force');
    await page.waitForFunction((p) => {
      const q = window.__allegiance!.modelPosition('isi')!;
      return q.x === p.x && q.y === p.y;
    }, force!);
    await page.waitForFunction(() => !window.location.search.includes('layout='));
    await screenshot(page, 'force');
    await page.close();
  });

  it('actors glide to the new layout unless reduced motion is asked for', async () => {
    const page = await openApp(browser, '/', VIEWPORT);
    await page.emulateMedia({ reducedMotion: 'no-preference' });
    await page.reload();
    await page.waitForFunction(() => window.__allegiance !== undefined);
    const start = (await page.evaluate(() => window.__allegiance!.clientPosition('actor', 'isi')))!;
    // Records isi's position every frame from the choice until it stops moving.
    const track = page.evaluate(
      () =>
        new Promise<Point[]>((resolve) => {
          const seen: Point[] = [];
          let still = 0;
          const frame = () => {
            const p = window.__allegiance!.clientPosition('actor', 'isi')!;
            const last = seen[seen.length - 1];
            still = last && last.x === p.x && last.y === p.y ? still + 1 : 0;
            seen.push(p);
            // Still for 10 frames after having moved: arrived.
            if (still >= 10 && seen.some((q) => q.x !== seen[0]!.x || q.y !== seen[0]!.y))
              resolve(seen);
            else requestAnimationFrame(frame);
          };
          requestAnimationFrame(frame);
        }),
    );
    await chooseLayout(page, 'hierarchy');
    const path = await track;
    const end = path[path.length - 1]!;
    const between = path.filter((p) => dist(p, start) > SLACK && dist(p, end) > SLACK);
    // A jump has no frame between the two places; a glide has some (few when the machine is
    // busy: frames are then far apart within the glide's fixed duration).
    expect(between.length).toBeGreaterThan(0);
    await page.close();
  });

  it.each([
    { width: 1024, height: 768 },
    { width: 390, height: 844 },
  ])(
    'the Layout control fits beside Fit at $width px and works from the keyboard',
    async (size) => {
      const page = await openApp(browser, '/?select=actor:pakistan', size);
      const control = page.getByRole('combobox', { name: 'Layout' });
      await control.scrollIntoViewIfNeeded();
      const box = (await control.boundingBox())!;
      const fit = (await page.getByRole('button', { name: 'Fit' }).boundingBox())!;
      const graph = (await page.getByTestId('graph').boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(graph.x);
      expect(box.x + box.width).toBeLessThanOrEqual(graph.x + graph.width + 1);
      expect(box.x).toBeGreaterThanOrEqual(fit.x + fit.width); // beside, not over, Fit
      // A native select: focus it and pick with the arrow keys.
      await control.focus();
      await page.keyboard.press('ArrowDown');
      await waitForCentre(page, 'pakistan');
      await screenshot(page, `radial-${size.width}`);
      await page.close();
    },
  );

  it('an SVG export after choosing radial draws the actors where they are on screen', async () => {
    const page = await openApp(browser, '/?select=actor:isi', VIEWPORT);
    await chooseLayout(page, 'radial');
    await waitForCentre(page, 'isi');
    const model = new Map(
      await page.evaluate(() => {
        const h = window.__allegiance!;
        return h.drawnActors().map((id) => [id, h.modelPosition(id)!] as const);
      }),
    );
    await page.getByRole('button', { name: 'Export…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Export' });
    await dialog.getByRole('radio', { name: /^SVG/ }).check();
    const [file] = await Promise.all([
      page.waitForEvent('download'),
      dialog.getByRole('button', { name: /^Download/ }).click(),
    ]);
    const svg = readFileSync((await file.path())!, 'utf8');

    // Each actor's label: lines centred on the actor, the first a fixed offset below it.
    const squash = (t: string) => t.replace(/&amp;/g, '&').replace(/[\s-]/g, '');
    const labels = [...svg.matchAll(/<text[^>]*>((?:<tspan[^>]*>[^<]*<\/tspan>)+)<\/text>/g)].map(
      (m) => {
        const lines = [...m[1]!.matchAll(/<tspan x="([-\d.]+)" y="([-\d.]+)">([^<]*)</g)];
        return {
          text: squash(lines.map((l) => l[3]!).join('')),
          at: { x: Number(lines[0]![1]), y: Number(lines[0]![2]) },
        };
      },
    );
    const drawn = new Map<string, Point>();
    for (const a of seed.actors) {
      const hit = labels.find((l) => l.text === squash(a.label));
      if (hit && model.has(a.id)) drawn.set(a.id, hit.at);
    }
    expect(drawn.size).toBeGreaterThan(seed.actors.length / 2);
    // The same picture up to a move and a scale: every distance from isi in the same ratio.
    const ratios = [...drawn.keys()]
      .filter((id) => id !== 'isi')
      .map(
        (id) => dist(drawn.get(id)!, drawn.get('isi')!) / dist(model.get(id)!, model.get('isi')!),
      );
    expect(spread(ratios) / ratios[0]!).toBeLessThan(0.02);
    await page.close();
  });
});
