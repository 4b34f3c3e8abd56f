/**
 * On a phone (390x844) the details open as a bottom sheet over the graph's lower part: the
 * camera keeps the selection in the part still in sight (graph/camera.ts). A link to a selection
 * shows the actor, its label and its counterparts above the sheet; an actor tapped low on the
 * canvas is brought up above the sheet that its tap opens; closing the sheet moves nothing, and
 * Fit then fits the whole canvas again. Screenshots go to test-results/phone-sheet-*.png.
 */
import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Box } from '../../src/core/render/labels';
import { tokens } from '../../src/core/tokens';
import { launchBrowser, openApp } from './browser';

const PHONE = { width: 390, height: 844 };
/** How far an actor's symbol reaches from its centre, in graph units (style.ts). */
const RADIUS = (tokens.size.node + tokens.size.nodeBorder) / 2;

const boxOf = async (page: Page, selector: string): Promise<Box> => {
  const b = (await page.locator(selector).boundingBox())!;
  return { x1: b.x, y1: b.y, x2: b.x + b.width, y2: b.y + b.height };
};

/** The part of the canvas in sight: from its top down to the open sheet's top edge. */
async function partInSight(page: Page): Promise<Box> {
  const canvas = await boxOf(page, '[data-testid="graph"]');
  const sheet = await boxOf(page, '.panel--right');
  expect(sheet.y1, 'the details sheet lies over the canvas').toBeLessThan(canvas.y2);
  return { ...canvas, y2: sheet.y1 };
}

/** An actor's symbol and label boxes on the page (no label box when its label is hidden). */
const actorBoxes = (page: Page, ids: string[]) =>
  page.evaluate(
    ({ ids, radius }) => {
      const hook = window.__allegiance!;
      const r = radius * hook.camera().zoom;
      return ids.flatMap((id) => {
        const at = hook.clientPosition('actor', id)!;
        const label = hook.labelBox(id);
        return [
          {
            what: `${id}'s symbol`,
            box: { x1: at.x - r, y1: at.y - r, x2: at.x + r, y2: at.y + r },
          },
          ...(label ? [{ what: `${id}'s label`, box: label }] : []),
        ];
      });
    },
    { ids, radius: RADIUS },
  );

const outside = (box: Box, frame: Box) =>
  box.x1 < frame.x1 - 0.5 ||
  box.y1 < frame.y1 - 0.5 ||
  box.x2 > frame.x2 + 0.5 ||
  box.y2 > frame.y2 + 0.5;

/** What of these actors lies outside the frame, by name ("pakistan's label"). */
const outsideOf = async (page: Page, ids: string[], frame: Box) =>
  (await actorBoxes(page, ids)).filter(({ box }) => outside(box, frame)).map(({ what }) => what);

/** The actors the selection emphasises: the selected one and its counterparts. */
const emphasised = (page: Page) =>
  page.evaluate(() => {
    const hook = window.__allegiance!;
    return hook.drawnActors().filter((id) => hook.emphasis('actor', id) === 'highlighted');
  });

/** Two frames: a ResizeObserver reports in the frame after the layout that changed a size. */
const twoFrames = (page: Page) =>
  page.evaluate(
    () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))),
  );

describe('a phone’s details sheet over the graph', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
    mkdirSync('test-results', { recursive: true });
  });
  afterAll(async () => browser?.close());

  it('shows a linked selection and its counterparts above the sheet; Fit then uses the whole canvas', async () => {
    const page = await openApp(browser, '/?select=actor:pakistan', PHONE);
    await page.locator('.panel--right').getByRole('heading', { name: 'Pakistan' }).waitFor();
    const inSight = await partInSight(page);
    await page.waitForFunction(
      ({ top, bottom }) => {
        const hook = window.__allegiance!;
        const at = hook.clientPosition('actor', 'pakistan');
        const label = hook.labelBox('pakistan');
        return at !== null && label !== null && at.y > top && label.y2 < bottom;
      },
      { top: inSight.y1, bottom: inSight.y2 },
    );
    const group = await emphasised(page);
    expect(group.length).toBeGreaterThan(5); // Pakistan deals with most of the seed
    expect(await outsideOf(page, ['pakistan'], inSight)).toEqual([]);
    expect(await page.evaluate(() => window.__allegiance!.labelBox('pakistan'))).not.toBeNull();
    expect(await outsideOf(page, group, inSight)).toEqual([]);
    await page.screenshot({ path: 'test-results/phone-sheet-link.png' });

    // Closing the sheet leaves the camera where it is; Fit fits the whole canvas again.
    const before = await page.evaluate(() => window.__allegiance!.camera());
    await page.getByRole('button', { name: 'Close the side panel' }).click();
    await page.locator('#details-panel').waitFor({ state: 'hidden' });
    await twoFrames(page);
    expect(await page.evaluate(() => window.__allegiance!.camera())).toEqual(before);
    await page.getByRole('button', { name: 'Fit' }).click();
    await page.waitForFunction((zoom) => window.__allegiance!.camera().zoom > zoom, before.zoom);
    const canvas = await boxOf(page, '[data-testid="graph"]');
    const drawn = await page.evaluate(() => window.__allegiance!.drawnActors());
    const boxes = await actorBoxes(page, drawn);
    expect(boxes.filter(({ box }) => outside(box, canvas)).map(({ what }) => what)).toEqual([]);
    // The picture reaches into the band the sheet covered.
    expect(Math.max(...boxes.map(({ box }) => box.y2))).toBeGreaterThan(inSight.y2);
    await page.screenshot({ path: 'test-results/phone-sheet-fit.png' });
    await page.close();
  });

  it('brings an actor tapped low on the canvas above the sheet its tap opens', async () => {
    const page = await openApp(browser, '/', PHONE);
    const canvas = await boxOf(page, '[data-testid="graph"]');
    // The lowest alive actor: where the sheet will open.
    const lowest = await page.evaluate(() => {
      const hook = window.__allegiance!;
      return hook
        .liveActors()
        .map((id) => ({ id, at: hook.clientPosition('actor', id)! }))
        .sort((a, b) => b.at.y - a.at.y)[0]!;
    });
    expect(lowest.at.y).toBeGreaterThan(canvas.y1 + (canvas.y2 - canvas.y1) / 2);
    await page.mouse.click(lowest.at.x, lowest.at.y);
    await page.locator('#details-panel').waitFor({ state: 'visible' });
    const inSight = await partInSight(page);
    expect(lowest.at.y, 'the tapped actor was under the sheet').toBeGreaterThan(inSight.y2);
    await page.waitForFunction(
      ({ id, bottom }) => {
        const at = window.__allegiance!.clientPosition('actor', id);
        return at !== null && at.y < bottom;
      },
      { id: lowest.id, bottom: inSight.y2 },
    );
    expect(await outsideOf(page, [lowest.id], inSight)).toEqual([]);
    await page.screenshot({ path: 'test-results/phone-sheet-tap.png' });
    await page.close();
  });
});
