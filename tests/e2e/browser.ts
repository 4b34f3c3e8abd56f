/** Shared helpers of the browser tests: Debian's Chromium through playwright-core, and pixel checks. */
import { chromium, type Browser, type Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { inject } from 'vitest';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../scripts/chromium';

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
    headless: true,
  });
}

/** The key under which the app remembers that its first-visit prompt was answered. */
const FIRST_VISIT_DONE = 'allegiance:first-visit-done';

/**
 * Opens the app at `path` (e.g. `/?date=1988`) and waits until the graph is mounted. As a
 * returning visitor, unless `firstVisit` is set: the first-visit prompt would cover part of the
 * graph that other tests look at.
 */
export async function openApp(
  browser: Browser,
  path = '/',
  viewport = { width: 1280, height: 800 },
  { firstVisit = false } = {},
): Promise<Page> {
  const page = await browser.newPage({ viewport, reducedMotion: 'reduce' });
  if (!firstVisit)
    await page.addInitScript((key) => {
      try {
        if (localStorage.getItem(key) === null) localStorage.setItem(key, 'tests');
      } catch {
        // Storage blocked: the app shows no prompt then either.
      }
    }, FIRST_VISIT_DONE);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(new URL(path, inject('baseURL')).href);
  await page
    .waitForFunction(() => window.__allegiance !== undefined, undefined, { timeout: 15_000 })
    .catch(() => {
      throw new Error(
        `the app did not mount its graph; page errors: ${errors.join(' | ') || 'none'}`,
      );
    });
  return page;
}

export interface PixelStats {
  width: number;
  height: number;
  /** Variance of the luminance over all pixels: 0 for a blank image. */
  variance: number;
  /** Share of pixels that differ from the most common colour. */
  inked: number;
}

export function pixelStats(png: Buffer): PixelStats {
  const img = PNG.sync.read(png);
  const n = img.width * img.height;
  let sum = 0;
  let sumSq = 0;
  const counts = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    const [r, g, b, a] = [
      img.data[i * 4]!,
      img.data[i * 4 + 1]!,
      img.data[i * 4 + 2]!,
      img.data[i * 4 + 3]!,
    ];
    const lum = (0.2126 * r + 0.7152 * g + 0.0722 * b) * (a / 255);
    sum += lum;
    sumSq += lum * lum;
    const key = (r << 24) | (g << 16) | (b << 8) | a;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const mean = sum / n;
  const top = Math.max(...counts.values());
  return {
    width: img.width,
    height: img.height,
    variance: sumSq / n - mean * mean,
    inked: 1 - top / n,
  };
}

/** Share of pixels that differ between two same-sized PNGs. */
export function pixelDifference(a: Buffer, b: Buffer): number {
  const x = PNG.sync.read(a);
  const y = PNG.sync.read(b);
  if (x.width !== y.width || x.height !== y.height) return 1;
  let diff = 0;
  for (let i = 0; i < x.data.length; i += 4) {
    if (
      x.data[i] !== y.data[i] ||
      x.data[i + 1] !== y.data[i + 1] ||
      x.data[i + 2] !== y.data[i + 2]
    )
      diff++;
  }
  return diff / (x.width * x.height);
}
