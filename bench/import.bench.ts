/**
 * Big datasets through the built app.
 *
 * `runImportBench`: a million-row relations CSV (about 37 MB) imported, then
 * the page reloaded: how long the page's main-thread tasks are while the file
 * is parsed, laid out and saved (in the worker), handed to the page in parts,
 * built into a model in slices and first drawn, and while a reload reads it
 * back from the library (in the worker). Long tasks are what Chromium itself
 * reports (PerformanceObserver 'longtask', every task over 50 ms), and which
 * phase the import panel showed when each began.
 *
 * `runFirstPictureBench`: the XL synthetic dataset (10k actors, 100k
 * relations) imported as JSON: how soon its first picture (a quick layout) is
 * drawn after the file was read, and after it was validated, and when the
 * refined layout replaces it.
 *
 * Run alone: `npx tsx bench/import.bench.ts [ROWS]` (slow: minutes), or
 * `npx tsx bench/import.bench.ts --first-picture`.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { build, preview } from 'vite';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../scripts/chromium';
import { generateSyntheticDataset } from '../src/core/synthetic';
import { bigRelationsCsv } from '../tests/helpers/big-csv';
import { round } from './stats';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));
const ROOT = here('..');
// BENCH_IMPORT_OUT=dir builds there instead (for running beside someone else's benchmark).
const OUT = process.env.BENCH_IMPORT_OUT
  ? resolve(process.env.BENCH_IMPORT_OUT)
  : here('./dist/import');
const ACTORS = 3000;
const PATIENCE_MS = 30 * 60_000;

export interface LongTask {
  startMs: number;
  durationMs: number;
  /** The import panel's phase when the task began ("Parsing", "Building"…), or '' (none shown). */
  phase: string;
}

export interface ImportResult {
  rows: number;
  fileMB: number;
  /** From choosing the file to the dataset shown. */
  importMs: number;
  /** From the reload's navigation to the dataset shown again. */
  reloadMs: number;
  importTasks: LongTask[];
  reloadTasks: LongTask[];
  longestImportTaskMs: number;
  longestReloadTaskMs: number;
}

declare global {
  interface Window {
    __longTasks?: { startMs: number; durationMs: number }[];
    __phases?: { startMs: number; phase: string }[];
  }
}

/** Records long tasks and the import panel's phases from the page's first script on. */
function recordTasks() {
  window.__longTasks = [];
  window.__phases = [];
  setInterval(() => {
    const text = document.querySelector('.import-panel p, .import-panel h2')?.textContent ?? '';
    const phase = text.replace(/ .*/, '');
    if (window.__phases!.at(-1)?.phase !== phase)
      window.__phases!.push({ startMs: performance.now(), phase });
  }, 20);
  new PerformanceObserver((list) => {
    for (const e of list.getEntries())
      window.__longTasks!.push({ startMs: e.startTime, durationMs: e.duration });
  }).observe({ type: 'longtask', buffered: true });
}

async function longTasksSince(page: Page, since: number): Promise<LongTask[]> {
  const { tasks, phases } = await page.evaluate(() => ({
    tasks: window.__longTasks!,
    phases: window.__phases!,
  }));
  return tasks
    .filter((t) => t.startMs >= since)
    .map((t) => ({
      startMs: round(t.startMs, 0),
      durationMs: round(t.durationMs, 0),
      phase: phases.filter((p) => p.startMs <= t.startMs).at(-1)?.phase ?? '',
    }));
}

/** Resolves after the page has drawn a frame following everything queued so far. */
const frameDrawn = (page: Page) =>
  page.evaluate(() => new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0))));

/** Resolves once the graph view has mounted every slice and drawn a frame after it. */
async function graphMounted(page: Page) {
  await page.waitForFunction(() => window.__allegiance?.graphMounted() === true, undefined, {
    timeout: PATIENCE_MS,
    polling: 100,
  });
  await frameDrawn(page);
}

const longest = (tasks: LongTask[]) => Math.max(0, ...tasks.map((t) => t.durationMs));

/**
 * The app built (into bench/dist/import unless `outDir` says otherwise; with source maps for
 * a profile), served, and a browser: for `measure`, then closed.
 */
export async function withServedApp<T>(
  measure: (base: string, browser: Browser) => Promise<T>,
  { outDir = OUT, sourcemap = false }: { outDir?: string; sourcemap?: boolean } = {},
): Promise<T> {
  await build({
    root: ROOT,
    configFile: join(ROOT, 'vite.config.ts'),
    build: { outDir, emptyOutDir: true, sourcemap },
    logLevel: 'warn',
  });
  const server = await preview({
    root: ROOT,
    configFile: false,
    build: { outDir },
    preview: { host: '127.0.0.1', port: 4195, strictPort: false },
    logLevel: 'warn',
  });
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
    headless: true,
  });
  try {
    const base = server.resolvedUrls?.local[0];
    if (!base) throw new Error('vite preview did not report a local URL');
    return await measure(base, browser);
  } finally {
    await browser.close();
    await server.close();
  }
}

/** A page of the app recording long tasks and the import panel's phases, at the seed. */
async function openRecordingPage(browser: Browser, base: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  // tsx keeps function names with a `__name` helper that the page does not have.
  await page.addInitScript('window.__name = (f) => f');
  await page.addInitScript(recordTasks);
  await page.goto(base);
  await page.waitForFunction(() => window.__allegiance !== undefined);
  await frameDrawn(page);
  return page;
}

export async function runImportBench(
  rows = 1_000_000,
  log: (s: string) => void = console.log,
): Promise<ImportResult> {
  const dir = mkdtempSync(join(tmpdir(), 'allegiance-import-bench-'));
  const file = join(dir, 'big.csv');
  const csv = bigRelationsCsv(rows, ACTORS);
  writeFileSync(file, csv);
  try {
    return await withServedApp(async (base, browser) => {
      const page = await openRecordingPage(browser, base);
      const importStart = await page.evaluate(() => performance.now());
      await page
        .locator('input[type=file][aria-label="Choose files to import"]')
        .setInputFiles(file);
      // A plain query polled twice a second: Playwright's role locators compute accessible
      // names across the page on every poll, main-thread work that would count as the app's.
      await page.waitForFunction(
        () => document.querySelector('.import-panel h2')?.textContent?.startsWith('Imported “big”'),
        undefined,
        { timeout: PATIENCE_MS, polling: 500 },
      );
      await graphMounted(page);
      const importMs = (await page.evaluate(() => performance.now())) - importStart;
      const importTasks = await longTasksSince(page, importStart);

      await page.reload();
      await page.waitForFunction(
        () =>
          document.querySelector('h1')?.textContent === 'big' &&
          // The hook comes with the graph view, after the heading: undefined is not ready.
          (window.__allegiance?.computed() ?? null) !== null,
        undefined,
        { timeout: PATIENCE_MS, polling: 200 },
      );
      await graphMounted(page);
      const reloadMs = await page.evaluate(() => performance.now());
      const reloadTasks = await longTasksSince(page, 0);
      await page.context().close();

      const r: ImportResult = {
        rows,
        fileMB: round(csv.length / 1e6, 1),
        importMs: round(importMs, 0),
        reloadMs: round(reloadMs, 0),
        importTasks,
        reloadTasks,
        longestImportTaskMs: longest(importTasks),
        longestReloadTaskMs: longest(reloadTasks),
      };
      log(
        `import of ${rows} rows: shown after ${r.importMs} ms, longest task ${r.longestImportTaskMs} ms; ` +
          `reload: ${r.reloadMs} ms, longest task ${r.longestReloadTaskMs} ms`,
      );
      return r;
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export interface FirstPictureResult {
  actors: number;
  relations: number;
  fileMB: number;
  /** From the file read (the panel's "Parsing", which includes validation) to the first frame with the dataset drawn. */
  fromReadMs: number;
  /** From the dataset validated (the panel's "Laying out") to that frame. */
  fromValidatedMs: number;
  /** From the file chosen to that frame. */
  fromChosenMs: number;
  /** From that frame to the refined layout applied (the page's note gone). */
  refinedAfterMs: number;
  /** Main-thread tasks over 50 ms from the file chosen to the refined layout applied. */
  tasks: LongTask[];
}

/**
 * The XL dataset imported as JSON; times from the page's own clock: phases as the import
 * panel shows them, the first frame in which the graph holds elements of the new dataset (a
 * frame callback checks, every frame, the heading and the graph's mounted elements), and the
 * refined layout applied.
 */
export async function runFirstPictureBench(
  log: (s: string) => void = console.log,
): Promise<FirstPictureResult> {
  const dataset = generateSyntheticDataset('XL');
  const title = 'first picture XL';
  const dir = mkdtempSync(join(tmpdir(), 'allegiance-first-picture-'));
  const file = join(dir, 'xl.json');
  const json = JSON.stringify({ ...dataset, title });
  writeFileSync(file, json);
  try {
    return await withServedApp(async (base, browser) => {
      const page = await openRecordingPage(browser, base);
      const chosen = await page.evaluate((heading) => {
        const w = window as Window & { __firstPicture?: number };
        const watch = () => {
          const shown =
            document.querySelector('h1')?.textContent === heading &&
            (window.__allegiance?.elementsMounted() ?? 0) > 0;
          if (shown) w.__firstPicture = performance.now();
          else requestAnimationFrame(watch);
        };
        requestAnimationFrame(watch);
        return performance.now();
      }, title);
      await page
        .locator('input[type=file][aria-label="Choose files to import"]')
        .setInputFiles(file);
      const pictured = await page.waitForFunction(
        () => (window as Window & { __firstPicture?: number }).__firstPicture,
        undefined,
        { timeout: PATIENCE_MS, polling: 50 },
      );
      const firstPicture = (await pictured.jsonValue()) as number;
      await page
        .getByRole('status')
        .filter({ hasText: 'first, quick layout' })
        .waitFor({ state: 'detached', timeout: PATIENCE_MS });
      const refined = await page.evaluate(() => performance.now());
      const phases = await page.evaluate(() => window.__phases!);
      const began = (phase: string) => phases.find((p) => p.phase === phase)?.startMs;
      const read = began('Parsing');
      const validated = began('Laying');
      if (read === undefined || validated === undefined)
        throw new Error(`the import panel did not show its phases: ${JSON.stringify(phases)}`);
      const r: FirstPictureResult = {
        actors: dataset.actors.length,
        relations: dataset.relations.length,
        fileMB: round(json.length / 1e6, 1),
        fromReadMs: round(firstPicture - read, 0),
        fromValidatedMs: round(firstPicture - validated, 0),
        fromChosenMs: round(firstPicture - chosen, 0),
        refinedAfterMs: round(refined - firstPicture, 0),
        tasks: await longTasksSince(page, chosen),
      };
      await page.context().close();
      log(
        `XL first picture: ${r.fromReadMs} ms after the file was read (${r.fromValidatedMs} ms after validation); ` +
          `refined layout ${r.refinedAfterMs} ms later; longest task ${longest(r.tasks)} ms`,
      );
      return r;
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  if (process.argv[2] === '--first-picture')
    console.log(JSON.stringify(await runFirstPictureBench(), null, 2));
  else
    console.log(
      JSON.stringify(await runImportBench(Number(process.argv[2] ?? 1_000_000)), null, 2),
    );
}
