/**
 * The canvas changing size: a phone turned sideways (390x844 to 844x390) shows the fitted graph
 * whole again, and a camera the user zoomed and panned keeps the point at its centre and its
 * zoom. And on a phone, a tapped actor's crowded neighbourhood: no label drawn over another.
 * Screenshots go to test-results/canvas-resize-*.png.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Box } from '../../src/core/render/labels';
import { tokens } from '../../src/core/tokens';
import { validateDataset } from '../../src/core/validate';
import { launchBrowser, openApp } from './browser';

const PHONE = { width: 390, height: 844 };
const PHONE_SIDEWAYS = { width: 844, height: 390 };
/** How far an actor's symbol reaches from its centre, in graph units (style.ts). */
const RADIUS = (tokens.size.node + tokens.size.nodeBorder) / 2;

const canvasBox = async (page: Page): Promise<Box> => {
  const b = (await page.getByTestId('graph').boundingBox())!;
  return { x1: b.x, y1: b.y, x2: b.x + b.width, y2: b.y + b.height };
};

/**
 * Turns the page to a new size and waits until the canvas has it and two frames have passed (a
 * ResizeObserver reports in the frame after the layout that changed the size).
 */
async function turnTo(page: Page, size: { width: number; height: number }) {
  await page.setViewportSize(size);
  await page.waitForFunction(
    (width) => document.querySelector<HTMLElement>('[data-testid="graph"]')!.clientWidth === width,
    size.width,
  );
  await page.evaluate(
    () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))),
  );
}

/** Each drawn actor's symbol box and shown label box, on the page. */
const drawnBoxes = (page: Page, radius: number) =>
  page.evaluate((r) => {
    const hook = window.__allegiance!;
    const zoom = hook.camera().zoom;
    return hook.drawnActors().flatMap((id) => {
      const at = hook.clientPosition('actor', id)!;
      const symbol = {
        x1: at.x - r * zoom,
        y1: at.y - r * zoom,
        x2: at.x + r * zoom,
        y2: at.y + r * zoom,
      };
      const label = hook.labelBox(id);
      return [
        { what: `${id}'s symbol`, box: symbol },
        ...(label ? [{ what: `${id}'s label`, box: label }] : []),
      ];
    });
  }, radius);

const intersect = (a: Box, b: Box) => a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;

const outside = (box: Box, frame: Box) =>
  box.x1 < frame.x1 - 0.5 ||
  box.y1 < frame.y1 - 0.5 ||
  box.x2 > frame.x2 + 0.5 ||
  box.y2 > frame.y2 + 0.5;

/** A point on the canvas at least `clear` pixels from every actor: somewhere to drag the background. */
async function emptySpot(page: Page, clear: number) {
  const frame = await canvasBox(page);
  const actors = await page.evaluate(() => {
    const hook = window.__allegiance!;
    return hook.drawnActors().map((id) => hook.clientPosition('actor', id)!);
  });
  for (let y = frame.y1 + 100; y < frame.y2 - 20; y += 10)
    for (let x = frame.x1 + 20; x < frame.x2 - 20; x += 10)
      if (actors.every((a) => Math.hypot(a.x - x, a.y - y) >= clear)) return { x, y };
  throw new Error('no empty spot on the canvas to drag');
}

describe('the canvas changing size', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
    mkdirSync('test-results', { recursive: true });
  });
  afterAll(async () => browser?.close());

  it('shows every actor and label whole after a phone is turned sideways', async () => {
    const page = await openApp(browser, '/', PHONE);
    await turnTo(page, PHONE_SIDEWAYS);
    const frame = await canvasBox(page);
    const boxes = await drawnBoxes(page, RADIUS);
    expect(boxes.length).toBeGreaterThan(10);
    expect(boxes.filter(({ box }) => outside(box, frame)).map(({ what }) => what)).toEqual([]);
    await page.screenshot({ path: 'test-results/canvas-resize-844.png' });
    await page.close();
  });

  it('keeps the centre and zoom of a camera the user zoomed and panned', async () => {
    const page = await openApp(browser, '/', PHONE);
    const camera = () => page.evaluate(() => window.__allegiance!.camera());
    const fitted = await camera();
    // Zoom in with the wheel about a point off the centre, then drag the background.
    const spot = await emptySpot(page, 40);
    await page.mouse.move(spot.x, spot.y);
    await page.mouse.wheel(0, -300);
    await page.waitForFunction(
      (zoom) => window.__allegiance!.camera().zoom > zoom * 1.01,
      fitted.zoom,
    );
    const from = await emptySpot(page, 60);
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    await page.mouse.move(from.x + 30, from.y + 40, { steps: 5 });
    await page.mouse.up();
    const moved = await camera();
    expect(moved.centre).not.toEqual(fitted.centre);

    await turnTo(page, PHONE_SIDEWAYS);
    const turned = await camera();
    expect(turned.zoom).toBeCloseTo(moved.zoom, 6);
    expect(turned.centre.x).toBeCloseTo(moved.centre.x, 1);
    expect(turned.centre.y).toBeCloseTo(moved.centre.y, 1);
    await page.close();
  });

  // Pakistan at the default date deals with most of the seed: its counterparts crowd a phone's
  // canvas (their labels overlapped when the selection's were always drawn).
  it("draws no label over another when Pakistan's neighbourhood is selected on a phone", async () => {
    const seed = validateDataset(JSON.parse(readFileSync('graph-data/seed.json', 'utf8'))).dataset!;
    const labelOf = new Map(seed.actors.map((a) => [a.id, a.label]));
    const page = await openApp(browser, '/', PHONE);
    const at = (await page.evaluate(() =>
      window.__allegiance!.clientPosition('actor', 'pakistan'),
    ))!;
    await page.mouse.click(at.x, at.y);
    await page.waitForFunction(
      () => window.__allegiance!.emphasis('actor', 'pakistan') === 'highlighted',
    );
    const labels = await page.evaluate(() => {
      const hook = window.__allegiance!;
      return hook.drawnActors().map((actor) => ({
        id: actor,
        box: hook.labelBox(actor),
        counterpart: hook.emphasis('actor', actor) === 'highlighted',
      }));
    });
    const shown = labels.filter((l) => l.box !== null);
    const overlaps: string[] = [];
    for (const [n, a] of shown.entries())
      for (const b of shown.slice(n + 1))
        if (intersect(a.box!, b.box!)) overlaps.push(`${a.id} × ${b.id}`);
    expect(overlaps).toEqual([]);
    expect(shown.map((l) => l.id)).toContain('pakistan');
    const counterparts = labels.filter((l) => l.counterpart && l.id !== 'pakistan');
    expect(counterparts.length).toBeGreaterThan(3);
    // A counterpart whose label had no room is still named in the details sheet.
    const sheet = (await page.locator('.panel--right').textContent()) ?? '';
    for (const hidden of counterparts.filter((l) => l.box === null))
      expect(sheet, `${hidden.id} in the details sheet`).toContain(labelOf.get(hidden.id));
    await page.screenshot({ path: 'test-results/canvas-resize-labels-390.png' });
    await page.close();
  });
});
