/**
 * Render benchmarks in headless Chromium (Debian's, through playwright-core,
 * software rendering as on this machine): for each size, the same dataset
 * and the same playback steps through
 *   (a) Allegiance's adapter (src/graph/adapter.ts),
 *   (b) naive Cytoscape (replace all elements each step),
 *   (c) vis-network with DataSet updates,
 *   (d) sigma.js (WebGL) with graphology updates;
 * p50/p95 of the per-step frame time (see bench/render/harness.ts), and the
 * page's JS heap after the steps (garbage collected first, through CDP).
 *
 * Run alone: `npx tsx bench/render.bench.ts [S,M,L] [adapter,naive,vis,sigma]`.
 * BENCH_RENDER_OUT=dir builds the pages there instead of bench/dist/render
 * (for running beside someone else's benchmark).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { build, preview } from 'vite';
import type { SyntheticSize } from '../src/core/synthetic';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../scripts/chromium';
import { benchDataset, pagePayload } from './data';
import type { PageResult } from './render/harness';
import { median, percentile, round } from './stats';

export const VARIANTS = {
  adapter: { page: 'adapter.html', label: '(a) Allegiance adapter' },
  'adapter-reduced': {
    page: 'adapter.html?motion=reduce',
    label: '(a) adapter, reduced motion (no fades)',
  },
  naive: { page: 'naive.html', label: '(b) naive Cytoscape (replace all)' },
  vis: { page: 'vis.html', label: '(c) vis-network + DataSet' },
  sigma: { page: 'sigma.html', label: '(d) sigma.js (WebGL) + graphology' },
} as const;
export type Variant = keyof typeof VARIANTS;

export const VIEWPORT = { width: 1280, height: 800 };

export interface RenderResult {
  size: SyntheticSize;
  variant: Variant;
  label: string;
  steps: number;
  /** Steps after which the renderer drew (others changed nothing drawn). */
  drawnSteps: number;
  frameP50: number;
  frameP95: number;
  frameMax: number;
  updateP50: number;
  latencyP50: number;
  latencyP95: number;
  mountMs: number;
  loadMs: number;
  drawnAtStart: { nodes: number; edges: number };
  /** JS heap in use after the steps, once garbage is collected (the view still mounted). */
  heapMB: number | null;
}

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));
const OUT = process.env.BENCH_RENDER_OUT
  ? resolve(process.env.BENCH_RENDER_OUT)
  : here('./dist/render');

/** Builds the pages and writes the payload of each size next to them. */
export async function buildPages(sizes: readonly SyntheticSize[]): Promise<void> {
  await build({ configFile: here('./vite.bench.config.ts'), logLevel: 'warn' });
  mkdirSync(`${OUT}/data`, { recursive: true });
  for (const size of sizes)
    writeFileSync(`${OUT}/data/${size}.json`, pagePayload(benchDataset(size)));
}

function summarise(
  size: SyntheticSize,
  variant: Variant,
  r: PageResult,
  heapBytes: number,
): RenderResult {
  const frames = r.samples.map((s) => s.frame);
  const lat = r.samples.map((s) => s.latency);
  return {
    size,
    variant,
    label: VARIANTS[variant].label,
    steps: r.samples.length,
    drawnSteps: r.samples.filter((s) => s.drew).length,
    frameP50: round(median(frames)),
    frameP95: round(percentile(frames, 95)),
    frameMax: round(Math.max(...frames)),
    updateP50: round(median(r.samples.map((s) => s.update))),
    latencyP50: round(median(lat)),
    latencyP95: round(percentile(lat, 95)),
    mountMs: round(r.mountMs, 0),
    loadMs: round(r.loadMs, 0),
    drawnAtStart: r.drawnAtStart,
    heapMB: round(heapBytes / 1048576, 0),
  };
}

/**
 * Bytes of JS heap the page holds once its garbage is collected: what stays
 * allocated for the mounted view, its model and the payload it was built from.
 * `performance.memory` would be coarse (bucketed) and include garbage.
 */
async function heapUsedAfterGc(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  await cdp.detach();
  return usedSize;
}

export async function runRenderBench(
  sizes: readonly SyntheticSize[] = ['S', 'M', 'L'],
  variants: readonly Variant[] = ['adapter', 'adapter-reduced', 'naive', 'vis'],
  log: (s: string) => void = console.log,
): Promise<{ results: RenderResult[]; chromium: string }> {
  await buildPages(sizes);
  const server = await preview({
    root: here('./render'),
    build: { outDir: OUT },
    preview: { host: '127.0.0.1', port: 4190, strictPort: false },
    logLevel: 'warn',
    configFile: false,
  });
  let browser: Browser | undefined;
  const results: RenderResult[] = [];
  try {
    const base = server.resolvedUrls?.local[0];
    if (!base) throw new Error('vite preview did not report a local URL');
    browser = await chromium.launch({
      executablePath: CHROMIUM_PATH,
      args: CHROMIUM_ARGS,
      headless: true,
    });
    for (const size of sizes) {
      for (const variant of variants) {
        // A fresh context per run: no cache, heap or compiled code shared between renderers.
        const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1 });
        const page = await context.newPage();
        const errors: string[] = [];
        page.on('pageerror', (e) => errors.push(e.message));
        // tsx keeps function names with a `__name` helper that the page does not have.
        await page.addInitScript('window.__name = (f) => f');
        await page.goto(new URL(VARIANTS[variant].page, base).href);
        await page.waitForFunction(() => window.__bench !== undefined);
        const raw = await page.evaluate((url) => window.__bench!.run(url), `data/${size}.json`);
        const heapBytes = await heapUsedAfterGc(page);
        await context.close();
        if (errors.length > 0) throw new Error(`${variant} ${size}: ${errors.join(' | ')}`);
        const r = summarise(size, variant, raw, heapBytes);
        log(
          `render ${size} ${variant}: frame p50 ${r.frameP50} ms, p95 ${r.frameP95} ms ` +
            `(update ${r.updateP50} ms; ${r.drawnSteps}/${r.steps} steps drew; ` +
            `${r.drawnAtStart.nodes} nodes, ${r.drawnAtStart.edges} edges; mount ${r.mountMs} ms; ` +
            `heap ${r.heapMB} MB)`,
        );
        results.push(r);
      }
    }
    return { results, chromium: browser.version() };
  } finally {
    await browser?.close();
    await server.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const sizes = (process.argv[2]?.split(',') as SyntheticSize[] | undefined) ?? ['S', 'M', 'L'];
  const variants = process.argv[3]?.split(',') as Variant[] | undefined;
  const { results } = await runRenderBench(sizes, variants);
  console.log(JSON.stringify(results, null, 2));
}
