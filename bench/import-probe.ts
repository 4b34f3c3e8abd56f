/**
 * What the main thread's long tasks are made of while the app imports the
 * million-row CSV (and, with `--reload`, while it reopens it): a Chromium
 * trace gives every main-thread task's wall and CPU (thread) time, and what
 * ran inside it (function calls, GC, layout). CPU time is the number to
 * read on a shared machine: a task's wall time there is mostly its wait for
 * a core, while a task's CPU time is what a quiet machine's wall time would
 * be. With `--profile`, a CPU profile of the app (built with source maps)
 * adds, for each long task (Long Tasks API), its self time by function and
 * the src/ functions on its stacks; the profiler's own start shows up as a
 * task, and sampling slows the page, so take CPU times without it.
 *
 *   npx tsx bench/import-probe.ts [ROWS] [--xl] [--reload] [--profile] [--all] [--over MS]
 *
 * `--over MS`: the tasks detailed are those over MS (default 150) of CPU, or of wall time with
 * `--profile`. `--all`: the inclusive times list every function (Cytoscape's too), not only
 * src/'s: where the library's time goes, and which of its functions calls which.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { SourceMapConsumer, type RawSourceMap } from 'source-map-js';
import { generateSyntheticDataset } from '../src/core/synthetic';
import { bigRelationsCsv } from '../tests/helpers/big-csv';
import { withServedApp } from './import.bench';
import type { Profile, ProfileNode } from './profile';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));
const OUT = here('./dist/import-probe');
const overAt = process.argv.indexOf('--over');
const THRESHOLD_MS = overAt < 0 ? 150 : Number(process.argv[overAt + 1]);
const ALL_FUNCTIONS = process.argv.includes('--all');

/** A profile node's function, mapped to its source, and whether it is the app's own (src/). */
function namer(outDir: string) {
  const maps = new Map<string, SourceMapConsumer | null>();
  const consumer = (url: string) => {
    if (!maps.has(url)) {
      try {
        const file = join(outDir, new URL(url).pathname);
        maps.set(
          url,
          new SourceMapConsumer(JSON.parse(readFileSync(`${file}.map`, 'utf8')) as RawSourceMap),
        );
      } catch {
        maps.set(url, null);
      }
    }
    return maps.get(url)!;
  };
  return (node: ProfileNode): { name: string; src: boolean } => {
    const { url, lineNumber, columnNumber, functionName } = node.callFrame;
    const map = url.startsWith('http') ? consumer(url) : null;
    if (map) {
      const o = map.originalPositionFor({ line: lineNumber + 1, column: columnNumber });
      if (o.source) {
        const pkg = o.source.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/);
        const file = o.source.split('/').pop();
        return {
          name: `${pkg ? pkg[1] + ' ' : ''}${o.name ?? (functionName || '(anon)')} (${file}:${o.line})`,
          src: !pkg,
        };
      }
    }
    return { name: functionName || url || '(anon)', src: false };
  };
}

function analyse(
  profile: Profile,
  label: string,
  tasks: { startMs: number; durationMs: number }[],
  pageNowAtStart: number,
): void {
  const name = namer(OUT);
  const parent = new Map<number, number>();
  const byId = new Map<number, ProfileNode>();
  for (const n of profile.nodes) {
    byId.set(n.id, n);
    for (const c of n.children ?? []) parent.set(c, n.id);
  }
  const names = new Map<number, { name: string; src: boolean }>();
  const nameOf = (id: number) => {
    if (!names.has(id)) names.set(id, name(byId.get(id)!));
    return names.get(id)!;
  };
  // Sample times on the page's clock (performance.now()).
  const offset = profile.startTime / 1000 - pageNowAtStart;
  const times: number[] = [];
  let t = profile.startTime / 1000;
  for (const dt of profile.timeDeltas) times.push((t += dt / 1000) - offset);
  const long = tasks.filter((k) => k.durationMs > THRESHOLD_MS);
  console.log(
    `\n== ${label}: ${long.length} tasks over ${THRESHOLD_MS} ms (of ${tasks.length} over 50 ms)`,
  );
  for (const task of long) {
    const self = new Map<string, number>();
    const inclusive = new Map<string, number>();
    profile.samples.forEach((id, i) => {
      const at = times[i]!;
      if (at < task.startMs || at > task.startMs + task.durationMs) return;
      const dt = (profile.timeDeltas[i] ?? 0) / 1000;
      const n = nameOf(id).name;
      self.set(n, (self.get(n) ?? 0) + dt);
      const seen = new Set<string>();
      for (let p: number | undefined = id; p !== undefined; p = parent.get(p)) {
        const f = nameOf(p);
        if ((f.src || ALL_FUNCTIONS) && !seen.has(f.name)) {
          seen.add(f.name);
          inclusive.set(f.name, (inclusive.get(f.name) ?? 0) + dt);
        }
      }
    });
    const top = (m: Map<string, number>, k: number) =>
      [...m]
        .sort((a, b) => b[1] - a[1])
        .slice(0, k)
        .map(([f, v]) => `      ${v.toFixed(0).padStart(6)} ${f}`)
        .join('\n');
    console.log(
      `-- task at ${task.startMs.toFixed(0)} ms: ${task.durationMs.toFixed(0)} ms\n    self:\n${top(self, 8)}\n    ${ALL_FUNCTIONS ? '' : 'src '}inclusive:\n${top(inclusive, ALL_FUNCTIONS ? 60 : 12)}`,
    );
  }
}

const frameDrawn = (page: Page) =>
  page.evaluate(() => new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0))));

function recordTasks() {
  const w = window as unknown as { __tasks: { startMs: number; durationMs: number }[] };
  w.__tasks = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries())
      w.__tasks.push({ startMs: e.startTime, durationMs: e.duration });
  }).observe({ type: 'longtask', buffered: true });
}

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  tdur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; data?: { functionName?: string; url?: string } };
}

/** Main-thread tasks from a Chromium trace: wall and thread (CPU) time, and what ran inside. */
function traceTasks(trace: { traceEvents: TraceEvent[] }, label: string): void {
  const events = trace.traceEvents;
  const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  if (!main) return void console.log('no renderer main thread in the trace');
  const onMain = events.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X');
  const tasks = onMain.filter((e) => /RunTask$/.test(e.name) && (e.dur ?? 0) > 50_000);
  const cpuLong = tasks.filter((t) => (t.tdur ?? 0) > THRESHOLD_MS * 1000);
  console.log(
    `\n== ${label} (trace): ${tasks.length} tasks over 50 ms wall; ${cpuLong.length} over ${THRESHOLD_MS} ms of CPU; longest CPU ${Math.max(0, ...tasks.map((t) => t.tdur ?? 0)) / 1000} ms`,
  );
  const t0 = tasks[0]?.ts ?? 0;
  for (const t of cpuLong) {
    const inside = onMain.filter(
      (e) => e !== t && e.ts >= t.ts && e.ts + (e.dur ?? 0) <= t.ts + (t.dur ?? 0),
    );
    const by = new Map<string, number>();
    for (const e of inside) {
      const key =
        e.name === 'FunctionCall'
          ? `FunctionCall ${e.args?.data?.functionName ?? ''} ${(e.args?.data?.url ?? '').split('/').pop()}`
          : e.name;
      by.set(key, (by.get(key) ?? 0) + (e.tdur ?? e.dur ?? 0) / 1000);
    }
    const top = [...by]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 8)
      .map(([k, v]) => `      ${v.toFixed(0).padStart(6)} ${k}`)
      .join('\n');
    console.log(
      `-- task at +${((t.ts - t0) / 1000).toFixed(0)} ms: ${((t.dur ?? 0) / 1000).toFixed(0)} ms wall, ${((t.tdur ?? 0) / 1000).toFixed(0)} ms CPU\n${top}`,
    );
  }
}

/**
 * Runs `run` under a Chromium trace (every main-thread task's wall and CPU time) and, with
 * `--profile`, a CPU profile too (which function each long task spent its time in; the
 * profiler's own start and sampling show up as tasks, so CPU times are taken without it).
 */
async function profiled(page: Page, label: string, run: () => Promise<void>): Promise<void> {
  const browser = page.context().browser()!;
  await browser.startTracing(page, { categories: ['toplevel', 'devtools.timeline'] });
  const profile = process.argv.includes('--profile');
  const cdp = profile ? await page.context().newCDPSession(page) : null;
  if (cdp) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 1000 });
  }
  const before = await page.evaluate(() => performance.now());
  await cdp?.send('Profiler.start');
  const after = await page.evaluate(() => performance.now());
  await run();
  const stopped = await cdp?.send('Profiler.stop');
  traceTasks(JSON.parse((await browser.stopTracing()).toString('utf8')), label);
  if (!stopped) return;
  const tasks = await page.evaluate(
    () => (window as unknown as { __tasks: { startMs: number; durationMs: number }[] }).__tasks,
  );
  console.log(`(profile start bracketed within ${(after - before).toFixed(0)} ms)`);
  analyse(
    stopped.profile as unknown as Profile,
    label,
    tasks.filter((t) => t.startMs >= before),
    (before + after) / 2,
  );
}

async function main() {
  const rows = Number(
    process.argv.find((a, i) => /^\d+$/.test(a) && i !== overAt + 1) ?? 1_000_000,
  );
  const reload = process.argv.includes('--reload');
  const dir = mkdtempSync(join(tmpdir(), 'allegiance-import-probe-'));
  // `--xl`: the XL synthetic dataset as JSON (laid out quickly first, then refined).
  const xl = process.argv.includes('--xl');
  const file = join(dir, xl ? 'big.json' : 'big.csv');
  writeFileSync(
    file,
    xl
      ? JSON.stringify({ ...generateSyntheticDataset('XL'), title: 'big' })
      : bigRelationsCsv(rows, 3000),
  );
  const refined = (page: Page) =>
    page.waitForFunction(
      () =>
        ![...document.querySelectorAll('[role=status]')].some((e) =>
          e.textContent?.includes('first, quick layout'),
        ),
      undefined,
      { timeout: 30 * 60_000, polling: 500 },
    );
  const mounted = (page: Page) =>
    page.waitForFunction(
      () =>
        (window as { __allegiance?: { graphMounted(): boolean } }).__allegiance?.graphMounted() ===
        true,
      undefined,
      { timeout: 30 * 60_000, polling: 100 },
    );
  const imported = (page: Page) =>
    page.waitForFunction(
      () => document.querySelector('.import-panel h2')?.textContent?.startsWith('Imported'),
      undefined,
      { timeout: 30 * 60_000, polling: 500 },
    );
  try {
    await withServedApp(
      async (base, browser) => {
        const page = await (
          await browser.newContext({ viewport: { width: 1280, height: 800 } })
        ).newPage();
        await page.addInitScript('window.__name = (f) => f');
        await page.addInitScript(recordTasks);
        await page.goto(base);
        await page.waitForFunction(
          () => (window as { __allegiance?: unknown }).__allegiance !== undefined,
        );
        await frameDrawn(page);
        const importIt = async () => {
          await page
            .locator('input[type=file][aria-label="Choose files to import"]')
            .setInputFiles(file);
          await imported(page);
          await mounted(page);
          if (xl) await refined(page);
          await frameDrawn(page);
        };
        await profiled(page, xl ? 'import of XL' : `import of ${rows} rows`, importIt);
        if (reload) {
          await page.reload();
          await profiled(page, `reload of ${rows} rows`, async () => {
            await page.waitForFunction(
              () => document.querySelector('h1')?.textContent === 'big',
              undefined,
              { timeout: 30 * 60_000, polling: 500 },
            );
            await mounted(page);
            await frameDrawn(page);
          });
        }
      },
      { outDir: OUT, sourcemap: true },
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

void main();
