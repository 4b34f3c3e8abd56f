/**
 * Layout at the widths people use (1440, 1280, 1024 and 390 px): the camera's fit keeps every
 * shown label inside the canvas on a phone; a story's reader opens a relation's evidence without
 * leaving Present mode. Screenshots go to test-results/layout-*.png.
 */
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openApp } from './browser';

const DESKTOP = { width: 1440, height: 900 };
const LAPTOP = { width: 1280, height: 800 };
const TABLET = { width: 1024, height: 768 };
const PHONE = { width: 390, height: 844 };

/** A small dataset to import, so the header shows a stored dataset's controls. */
const STORED = {
  title: 'Northland and Southland, a border dispute over two decades',
  sources: [{ id: 'notes', title: 'Notes' }],
  actors: [
    { id: 'north', label: 'Northland', type: 'state' },
    { id: 'south', label: 'Southland', type: 'state' },
  ],
  relations: [{ id: 'r1', source: 'north', target: 'south', kind: 'hostility', from: '2000' }],
};

/**
 * The header's controls that are shown, each with its box and whether its text is cut (wider
 * than its box); and the header's own box.
 */
const headerControls = (page: Page) =>
  page.evaluate(() => {
    const header = document.querySelector('.title-bar')!;
    const controls = [...header.querySelectorAll<HTMLElement>('button, select, input')]
      .filter(
        (el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden',
      )
      .map((el, i) => {
        const r = el.getBoundingClientRect();
        el.dataset.testControl = String(i); // for the Tab walk to tell them apart
        const field = el as HTMLInputElement;
        return {
          id: String(i),
          name:
            el.getAttribute('aria-label') ??
            field.labels?.[0]?.textContent?.trim() ??
            (el.textContent?.trim() || el.tagName),
          box: { x1: r.left, y1: r.top, x2: r.right, y2: r.bottom },
          cut: el.tagName === 'BUTTON' && el.scrollWidth > el.clientWidth + 1,
        };
      });
    const h = header.getBoundingClientRect();
    return { controls, header: { x1: h.left, y1: h.top, x2: h.right, y2: h.bottom } };
  });

/** The seed's story, at its step on the Pakistani Taliban (2008), and a relation it shows. */
const STORY_STEP = '/?story=taliban-policy-backfired&step=3';
const RELATION = 'r-pak-ttp-hostility';

/** The shown labels, and those whose box is not wholly inside the canvas (client pixels). */
const labelsOutsideCanvas = (page: Page) =>
  page.evaluate(() => {
    const hook = window.__allegiance!;
    const canvas = document.querySelector('[data-testid="graph"]')!.getBoundingClientRect();
    const shown: string[] = [];
    const outside: string[] = [];
    for (const id of hook.drawnActors()) {
      const box = hook.labelBox(id);
      if (!box) continue;
      shown.push(id);
      const inside =
        box.x1 >= canvas.left &&
        box.y1 >= canvas.top &&
        box.x2 <= canvas.right &&
        box.y2 <= canvas.bottom;
      if (!inside) outside.push(`${id} ${JSON.stringify(box)}`);
    }
    return { shown, outside };
  });

describe('layout polish', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => browser?.close());

  it('fits the graph with its labels inside the canvas on a phone, at start and on Fit', async () => {
    const page = await openApp(browser, '/?date=2025-03-01&select=actor:pakistan', PHONE);
    const atStart = await labelsOutsideCanvas(page);
    expect(atStart.outside).toEqual([]);
    // Not by hiding them: most of the seed's labels are shown, the selected actor's among them
    // (a counterpart's may yield where the sheet leaves little room: graph/labels.ts).
    expect(atStart.shown.length).toBeGreaterThanOrEqual(10);
    expect(atStart.shown).toContain('pakistan');

    // Zoomed in, labels leave the canvas; Fit brings every one back inside.
    const canvas = (await page.locator('[data-testid="graph"]').boundingBox())!;
    await page.mouse.move(canvas.x + canvas.width / 2, canvas.y + canvas.height / 3);
    for (let i = 0; i < 6; i++) await page.mouse.wheel(0, -300);
    await page.waitForFunction(() => {
      const c = document.querySelector('[data-testid="graph"]')!.getBoundingClientRect();
      const hook = window.__allegiance!;
      return hook.drawnActors().some((id) => {
        const b = hook.labelBox(id);
        return b !== null && (b.x1 < c.left || b.x2 > c.right || b.y1 < c.top);
      });
    });
    await page.getByRole('button', { name: 'Fit', exact: true }).click();
    const afterFit = await labelsOutsideCanvas(page);
    expect(afterFit.outside).toEqual([]);
    expect(afterFit.shown.length).toBeGreaterThanOrEqual(10);
    await page.screenshot({ path: 'test-results/layout-fit-390.png' });
    await page.close();
  });

  it.each([
    ['1440', DESKTOP],
    ['390', PHONE],
  ])(
    'opens the evidence of a relation clicked while presenting, at %s px',
    async (width, viewport) => {
      const seed = JSON.parse(readFileSync('graph-data/seed.json', 'utf8')) as {
        relations: { id: string; evidence: { quote: string }[] }[];
      };
      const quote = seed.relations.find((r) => r.id === RELATION)!.evidence[0]!.quote;
      const page = await openApp(browser, STORY_STEP, viewport);
      const presentation = page.getByRole('region', { name: /Presenting the story/ });
      await presentation.getByText('Step 3 of').waitFor();
      const at = await page.evaluate(
        (id) => window.__allegiance!.clientPosition('relation', id),
        RELATION,
      );
      expect(at, `${RELATION} is drawn at this step`).not.toBeNull();
      await page.mouse.click(at!.x, at!.y);

      // Its details, quote verbatim, over the presentation, which stays.
      const details = page.getByRole('dialog', { name: 'Details' });
      await details.getByText(quote).waitFor();
      expect(await presentation.isVisible()).toBe(true);
      expect(await details.evaluate((el) => el.contains(document.activeElement))).toBe(true);
      const box = (await details.boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(viewport.width);
      expect(box.y + box.height).toBeLessThanOrEqual(viewport.height);
      // A bottom sheet on a phone, a card beside the caption on a wide screen.
      if (width === '390') expect(box.y + box.height).toBeCloseTo(viewport.height, 0);
      else {
        const caption = (await presentation.boundingBox())!;
        expect(box.x + box.width).toBeLessThanOrEqual(caption.x);
      }
      await page.screenshot({ path: `test-results/layout-present-details-${width}.png` });

      // Escape closes the details, not the presentation; the step's own selection is back.
      await page.keyboard.press('Escape');
      await details.waitFor({ state: 'detached' });
      expect(await presentation.isVisible()).toBe(true);
      await presentation.getByText('Step 3 of').waitFor();
      await page.waitForFunction(
        () => window.__allegiance!.emphasis('actor', 'ttp') === 'highlighted',
      );

      // The close button does too; a second Escape then leaves the presentation.
      await page.mouse.click(at!.x, at!.y);
      await details.getByText(quote).waitFor();
      await details.getByRole('button', { name: 'Close the details' }).click();
      await details.waitFor({ state: 'detached' });
      expect(await presentation.isVisible()).toBe(true);
      await page.keyboard.press('Escape');
      await presentation.waitFor({ state: 'detached' });
      await page.close();
    },
  );

  it('keeps every header control whole, apart and reachable by Tab with a stored dataset', async () => {
    const page = await openApp(browser, '/?date=2010', DESKTOP);
    await page.locator('input[type=file][aria-label="Choose files to import"]').setInputFiles({
      name: 'border.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(STORED)),
    });
    await page.waitForFunction(
      (title) => document.querySelector('h1')?.textContent === title,
      STORED.title,
    );
    for (const [width, viewport] of [
      ['1440', DESKTOP],
      ['1280', LAPTOP],
      ['1024', TABLET],
      ['390', PHONE],
    ] as const) {
      await page.setViewportSize(viewport);
      await page.waitForFunction((w) => window.innerWidth === w, viewport.width);
      const { controls, header } = await headerControls(page);
      expect(controls.length, `controls at ${width}`).toBeGreaterThanOrEqual(2);
      for (const c of controls) {
        expect(c.cut, `${c.name} cut at ${width}`).toBe(false);
        const inside =
          c.box.x1 >= header.x1 && c.box.x2 <= header.x2 + 0.5 && c.box.y2 <= header.y2 + 0.5;
        expect(inside, `${c.name} inside the header at ${width}`).toBe(true);
      }
      for (const [i, a] of controls.entries())
        for (const b of controls.slice(i + 1)) {
          const overlap =
            a.box.x1 < b.box.x2 - 0.5 &&
            b.box.x1 < a.box.x2 - 0.5 &&
            a.box.y1 < b.box.y2 - 0.5 &&
            b.box.y1 < a.box.y2 - 0.5;
          expect(overlap, `${a.name} and ${b.name} overlap at ${width}`).toBe(false);
        }
      // Tab from the page's first stop (a skip link) reaches every shown control of the header.
      await page.getByRole('link', { name: 'Skip to the graph' }).focus();
      const reached = new Set<string>();
      for (let i = 0; i < controls.length + 12; i++) {
        await page.keyboard.press('Tab');
        const id = await page.evaluate(
          () => (document.activeElement as HTMLElement | null)?.dataset.testControl,
        );
        if (id) reached.add(id);
      }
      for (const c of controls)
        expect(reached.has(c.id), `${c.name} by Tab at ${width}`).toBe(true);
      await page.screenshot({ path: `test-results/layout-header-${width}.png` });
    }
    await page.close();
  });

  it('groups Rename and Delete in a menu driven by the keyboard', async () => {
    const page = await openApp(browser, '/?date=2010', DESKTOP);
    await page.locator('input[type=file][aria-label="Choose files to import"]').setInputFiles({
      name: 'border.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(STORED)),
    });
    const actions = page.getByRole('button', { name: /^Dataset actions/ });
    await actions.focus();
    await page.keyboard.press('ArrowDown');
    const menu = page.getByRole('menu', { name: 'Dataset actions' });
    await menu.waitFor();
    const focused = () => page.evaluate(() => document.activeElement?.textContent);
    expect(await focused()).toBe('Rename…');
    await page.keyboard.press('ArrowDown');
    expect(await focused()).toBe('Delete…');
    await page.keyboard.press('ArrowDown'); // wraps round
    expect(await focused()).toBe('Rename…');
    await page.keyboard.press('End');
    expect(await focused()).toBe('Delete…');
    // Escape closes it; focus is back on its button; nothing was deleted.
    await page.keyboard.press('Escape');
    await menu.waitFor({ state: 'detached' });
    expect(await actions.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await page.locator('h1').textContent()).toBe(STORED.title);
    // Enter on "Rename…" opens the name field.
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await page.getByRole('textbox', { name: 'New name' }).waitFor();
    await page.close();
  });

  it('keeps the small multiples bar on one row at 1280 px with both side panels open', async () => {
    const page = await openApp(browser, '/?date=2010', LAPTOP);
    await page.getByRole('button', { name: 'Small multiples' }).click();
    await page.getByLabel('My dates').check();
    await page.getByTestId('multiples-grid').waitFor();
    for (const side of ['Legend & filters', 'Details & analysis'])
      expect(await page.getByRole('button', { name: side }).getAttribute('aria-expanded')).toBe(
        'true',
      );
    const row = await page.evaluate(() => {
      const bar = document.querySelector('.multiples__bar')!.getBoundingClientRect();
      const box = (q: string) => document.querySelector(q)!.getBoundingClientRect();
      return { bar, modes: box('.multiples__modes'), downloads: box('.multiples__downloads') };
    });
    // The dates' modes and the downloads side by side, inside the bar.
    expect(Math.abs(row.modes.top - row.downloads.top)).toBeLessThan(row.downloads.height);
    expect(row.modes.right).toBeLessThanOrEqual(row.downloads.left);
    expect(row.downloads.right).toBeLessThanOrEqual(row.bar.right + 0.5);
    await page.screenshot({ path: 'test-results/layout-multiples-1280.png' });
    await page.close();
  });
});
