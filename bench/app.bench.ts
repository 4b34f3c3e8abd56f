/**
 * The seed app as a user gets it: built like `npm run build`, served by
 * `vite preview` on 127.0.0.1, opened in headless Chromium with an empty
 * cache. Measures the time from navigation to the first frame in which
 * Cytoscape drew the graph, and the gzipped size of the JavaScript.
 *
 * Also records, per run, the main thread's busy time to that frame by kind
 * (Chromium's own counters through CDP `Performance.getMetrics`): under CPU
 * contention the wall clock measures the wait for a core, these what the page
 * asked of it.
 *
 * Run alone: `npx tsx bench/app.bench.ts`. BENCH_APP_OUT=dir builds there
 * instead of bench/dist/app (for running beside someone else's benchmark).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { build, preview } from 'vite';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../scripts/chromium';
import { median, round } from './stats';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));
const ROOT = here('..');
const OUT = process.env.BENCH_APP_OUT ? resolve(process.env.BENCH_APP_OUT) : here('./dist/app');
const RUNS = 5;

export interface AppResult {
  runs: number;
  /** Median over runs, ms after navigation start. */
  firstGraphMs: number;
  firstGraphAllMs: number[];
  /** Median over runs of the main thread's busy time to the first graph frame, ms, by kind. */
  mainThread: MainThreadTime;
  firstContentfulPaintMs: number;
  domContentLoadedMs: number;
  /** All JavaScript of the build (entry, lazy chunks, workers), gzip level 6 (zlib's default). */
  jsGzipBytes: number;
  jsRawBytes: number;
  /** What index.html loads before the app runs (entry + modulepreload). */
  initialJsGzipBytes: number;
  files: { file: string; raw: number; gzip: number }[];
}

/**
 * Main-thread time of the page from navigation to the first graph frame, ms: all tasks, and
 * of which JavaScript (parse on the main thread, compile, run), style recalculation, layout.
 * The rest of `tasks` is paint, commit, HTML parsing and the browser's own work.
 */
export interface MainThreadTime {
  tasks: number;
  script: number;
  style: number;
  layout: number;
}

/** Chromium's cumulative counters, in seconds, since `Performance.enable`. */
function mainThreadTime(metrics: { name: string; value: number }[]): MainThreadTime {
  const ms = (name: string) => 1000 * (metrics.find((m) => m.name === name)?.value ?? NaN);
  return {
    tasks: ms('TaskDuration'),
    script: ms('ScriptDuration'),
    style: ms('RecalcStyleDuration'),
    layout: ms('LayoutDuration'),
  };
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}

export async function runAppBench(log: (s: string) => void = console.log): Promise<AppResult> {
  await build({
    root: ROOT,
    configFile: join(ROOT, 'vite.config.ts'),
    build: { outDir: OUT, emptyOutDir: true },
    logLevel: 'warn',
  });
  const files = walk(OUT)
    .filter((f) => /\.(m?js)$/.test(f))
    .map((f) => {
      const bytes = readFileSync(f);
      return { file: f.slice(OUT.length + 1), raw: bytes.length, gzip: gzipSync(bytes).length };
    })
    .sort((a, b) => b.gzip - a.gzip);
  const html = readFileSync(join(OUT, 'index.html'), 'utf8');
  const initial = files.filter((f) => html.includes(f.file));

  const server = await preview({
    root: ROOT,
    configFile: false,
    build: { outDir: OUT },
    preview: { host: '127.0.0.1', port: 4185, strictPort: false },
    logLevel: 'warn',
  });
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
    headless: true,
  });
  const samples: { graph: number; fcp: number; dcl: number; main: MainThreadTime }[] = [];
  try {
    const base = server.resolvedUrls?.local[0];
    if (!base) throw new Error('vite preview did not report a local URL');
    for (let i = 0; i < RUNS; i++) {
      // A fresh context each time: empty HTTP cache, no stored positions.
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
      // tsx keeps function names with a `__name` helper that the page does not have.
      await page.addInitScript('window.__name = (f) => f');
      // Before any app code: wait for the Cytoscape instance on the graph container, then
      // for its first draw, then for the end of that frame.
      await page.addInitScript(() => {
        type Cy = { one(event: string, fn: () => void): void };
        const w = window as unknown as { __firstGraph?: number };
        const poll = () => {
          const host = document.querySelector('[data-testid=graph]') as
            (Element & { _cyreg?: { cy?: Cy } }) | null;
          const cy = host?._cyreg?.cy;
          if (!cy) return void requestAnimationFrame(poll);
          cy.one('render', () => {
            const ch = new MessageChannel();
            // Nothing runs until the CDP counters are read: `waitForFunction` sees the time.
            ch.port1.onmessage = () => (w.__firstGraph = performance.now());
            ch.port2.postMessage(0);
          });
        };
        requestAnimationFrame(poll);
      });
      await page.goto(base);
      await page.waitForFunction(() => (window as { __firstGraph?: number }).__firstGraph, null, {
        timeout: 30_000,
      });
      const main = mainThreadTime((await cdp.send('Performance.getMetrics')).metrics);
      const t = await page.evaluate(() => {
        const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
        const fcp = performance.getEntriesByName('first-contentful-paint')[0];
        return {
          graph: (window as { __firstGraph?: number }).__firstGraph!,
          fcp: fcp?.startTime ?? NaN,
          dcl: nav.domContentLoadedEventEnd,
        };
      });
      samples.push({ ...t, main });
      await context.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
  const r: AppResult = {
    runs: RUNS,
    firstGraphMs: round(median(samples.map((s) => s.graph)), 0),
    firstGraphAllMs: samples.map((s) => round(s.graph, 0)),
    mainThread: {
      tasks: round(median(samples.map((s) => s.main.tasks)), 0),
      script: round(median(samples.map((s) => s.main.script)), 0),
      style: round(median(samples.map((s) => s.main.style)), 0),
      layout: round(median(samples.map((s) => s.main.layout)), 0),
    },
    firstContentfulPaintMs: round(median(samples.map((s) => s.fcp)), 0),
    domContentLoadedMs: round(median(samples.map((s) => s.dcl)), 0),
    jsGzipBytes: files.reduce((s, f) => s + f.gzip, 0),
    jsRawBytes: files.reduce((s, f) => s + f.raw, 0),
    initialJsGzipBytes: initial.reduce((s, f) => s + f.gzip, 0),
    files,
  };
  log(
    `app: graph drawn ${r.firstGraphMs} ms after navigation (runs: ${r.firstGraphAllMs.join(', ')}); ` +
      `main thread ${r.mainThread.tasks} ms (script ${r.mainThread.script}, style ${r.mainThread.style}, ` +
      `layout ${r.mainThread.layout}); JS ${(r.jsGzipBytes / 1024).toFixed(1)} KB gzipped (initial ${(r.initialJsGzipBytes / 1024).toFixed(1)} KB)`,
  );
  return r;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.log(JSON.stringify(await runAppBench(), null, 2));
}
