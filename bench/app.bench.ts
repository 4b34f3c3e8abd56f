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
 *
 * A/B: `npx tsx bench/app.bench.ts --against DIR [--runs N]` builds this tree
 * and another checkout (DIR, e.g. `git archive <commit> | tar -x -C DIR`, with
 * node_modules linked in) and opens them in turn, A B B A…, N times each, so
 * both see the same load on a shared machine; it prints both medians and the
 * CPU pressure over the run.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser } from 'playwright-core';
import { build, preview, type PreviewServer } from 'vite';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../scripts/chromium';
import { cpuStallMicros } from './pressure';
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

/** One navigation: times from navigation start, and the main thread's busy time to the first graph frame. */
interface Sample {
  graph: number;
  fcp: number;
  dcl: number;
  main: MainThreadTime;
}

/**
 * Builds the app of the tree at `root` (with its own vite.config.ts) into `outDir`; `sourcemap`
 * for the profiler (bench/profile.ts), which maps samples back to the sources.
 */
export async function buildApp(root: string, outDir: string, sourcemap = false): Promise<void> {
  // The config's second build (the standalone page) finds its page from the working directory.
  const cwd = process.cwd();
  process.chdir(root);
  try {
    await build({
      root,
      configFile: join(root, 'vite.config.ts'),
      build: { outDir, emptyOutDir: true, sourcemap },
      logLevel: 'warn',
    });
  } finally {
    process.chdir(cwd);
  }
}

/** Serves a build with `vite preview` on 127.0.0.1 (port 4185 or the next free one). */
async function serve(outDir: string): Promise<{ server: PreviewServer; base: string }> {
  const server = await preview({
    root: ROOT,
    configFile: false,
    build: { outDir },
    preview: { host: '127.0.0.1', port: 4185, strictPort: false },
    logLevel: 'warn',
  });
  const base = server.resolvedUrls?.local[0];
  if (!base) throw new Error('vite preview did not report a local URL');
  return { server, base };
}

/**
 * A page script, added before any app code: waits for the Cytoscape instance on the graph
 * container, then for its first draw, then for the end of that frame, and records the time
 * (`window.__firstGraph`) for `waitForFunction` to see.
 */
export function recordFirstGraph(): void {
  type Cy = { one(event: string, fn: () => void): void };
  const w = window as unknown as { __firstGraph?: number };
  const poll = () => {
    const host = document.querySelector('[data-testid=graph]') as
      (Element & { _cyreg?: { cy?: Cy } }) | null;
    const cy = host?._cyreg?.cy;
    if (!cy) return void requestAnimationFrame(poll);
    cy.one('render', () => {
      const ch = new MessageChannel();
      ch.port1.onmessage = () => (w.__firstGraph = performance.now());
      ch.port2.postMessage(0);
    });
  };
  requestAnimationFrame(poll);
}

/** Opens the app once in a fresh browser context (empty HTTP cache, no stored positions). */
async function measureNavigation(browser: Browser, base: string): Promise<Sample> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
    // tsx keeps function names with a `__name` helper that the page does not have.
    await page.addInitScript('window.__name = (f) => f');
    await page.addInitScript(recordFirstGraph);
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
    return { ...t, main };
  } finally {
    await context.close();
  }
}

function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
}

const medianMainThread = (samples: readonly Sample[]): MainThreadTime => ({
  tasks: round(median(samples.map((s) => s.main.tasks)), 0),
  script: round(median(samples.map((s) => s.main.script)), 0),
  style: round(median(samples.map((s) => s.main.style)), 0),
  layout: round(median(samples.map((s) => s.main.layout)), 0),
});

export async function runAppBench(log: (s: string) => void = console.log): Promise<AppResult> {
  await buildApp(ROOT, OUT);
  const files = walk(OUT)
    .filter((f) => /\.(m?js)$/.test(f))
    .map((f) => {
      const bytes = readFileSync(f);
      return { file: f.slice(OUT.length + 1), raw: bytes.length, gzip: gzipSync(bytes).length };
    })
    .sort((a, b) => b.gzip - a.gzip);
  const html = readFileSync(join(OUT, 'index.html'), 'utf8');
  const initial = files.filter((f) => html.includes(f.file));

  const { server, base } = await serve(OUT);
  const browser = await launch();
  const samples: Sample[] = [];
  try {
    for (let i = 0; i < RUNS; i++) samples.push(await measureNavigation(browser, base));
  } finally {
    await browser.close();
    await server.close();
  }
  const r: AppResult = {
    runs: RUNS,
    firstGraphMs: round(median(samples.map((s) => s.graph)), 0),
    firstGraphAllMs: samples.map((s) => round(s.graph, 0)),
    mainThread: medianMainThread(samples),
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

/**
 * This tree (A) against another checkout (B): both built, then opened in turn (A B, B A, …)
 * `runs` times each, so that both meet the same load. Prints each one's medians and runs.
 */
async function compareApps(against: string, runs: number): Promise<void> {
  if (!existsSync(join(against, 'vite.config.ts')))
    throw new Error(
      `--against ${against}: no vite.config.ts there (expected a checkout of this app)`,
    );
  if (!existsSync(join(against, 'node_modules')))
    throw new Error(
      `--against ${against}: no node_modules (link this tree's: ln -s ${ROOT}/node_modules ${against}/)`,
    );
  const trees = [
    { name: `A (${ROOT})`, root: ROOT, outDir: OUT, samples: [] as Sample[] },
    { name: `B (${against})`, root: against, outDir: `${OUT}-against`, samples: [] as Sample[] },
  ];
  for (const t of trees) await buildApp(t.root, t.outDir);
  const served = await Promise.all(trees.map((t) => serve(t.outDir)));
  const browser = await launch();
  const stallStart = cpuStallMicros();
  const started = performance.now();
  try {
    for (let i = 0; i < runs; i++) {
      const order = i % 2 === 0 ? [0, 1] : [1, 0];
      for (const k of order)
        trees[k]!.samples.push(await measureNavigation(browser, served[k]!.base));
    }
  } finally {
    await browser.close();
    await Promise.all(served.map(({ server }) => server.close()));
  }
  const stallEnd = cpuStallMicros();
  const pressure =
    stallStart === null || stallEnd === null
      ? 'unknown'
      : `${round((100 * (stallEnd - stallStart)) / ((performance.now() - started) * 1000), 1)}%`;
  console.log(`CPU pressure over the A/B (some task waited for a core): ${pressure}`);
  for (const t of trees) {
    const main = medianMainThread(t.samples);
    console.log(
      `${t.name}: graph drawn ${round(median(t.samples.map((s) => s.graph)), 0)} ms ` +
        `(runs: ${t.samples.map((s) => round(s.graph, 0)).join(', ')}); main thread ${main.tasks} ms ` +
        `(script ${main.script}, style ${main.style}, layout ${main.layout})`,
    );
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const args = process.argv.slice(2);
  const option = (name: string) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const against = option('--against');
  if (against) await compareApps(resolve(against), Number(option('--runs') ?? RUNS));
  else console.log(JSON.stringify(await runAppBench(), null, 2));
}
