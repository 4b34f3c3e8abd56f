/**
 * Where the main thread's time goes, from a V8 CPU profile mapped back to the
 * sources: self time summed per package (node_modules) or per folder of src/,
 * plus V8's own entries ((garbage collector), (program): the browser's work
 * outside JavaScript: parsing HTML, style, layout, paint, commit).
 *
 *   npx tsx bench/profile.ts app            # the seed app: navigation to its first graph frame
 *   npx tsx bench/profile.ts app DIR --runs 5  # another checkout's, summed over 5 navigations
 *   npx tsx bench/profile.ts render L       # the adapter page playing L's steps (after mount)
 *   BENCH_PROFILE_OUT=dir npx tsx bench/profile.ts render L  # built into dir (default bench/dist/profile-render)
 *
 * Both build their own copy with source maps (into bench/dist/profile-*), so
 * they run beside the benchmarks without touching their builds. Sampled
 * profiles move by a few percent from run to run; on a busy machine they
 * still attribute CPU time correctly, which the wall clock does not.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium, type CDPSession, type Page } from 'playwright-core';
import { SourceMapConsumer, type RawSourceMap } from 'source-map-js';
import { build, preview } from 'vite';
import type { SyntheticSize } from '../src/core/synthetic';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../scripts/chromium';
import { buildApp, recordFirstGraph } from './app.bench';
import { benchDataset, pagePayload } from './data';
import { VIEWPORT } from './render.bench';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));
const ROOT = here('..');

export interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}
export interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
}

/** The group a source file's time is counted in: a package, or `src/<folder>`. */
function groupOf(source: string): string {
  const pkg = source.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/);
  if (pkg) return pkg[1]!;
  const src = source.match(/(?:^|\/)(src\/[^/]+|bench\/render)\//);
  if (src) return src[1]!;
  return source.includes('virtual:') ? 'build-time modules (seed)' : source;
}

/**
 * Self time (ms) per group, and per function within its group (`group: function`): each
 * sample's time goes to the frame it was taken in.
 */
function selfTime(
  profile: Profile,
  outDir: string,
): { byGroup: Map<string, number>; byFunction: Map<string, number> } {
  const maps = new Map<string, SourceMapConsumer | null>();
  const consumer = (url: string) => {
    if (!maps.has(url)) {
      const file = join(outDir, new URL(url).pathname);
      let map: SourceMapConsumer | null;
      try {
        map = new SourceMapConsumer(
          JSON.parse(readFileSync(`${file}.map`, 'utf8')) as RawSourceMap,
        );
      } catch {
        map = null; // no map: an inline script, a worker or the browser's own code
      }
      maps.set(url, map);
    }
    return maps.get(url)!;
  };
  const groupOfNode = new Map<number, string>();
  const functionOfNode = new Map<number, string>();
  for (const node of profile.nodes) {
    const { url, lineNumber, columnNumber, functionName } = node.callFrame;
    let group = functionName.startsWith('(') ? functionName : url ? url : '(browser)';
    let name = functionName || '(anonymous)';
    const map = url.startsWith('http') ? consumer(url) : null;
    if (map) {
      const original = map.originalPositionFor({ line: lineNumber + 1, column: columnNumber });
      group = original.source ? groupOf(original.source) : `${new URL(url).pathname} (unmapped)`;
      if (original.source)
        name = `${original.name ?? name} (${original.source.split('/').pop()}:${original.line})`;
    }
    groupOfNode.set(node.id, group);
    functionOfNode.set(node.id, `${group}: ${name}`);
  }
  const byGroup = new Map<string, number>();
  const byFunction = new Map<string, number>();
  const add = (totals: Map<string, number>, key: string, ms: number) =>
    totals.set(key, (totals.get(key) ?? 0) + ms);
  profile.samples.forEach((id, i) => {
    const ms = (profile.timeDeltas[i] ?? 0) / 1000;
    add(byGroup, groupOfNode.get(id) ?? '?', ms);
    add(byFunction, functionOfNode.get(id) ?? '?', ms);
  });
  return { byGroup, byFunction };
}

function report(title: string, { byGroup, byFunction }: ReturnType<typeof selfTime>): void {
  const busy = (totals: Map<string, number>) =>
    [...totals].filter(([key]) => !key.startsWith('(idle)')).sort((a, b) => b[1] - a[1]);
  const sum = busy(byGroup).reduce((s, [, ms]) => s + ms, 0);
  const print = (rows: [string, number][]) => {
    for (const [key, ms] of rows)
      console.log(
        `${ms.toFixed(1).padStart(9)} ms ${((100 * ms) / sum).toFixed(1).padStart(5)}%  ${key}`,
      );
  };
  console.log(`${title}: ${sum.toFixed(0)} ms of main-thread samples (idle excluded)`);
  print(busy(byGroup).slice(0, 20));
  console.log('Functions (self time):');
  print(busy(byFunction).slice(0, 30));
}

async function startProfiler(page: Page): Promise<CDPSession> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  return cdp;
}

/** The main thread's busy time so far (Chromium's `TaskDuration`, in thread time), ms. */
async function mainThreadCpuMs(cdp: CDPSession): Promise<number> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return 1000 * (metrics.find((m) => m.name === 'TaskDuration')?.value ?? NaN);
}

async function stopProfiler(cdp: CDPSession): Promise<Profile> {
  const { profile } = await cdp.send('Profiler.stop');
  return profile as unknown as Profile;
}

async function withServer(
  outDir: string,
  root: string,
  run: (base: string) => Promise<void>,
): Promise<void> {
  const server = await preview({
    root,
    configFile: false,
    build: { outDir },
    preview: { host: '127.0.0.1', port: 4195, strictPort: false },
    logLevel: 'warn',
  });
  try {
    const base = server.resolvedUrls?.local[0];
    if (!base) throw new Error('vite preview did not report a local URL');
    await run(base);
  } finally {
    await server.close();
  }
}

/** Adds one profile's self times to running totals (several navigations profiled as one). */
function addTimes(
  totals: ReturnType<typeof selfTime>,
  more: ReturnType<typeof selfTime>,
): ReturnType<typeof selfTime> {
  for (const key of ['byGroup', 'byFunction'] as const)
    for (const [name, ms] of more[key]) totals[key].set(name, (totals[key].get(name) ?? 0) + ms);
  return totals;
}

/**
 * The seed app, navigation to the end of Cytoscape's first frame (as bench/app.bench.ts), of
 * this tree or of another checkout (`root`, as for `app.bench.ts --against`), summed over
 * `runs` navigations in fresh contexts: one profile's shares move by ten points under load.
 * BENCH_PROFILE_OUT=dir builds there instead of bench/dist/profile-app; each profile is
 * written beside the build (`start-N.cpuprofile`, for DevTools' Performance panel).
 */
async function profileApp(root: string, runs: number): Promise<void> {
  const outDir = process.env.BENCH_PROFILE_OUT
    ? resolve(process.env.BENCH_PROFILE_OUT)
    : here('./dist/profile-app');
  await buildApp(root, outDir, true);
  await withServer(outDir, root, async (base) => {
    const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
    let totals: ReturnType<typeof selfTime> = { byGroup: new Map(), byFunction: new Map() };
    const drawnAt: number[] = [];
    const cpu: number[] = [];
    try {
      for (let i = 0; i < runs; i++) {
        const context = await browser.newContext({ viewport: VIEWPORT });
        const page = await context.newPage();
        // tsx keeps function names with a `__name` helper that the page does not have.
        await page.addInitScript('window.__name = (f) => f');
        await page.addInitScript(recordFirstGraph);
        page.on('pageerror', (e) => console.error(`page error: ${e.message}`));
        const cdp = await startProfiler(page);
        await page.goto(base);
        await page.waitForFunction(() => (window as { __firstGraph?: number }).__firstGraph);
        cpu.push(await mainThreadCpuMs(cdp));
        const profile = await stopProfiler(cdp);
        writeFileSync(join(outDir, `start-${i + 1}.cpuprofile`), JSON.stringify(profile));
        totals = addTimes(totals, selfTime(profile, outDir));
        drawnAt.push(
          await page.evaluate(() => (window as { __firstGraph?: number }).__firstGraph!),
        );
        await context.close();
      }
      report(
        `seed app, ${runs} navigation(s) (graph drawn at ${drawnAt.map((t) => t.toFixed(0)).join(', ')} ms; ` +
          `main-thread CPU to it ${cpu.map((t) => t.toFixed(0)).join(', ')} ms)`,
        totals,
      );
    } finally {
      await browser.close();
    }
  });
}

/** The adapter page (bench/render/adapter.html) playing a size's steps, after its mount. */
async function profileRender(size: SyntheticSize): Promise<void> {
  // BENCH_PROFILE_OUT: a folder of one's own, beside someone else's profile of the same page.
  const outDir = process.env.BENCH_PROFILE_OUT ?? here(`./dist/profile-render`);
  await build({
    configFile: here('./vite.bench.config.ts'),
    build: { outDir, emptyOutDir: true, sourcemap: true },
    logLevel: 'warn',
  });
  mkdirSync(`${outDir}/data`, { recursive: true });
  const data = benchDataset(size);
  writeFileSync(`${outDir}/data/${size}.json`, pagePayload(data));
  await withServer(outDir, here('./render'), async (base) => {
    const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
    try {
      const page = await (
        await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1 })
      ).newPage();
      await page.addInitScript('window.__name = (f) => f');
      let cdp: CDPSession | null = null;
      let cpuAtMount = NaN;
      // The profile covers the steps only: it starts once the page has mounted the view.
      await page.exposeFunction('__benchMounted', async () => {
        cdp = await startProfiler(page);
        cpuAtMount = await mainThreadCpuMs(cdp);
      });
      await page.addInitScript(() => {
        const w = window as unknown as {
          __benchBeforeSteps?: () => void;
          __benchMounted: () => Promise<void>;
        };
        w.__benchBeforeSteps = () => void w.__benchMounted();
      });
      await page.goto(new URL('adapter.html', base).href);
      await page.waitForFunction(() => window.__bench !== undefined);
      const result = await page.evaluate((url) => window.__bench!.run(url), `data/${size}.json`);
      if (!cdp) throw new Error('the page did not report its mount');
      const cpuPerStep = ((await mainThreadCpuMs(cdp)) - cpuAtMount) / (data.steps.length - 1);
      const profile = await stopProfiler(cdp);
      const frames = result.samples.map((s) => s.frame).sort((a, b) => a - b);
      report(
        `adapter at ${size}, ${result.samples.length} steps (frame p50 ${frames[frames.length >> 1]?.toFixed(1)} ms; ` +
          `main-thread CPU ${cpuPerStep.toFixed(1)} ms a step, warm-up included)`,
        selfTime(profile, outDir),
      );
    } finally {
      await browser.close();
    }
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [what, size] = process.argv.slice(2);
  const runs = process.argv.indexOf('--runs');
  const root = what === 'app' && size && !size.startsWith('--') ? resolve(size) : ROOT;
  if (what === 'app') await profileApp(root, runs > 0 ? Number(process.argv[runs + 1]) : 1);
  else if (what === 'render') await profileRender((size ?? 'L') as SyntheticSize);
  else
    throw new Error(
      `usage: npx tsx bench/profile.ts app [DIR] [--runs N] | render [S|M|L|XL] (got "${what}")`,
    );
}
