/**
 * Details polish (issue 12, point 8) on the seed: kind and type names never break inside a
 * word, an evidence note is labelled as a note, the tooltip keeps clear of the hovered actor's
 * neighbours, the "flipped" mark has its own colour and leaves the actors' symbols alone, and
 * camps say when two members of a camp have no relation. Screenshots go to test-results/.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAnalysisModel, campsAt, compareDates } from '../../src/core/analysis';
import { toDay } from '../../src/core/dates';
import type { Dataset } from '../../src/core/schema';
import { tokens } from '../../src/core/tokens';
import { BUILTIN_RELATION_KINDS, resolveVocabulary } from '../../src/core/vocabulary';
import { TOOLTIP_CLEARANCE } from '../../src/ui/tooltipPlacement';
import { launchBrowser, openApp } from './browser';

const seed = JSON.parse(readFileSync('graph-data/seed.json', 'utf8')) as Dataset;
const model = buildAnalysisModel(seed);
const vocabulary = resolveVocabulary(seed);

const SIZES = [
  { width: 1440, height: 900 },
  { width: 1024, height: 768 },
  { width: 390, height: 844 },
];

type Point = { x: number; y: number };
type Rgb = [number, number, number];

const position = (page: Page, kind: 'actor' | 'relation', id: string) =>
  page.evaluate(([k, i]) => window.__allegiance!.clientPosition(k as 'actor', i!), [kind, id]);
const actorAt = (page: Page, id: string) => position(page, 'actor', id);

const nextFrames = (page: Page, n = 2) =>
  page.evaluate(async (count) => {
    for (let i = 0; i < count; i++) await new Promise(requestAnimationFrame);
  }, n);

const rgbOf = (hex: string): Rgb => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) as Rgb;
const distance = (a: Rgb, b: Rgb) => Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);

/** The colour of the page's pixel at a client point (device pixel ratio 1). */
async function pixelAt(page: Page, p: Point): Promise<Rgb> {
  await nextFrames(page);
  const png = PNG.sync.read(
    await page.screenshot({
      clip: { x: Math.round(p.x), y: Math.round(p.y), width: 1, height: 1 },
    }),
  );
  return [png.data[0]!, png.data[1]!, png.data[2]!];
}

async function openTab(page: Page, name: string) {
  await page.getByRole('tab', { name: 'Analysis' }).click();
  await page.getByRole('tab', { name }).click();
}

/**
 * Names in `selector` split inside a word: for each element, each of its words must lie on a
 * single line box (one client rect per word). Returns "name: word" for every offender.
 */
function brokenWords(page: Page, selector: string) {
  return page.evaluate((sel) => {
    const broken: string[] = [];
    for (const el of document.querySelectorAll(sel)) {
      if (!(el as HTMLElement).offsetParent) continue; // not rendered
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (node.parentElement?.closest('.visually-hidden')) continue; // a 1 px box, not shown
        const text = node.textContent ?? '';
        for (const m of text.matchAll(/\S+/g)) {
          const range = document.createRange();
          range.setStart(node, m.index);
          range.setEnd(node, m.index + m[0].length);
          const lines = new Set(
            [...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)),
          );
          if (lines.size > 1) broken.push(`${el.textContent?.trim()}: ${m[0]}`);
          // Nor may it run out of its table cell into the next column.
          const cell = el.closest('td');
          if (cell) {
            const right =
              cell.getBoundingClientRect().right - parseFloat(getComputedStyle(cell).paddingRight);
            if (range.getBoundingClientRect().right > right + 0.5)
              broken.push(`${el.textContent?.trim()}: ${m[0]} overflows its cell`);
          }
        }
      }
    }
    return broken;
  }, selector);
}

describe('details polish', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
    mkdirSync('test-results', { recursive: true });
  });
  afterAll(async () => browser?.close());

  /** Where kind and type names are shown: the details panel, the table and the legend. */
  const NAMES = '.details .kind-name, .relation-table .cell-kind, .legend__toggle span';

  for (const size of SIZES)
    it(`never breaks a kind or type name inside a word at ${size.width}x${size.height}`, async () => {
      const pages = [
        '/?date=2025-01-01&select=actor:pakistan',
        '/?date=2025-01-01&select=relation:r-pak-taliban-hostility',
        '/?date=2025-01-01&view=table',
        '/?date=2025-01-01',
      ];
      let seen = 0;
      for (const path of pages) {
        const page = await openApp(browser, path, size);
        if (path.includes('table'))
          await page.locator('.relation-table .cell-kind').first().waitFor();
        else if (path.includes('select'))
          await page.locator('.details .kind-name').first().waitFor();
        else {
          // The legend starts folded below the widest layout: open it.
          const toggle = page.locator('.legend__toggle').first();
          if (!(await toggle.isVisible()))
            await page.getByRole('button', { name: 'Legend & filters' }).click();
          await toggle.waitFor();
        }
        seen += await page.locator(NAMES).count();
        await page.screenshot({
          path: `test-results/details-polish-names-${size.width}-${pages.indexOf(path)}.png`,
        });
        expect(await brokenWords(page, NAMES), path).toEqual([]);
        await page.close();
      }
      expect(seen).toBeGreaterThan(10);
    });

  it('with nothing selected, lists a long dataset’s events fifty at a time', async () => {
    const page = await openApp(browser, '/', { width: 1440, height: 900 });
    const events = Array.from({ length: 120 }, (_, i) => ({
      id: `e${i}`,
      date: `${1900 + i}-01-01`,
      title: `Event number ${i}`,
      actors: ['north'],
    }));
    const dataset = {
      title: 'Many events',
      actors: [
        { id: 'north', label: 'Northland', type: 'state' },
        { id: 'south', label: 'Southland', type: 'state' },
      ],
      relations: [{ id: 'r', source: 'north', target: 'south', kind: 'alliance', from: '1900' }],
      events,
    };
    await page.locator('input[type=file][aria-label="Choose files to import"]').setInputFiles({
      name: 'many-events.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(dataset)),
    });
    await page.waitForFunction(() => document.querySelector('h1')?.textContent === 'Many events');
    await page
      .getByRole('region', { name: 'Import' })
      .getByRole('button', { name: 'Close' })
      .click();
    const listed = page.locator('.details__empty .details__events li');
    await expect(listed.count()).resolves.toBe(50);
    await page.getByRole('button', { name: 'Show 50 more (70 events not listed)' }).click();
    await expect(listed.count()).resolves.toBe(100);
    await page.getByRole('button', { name: 'Show 20 more (20 events not listed)' }).click();
    await expect(listed.count()).resolves.toBe(120);
    await expect(listed.last().textContent()).resolves.toContain('Event number 119');
    expect(await page.getByRole('button', { name: /^Show \d+ more/ }).count()).toBe(0);
    await page.close();
  });

  it('labels an evidence note as a note, set apart from the quote and its source', async () => {
    // One noted item, so that the note's list item is the only one with a note.
    const relation = seed.relations.find((r) => r.evidence.filter((e) => e.note).length === 1)!;
    const evidence = relation.evidence.find((e) => e.note)!;
    const page = await openApp(browser, `/?select=relation:${relation.id}`, {
      width: 1440,
      height: 900,
    });
    const note = page.locator('.evidence__note').first();
    await note.waitFor();
    expect(await note.textContent()).toBe(`Note: ${evidence.note}`);
    // Announced as a note: the label is text in the accessibility tree, before the note.
    const spoken = await page.locator('.evidence__item', { has: note }).ariaSnapshot();
    expect(spoken.replaceAll('"', '')).toContain(`Note: ${evidence.note}`);
    // Visually distinct from the quote: another font family and no tint behind it.
    const look = (sel: string) =>
      page
        .locator(sel)
        .first()
        .evaluate((el) => {
          const s = getComputedStyle(el);
          return { font: s.fontFamily, bg: s.backgroundColor, border: s.borderLeftStyle };
        });
    const [quote, noteLook] = [await look('.evidence__quote'), await look('.evidence__note')];
    expect(noteLook.font).not.toBe(quote.font);
    expect(noteLook.bg).not.toBe(quote.bg);
    expect(noteLook.border).not.toBe(quote.border);
    await page.close();
  });

  /** Hovers an actor; resolves with the tooltip's box once placed, and the actor's neighbours. */
  async function hoverActor(page: Page, id: string) {
    await page.mouse.move(1, 1); // off the canvas: the previous tooltip goes
    await page.getByTestId('graph-tooltip').waitFor({ state: 'detached' });
    const at = (await actorAt(page, id))!;
    await page.mouse.move(at.x, at.y);
    await page.waitForFunction(() => {
      const el = document.querySelector('.graph-tooltip');
      return el !== null && getComputedStyle(el).visibility === 'visible';
    });
    const box = (await page.getByTestId('graph-tooltip').boundingBox())!;
    const neighbours = await page.evaluate((me) => {
      const h = window.__allegiance!;
      return h
        .drawnActors()
        .filter((other) => other !== me && h.emphasis('actor', other) === 'highlighted')
        .map((other) => ({ id: other, p: h.clientPosition('actor', other)! }));
    }, id);
    return { at, box, neighbours };
  }

  type Box = { x: number; y: number; width: number; height: number };
  const inside = (b: Box, p: Point) =>
    p.x >= b.x && p.x <= b.x + b.width && p.y >= b.y && p.y <= b.y + b.height;

  for (const size of SIZES.slice(0, 2))
    it(`places the tooltip clear of the hovered actor's neighbours at ${size.width}x${size.height}`, async () => {
      const page = await openApp(browser, '/?date=2025-01-01', size);
      // Pakistan has neighbours on every side: above, below, left and right.
      const hub = await hoverActor(page, 'pakistan');
      const { at, neighbours } = hub;
      expect(neighbours.some((n) => n.p.y < at.y - 20)).toBe(true);
      expect(neighbours.some((n) => n.p.y > at.y + 20)).toBe(true);
      expect(neighbours.some((n) => n.p.x < at.x - 20)).toBe(true);
      expect(neighbours.some((n) => n.p.x > at.x + 20)).toBe(true);
      await page.screenshot({ path: `test-results/details-polish-tooltip-${size.width}.png` });

      // Every actor drawn alive with a neighbour: its tooltip covers neither it nor them. At
      // least one of them would have been covered by a tooltip centred above the actor.
      const live = await page.evaluate(() => window.__allegiance!.liveActors());
      let coveredAbove = 0;
      let hovered = 0;
      for (const id of live) {
        const { at: p, box, neighbours: around } = await hoverActor(page, id);
        if (around.length === 0) continue;
        hovered++;
        expect(
          around.filter((n) => inside(box, n.p)).map((n) => n.id),
          id,
        ).toEqual([]);
        expect(inside(box, p), id).toBe(false);
        // Covered as the placement counts it: a neighbour's symbol (some 14 px in radius) is
        // partly under the box when its centre is within TOOLTIP_CLEARANCE of it.
        const c = TOOLTIP_CLEARANCE;
        const above = { ...box, x: p.x - box.width / 2, y: p.y - 14 - box.height };
        const aboveWithSymbols = {
          x: above.x - c,
          y: above.y - c,
          width: above.width + 2 * c,
          height: above.height + 2 * c,
        };
        if (around.some((n) => inside(aboveWithSymbols, n.p))) coveredAbove++;
      }
      expect(hovered).toBeGreaterThan(8);
      expect(coveredAbove).toBeGreaterThan(0);
      await page.close();
    });

  it('"flipped" has a colour of its own, and marked relations leave their actors’ symbols alone', async () => {
    const flipped = rgbOf(tokens.color.flipped);
    for (const kind of [...BUILTIN_RELATION_KINDS, ...vocabulary.relationKinds.values()])
      expect(distance(flipped, rgbOf(kind.color)), kind.id).toBeGreaterThan(100);
    for (const mark of ['began', 'ended', 'unbalanced', 'campA', 'campB'] as const)
      expect(distance(flipped, rgbOf(tokens.color[mark])), mark).toBeGreaterThan(100);

    const cmp = compareDates(model, toDay('2020-01-01'), toDay('2025-01-01'));
    const page = await openApp(browser, '/?date=2025-01-01', { width: 1440, height: 900 });
    await openTab(page, 'Compare');
    await page.getByLabel('First date (t1)').fill('2020-01-01');
    await page.getByLabel('Second date (t2)').fill('2025-01-01');
    await page.waitForFunction(
      (n) => document.querySelectorAll('[data-change="flipped"]').length === n,
      cmp.flips.length,
    );
    // The key in the panel uses the canvas's colour.
    const key = await page
      .locator('.a-mark--flipped')
      .first()
      .evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(key).toBe(`rgb(${flipped.join(', ')})`);
    await nextFrames(page);
    await page.getByTestId('graph').screenshot({ path: 'test-results/details-polish-flipped.png' });

    // On the canvas, the band along Pakistan's hostility with the Taliban (the pair flipped) is
    // drawn in the token's colour itself, not washed out into a relation kind's colour.
    const mid = (await position(page, 'relation', 'r-pak-taliban-hostility'))!;
    const r = 14;
    const area = PNG.sync.read(
      await page.screenshot({ clip: { x: mid.x - r, y: mid.y - r, width: 2 * r, height: 2 * r } }),
    );
    let closest = Infinity;
    for (let i = 0; i < area.data.length; i += 4) {
      const px: Rgb = [area.data[i]!, area.data[i + 1]!, area.data[i + 2]!];
      closest = Math.min(closest, distance(px, flipped));
    }
    expect(closest).toBeLessThan(12);

    // Each actor at the end of a marked relation keeps its type's colour at its centre.
    const ends = new Set(cmp.flips.flatMap((f) => f.actors));
    for (const ch of [...cmp.entered, ...cmp.left]) {
      ends.add(ch.relation.source);
      ends.add(ch.relation.target);
    }
    const live = await page.evaluate(() => window.__allegiance!.liveActors());
    let checked = 0;
    for (const id of ends) {
      const p = await position(page, 'actor', id);
      // A dormant actor is drawn faint: its centre is a blend by design.
      if (!p || !live.includes(id)) continue;
      const type = seed.actors.find((a) => a.id === id)!.type;
      const expected = rgbOf(vocabulary.actorTypes.get(type)!.color);
      expect(distance(await pixelAt(page, p), expected), id).toBeLessThan(30);
      checked++;
    }
    expect(checked).toBeGreaterThan(4);
    await page.close();
  });

  it('camps say when two members of a camp have no relation: unknown, not friendly', async () => {
    const DATE = '2025-01-01';
    const camps = campsAt(model, toDay(DATE));
    const unrelated = camps.components.flatMap((c) => c.unrelatedPairs);
    expect(unrelated.length).toBeGreaterThan(0);
    const page = await openApp(browser, `/?date=${DATE}`, { width: 1440, height: 900 });
    await openTab(page, 'Balance');
    const list = page.getByTestId('camps-unrelated');
    await list.first().waitFor();
    // A long list starts folded: unfold it, then read what is shown.
    for (const more of await list.locator('summary', { hasText: /^Show the/ }).all())
      await more.click();
    await page.getByTestId('camps').screenshot({ path: 'test-results/details-polish-camps.png' });
    const text = (await list.allInnerTexts()).join('\n');
    const label = (id: string) => seed.actors.find((a) => a.id === id)!.label;
    for (const [a, b] of unrelated) {
      const [x, y] = [label(a), label(b)].sort((p, q) => p.localeCompare(q));
      expect(text).toContain(`${x} — ${y}: no relation (unknown)`);
    }
    expect(text).not.toMatch(/friend(ly|s) (with|of)/i);
    await page.close();
  });
});
