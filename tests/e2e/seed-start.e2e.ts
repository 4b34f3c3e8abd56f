/**
 * The seed's first frame is its final layout: nothing arrives after the first paint that moves
 * or resizes the graph. The time bar's event markers and ticks used to come one frame late (the
 * lanes were measured by a ResizeObserver, whose first report follows the first paint), so the
 * time bar grew by a lane and the graph above it shrank and was drawn again (637 → 615 px tall
 * at 1280×800).
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { launchBrowser } from './browser';

interface Layout {
  graphHeight: number;
  timeBarHeight: number;
  markers: number;
  ticks: number;
}

declare global {
  interface Window {
    __firstFrameLayout?: Layout;
  }
}

/** What the page has laid out now: the graph's and the time bar's heights, markers and ticks. */
function readLayout(): Layout {
  const height = (selector: string) =>
    document.querySelector(selector)?.getBoundingClientRect().height ?? -1;
  return {
    graphHeight: height('[data-testid="graph"]'),
    timeBarHeight: height('.app__footer'),
    markers: document.querySelectorAll('.timebar__marker').length,
    ticks: document.querySelectorAll('.timebar__tick').length,
  };
}

/**
 * Opens the app and records its layout in the first animation frame after the graph view is
 * mounted, before that frame is painted: what the first picture shows.
 */
async function openRecordingFirstFrame(
  browser: Browser,
  viewport: { width: number; height: number },
): Promise<Page> {
  const page = await browser.newPage({ viewport, reducedMotion: 'reduce' });
  await page.addInitScript(`window.__readLayout = ${readLayout.toString()};`);
  await page.addInitScript(() => {
    const w = window as unknown as { __readLayout: () => Layout };
    const watch = () => {
      if (window.__allegiance) window.__firstFrameLayout = w.__readLayout();
      else requestAnimationFrame(watch);
    };
    requestAnimationFrame(watch);
  });
  await page.goto(inject('baseURL'));
  await page.waitForFunction(() => window.__firstFrameLayout !== undefined);
  return page;
}

describe('seed start', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => browser?.close());

  for (const viewport of [
    { width: 1440, height: 900 },
    { width: 390, height: 844 },
  ]) {
    it(`draws its final layout in the first frame at ${viewport.width}×${viewport.height}`, async () => {
      const page = await openRecordingFirstFrame(browser, viewport);
      // Settled: the seed's events are marked on the time bar.
      await page.waitForFunction(() => document.querySelector('.timebar__marker') !== null);
      const first = (await page.evaluate(() => window.__firstFrameLayout))!;
      const settled = await page.evaluate(readLayout);
      expect(first.markers).toBeGreaterThan(0);
      expect(first.ticks).toBeGreaterThan(0);
      expect(first).toEqual(settled);
      // Cytoscape's canvases were sized once, to the final height.
      const canvasHeight = await page
        .locator('[data-testid="graph"] canvas')
        .first()
        .evaluate((c) => c.getBoundingClientRect().height);
      expect(canvasHeight).toBeCloseTo(settled.graphHeight, 0);
      await page.close();
    });
  }
});
