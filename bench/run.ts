/**
 * `npm run bench`: the core, render and app benchmarks in one go; writes
 * bench/results.json (everything) and bench/RESULTS.md (the tables, the
 * machine, versions, date and which targets hold). Nothing is hard-coded:
 * every number and every verdict comes from this run.
 *
 * Options: `--renderers=adapter,sigma` measures only those renderers; `--xl` adds the peer renderers at XL to the render benchmark (slow: the
 * adapter alone runs at XL by default); `--import` adds the
 * million-row import and the event-archive imports (gdelt-import.bench.ts: 1M and
 * 10M GDELT-shaped rows, DuckDB and in-memory; slow: many minutes); without it, the last
 * `--import` run's numbers are kept, with their date, so that a quick rerun
 * never drops them; `--quick` runs S and M only and writes to bench/dist/
 * instead (for trying changes).
 */
import { existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { cpus, loadavg, release, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { SyntheticSize } from '../src/core/synthetic';
import { runAppBench, type AppResult } from './app.bench';
import {
  runFirstPictureBench,
  runImportBench,
  type FirstPictureResult,
  type ImportResult,
} from './import.bench';
import { runCoreBench, type CoreResult } from './core.bench';
import { LAYOUT_SIZES, SEED, benchDataset, measuredSteps, WARMUP_STEPS } from './data';
import { runRenderBench, type RenderResult, type Variant } from './render.bench';
import { editMarkdown, runEditBench } from './edit.bench';
import { editModelMarkdown, runEditModelBench, type EditModelResult } from './edit-model.bench';
import type { EditResult } from './render/edit';
import { cpuStallMicros } from './pressure';
import { round } from './stats';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));
const args = new Set(process.argv.slice(2));
const quick = args.has('--quick');

const version = (pkg: string) =>
  (
    JSON.parse(readFileSync(here(`../node_modules/${pkg}/package.json`), 'utf8')) as {
      version: string;
    }
  ).version;

interface Target {
  target: string;
  value: string;
  holds: boolean;
}

function targets(
  core: CoreResult[],
  render: RenderResult[],
  app: AppResult | null,
  big: ImportResult | null,
  firstPicture: FirstPictureResult | null = null,
  /** The date of an earlier run `big` was kept from, if it was. */
  bigKeptFrom: string | null = null,
): Target[] {
  const out: Target[] = [];
  const c = (size: SyntheticSize) => core.find((r) => r.size === size);
  const r = (size: SyntheticSize, v: Variant) =>
    render.find((x) => x.size === size && x.variant === v);
  const xl = c('XL');
  if (xl) {
    out.push({
      target: 'diff of one playback step at XL: median <= 0.1 ms',
      value: `${xl.diffStep.medianMs} ms`,
      holds: xl.diffStep.medianMs <= 0.1,
    });
    out.push({
      target: 'diff at XL >= 100x faster than a full scan',
      value: `${xl.diffStep.ratio}x`,
      holds: xl.diffStep.ratio >= 100,
    });
  }
  const m = r('M', 'adapter');
  if (m)
    out.push({
      target: 'frame p95 <= 16.7 ms at M',
      value: `${m.frameP95} ms`,
      holds: m.frameP95 <= 16.7,
    });
  const l = r('L', 'adapter');
  if (l) {
    out.push({
      target: 'L interactive: frame p95 <= 50 ms',
      value: `${l.frameP95} ms`,
      holds: l.frameP95 <= 50,
    });
    out.push({
      target: 'frame p95 <= 16.7 ms at L (60 fps)',
      value: `${l.frameP95} ms (p50 ${l.frameP50} ms)`,
      holds: l.frameP95 <= 16.7,
    });
  }
  const xlRender = r('XL', 'adapter');
  if (xlRender) {
    out.push({
      target: 'frame p95 <= 50 ms at XL',
      value: `${xlRender.frameP95} ms (p50 ${xlRender.frameP50} ms)`,
      holds: xlRender.frameP95 <= 50,
    });
    out.push({
      target: 'JS heap at XL <= 400 MB (adapter page after mount and steps, garbage collected)',
      value: `${xlRender.heapMB} MB`,
      holds: xlRender.heapMB !== null && xlRender.heapMB <= 400,
    });
  }
  for (const size of ['M', 'L'] as const) {
    const a = r(size, 'adapter');
    const b = r(size, 'naive');
    const v = r(size, 'vis');
    if (a && b) {
      const ratio = b.frameP50 / a.frameP50;
      out.push({
        target: `>= 10x faster per step than naive Cytoscape (b) at ${size} (p50)`,
        value: `${round(ratio, 1)}x (p95: ${round(b.frameP95 / a.frameP95, 1)}x)`,
        holds: ratio >= 10,
      });
    }
    if (a && v) {
      out.push({
        target: `faster than vis-network (c) at ${size} (p50 and p95)`,
        value: `${a.frameP50} vs ${v.frameP50} ms p50; ${a.frameP95} vs ${v.frameP95} ms p95`,
        holds: a.frameP50 < v.frameP50 && a.frameP95 < v.frameP95,
      });
    }
    const d = r(size, 'sigma');
    out.push({
      target: `sigma.js (d) measured at ${size} as a peer; faster than it (p50 and p95)`,
      value:
        d && a
          ? `${a.frameP50} vs ${d.frameP50} ms p50; ${a.frameP95} vs ${d.frameP95} ms p95`
          : 'not measured',
      holds: !!d && !!a && a.frameP50 < d.frameP50 && a.frameP95 < d.frameP95,
    });
  }
  if (app) {
    out.push({
      target: 'seed app: graph drawn < 1 s after navigation (median)',
      value: `${app.firstGraphMs} ms`,
      holds: app.firstGraphMs < 1000,
    });
    out.push({
      target: 'seed app: graph drawn <= 600 ms after navigation (median)',
      value: `${app.firstGraphMs} ms`,
      holds: app.firstGraphMs <= 600,
    });
    out.push({
      target: 'JS <= 400 KB gzipped (all chunks, KB = 1024 bytes)',
      value: `${round(app.jsGzipBytes / 1024, 1)} KB`,
      holds: app.jsGzipBytes <= 400 * 1024,
    });
  }
  if (firstPicture)
    out.push({
      target: 'XL imported: first picture <= 3 s after the file is read',
      value: `${firstPicture.fromReadMs} ms (${firstPicture.fromValidatedMs} ms after validation)`,
      holds: firstPicture.fromReadMs <= 3000,
    });
  if (big) {
    const kept = bigKeptFrom ? ` (run of ${bigKeptFrom})` : '';
    out.push({
      target: `${big.rows.toLocaleString('en')}-row CSV import: no main-thread task over 200 ms`,
      value: `longest ${big.longestImportTaskMs} ms${kept}`,
      holds: big.longestImportTaskMs <= 200,
    });
    out.push({
      target: 'its reload: no main-thread task over 200 ms',
      value: `longest ${big.longestReloadTaskMs} ms${kept}`,
      holds: big.longestReloadTaskMs <= 200,
    });
  }
  return out;
}

/** The last `--import` run's million-row import and its date, from results.json, if any. */
function previousBigImport(path: string): { result: ImportResult; date: string } | null {
  if (!existsSync(path)) return null;
  const before = JSON.parse(readFileSync(path, 'utf8')) as Partial<Results>;
  return before.bigImport && before.date
    ? { result: before.bigImport, date: before.bigImportDate ?? before.date }
    : null;
}

const fmt = (x: number | null | undefined, digits = 2) =>
  x === null || x === undefined || Number.isNaN(x) ? '–' : String(round(x, digits));

function markdown(results: Results): string {
  const { machine, versions, core, render, app, bigImport, firstPicture } = results;
  const lines: string[] = [];
  const table = (head: string[], rows: (string | number)[][]) => {
    lines.push(`| ${head.join(' | ')} |`, `| ${head.map(() => '---').join(' | ')} |`);
    for (const row of rows) lines.push(`| ${row.join(' | ')} |`);
    lines.push('');
  };
  lines.push(
    '# Benchmark results',
    '',
    `Written by \`npm run bench\` on ${results.date}. What each number means: bench/README.md; ` +
      'what was tried: docs/PERFORMANCE.md.',
    '',
    `- Machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGB} GB RAM, Linux ${machine.kernel}`,
    `- Load average (1 min) at start / end: ${machine.loadStart} / ${machine.loadEnd} ` +
      '(other jobs share this machine; above the core count, timings are inflated)',
    ...(machine.cpuPressure === null
      ? []
      : [
          `- CPU pressure during the run: some task waited for a core ${machine.cpuPressure}% of ` +
            'the time (Linux PSI; it also counts other guests of the host, which load average misses)',
        ]),
    `- Node ${versions.node}, Chromium ${versions.chromium} (headless, --disable-gpu: software rendering)`,
    `- cytoscape ${versions.cytoscape}, vis-network ${versions['vis-network']}, vis-data ${versions['vis-data']}, sigma ${versions.sigma}, ` +
      `graphology ${versions.graphology}, react ${versions.react}, vite ${versions.vite}, playwright-core ${versions['playwright-core']}`,
    `- Data: src/core/synthetic.ts, seed ${SEED}; positions by ${results.positions}`,
    `- Wall time of the whole run: ${results.durationS} s`,
    ...(results.renderers === null
      ? []
      : [`- Renderers measured: ${results.renderers.join(', ')} only (\`--renderers\`)`]),
    '',
    '## Targets',
    '',
  );
  table(
    ['target', 'measured', 'holds'],
    results.targets.map((t) => [t.target, t.value, t.holds ? 'yes' : '**no**']),
  );

  lines.push('## Core (Node)', '');
  table(
    [
      'size',
      'actors / relations',
      'active',
      'validate ms',
      'index build ms',
      'union graph ms',
      'layout ms',
      'stateAt ms (naive)',
      'ratio',
      'diff/step ms p50 (p95)',
      'naive ms',
      'ratio',
      'diff 5y/s ms (ratio)',
    ],
    core.map((c) => [
      c.size,
      `${c.actors} / ${c.relations}`,
      `${Math.round(c.activeShare * 100)}%`,
      fmt(c.validateMs, 0),
      fmt(c.indexBuildMs, 1),
      fmt(c.unionGraphMs, 0),
      fmt(c.layoutMs, 0),
      `${fmt(c.stateAt.medianMs, 3)} (${fmt(c.stateAt.naiveMedianMs, 3)})`,
      `${c.stateAt.ratio}x`,
      `${fmt(c.diffStep.medianMs, 4)} (${fmt(c.diffStep.p95Ms, 4)})`,
      fmt(c.diffStep.naiveMedianMs, 3),
      `**${c.diffStep.ratio}x**`,
      `${fmt(c.diffFastStep.medianMs, 4)} (${c.diffFastStep.ratio}x)`,
    ]),
  );
  lines.push(
    `A playback step is ${fmt(core[0]?.diffStep.days)} days (1 year / s at 60 fps); the fast step ${fmt(core[0]?.diffFastStep.days)} days (5 years / s). ` +
      'Naive: a full scan over pre-parsed numeric intervals.',
    '',
  );

  lines.push('## Render (headless Chromium, software rendering, 1280×800)', '');
  table(
    [
      'size',
      'renderer',
      'drawn nodes / edges',
      'frame p50 ms',
      'frame p95 ms',
      'max',
      'update p50 ms',
      'latency p50 / p95 ms',
      'steps (drew)',
      'mount ms',
      'heap MB',
    ],
    render.map((r) => [
      r.size,
      r.label,
      `${r.drawnAtStart.nodes} / ${r.drawnAtStart.edges}`,
      `**${fmt(r.frameP50, 1)}**`,
      `**${fmt(r.frameP95, 1)}**`,
      fmt(r.frameMax, 0),
      fmt(r.updateP50, 2),
      `${fmt(r.latencyP50, 1)} / ${fmt(r.latencyP95, 1)}`,
      `${r.steps} (${r.drawnSteps})`,
      fmt(r.mountMs, 0),
      fmt(r.heapMB, 0),
    ]),
  );
  lines.push(
    `Same data and the same steps for every renderer: ${WARMUP_STEPS} warm-up steps, then ${render
      .map((r) => r.size)
      .filter((s, i, all) => all.indexOf(s) === i)
      .map((s) => `${measuredSteps(s)} at ${s}`)
      .join(', ')}; one ~6-day step per frame from 40% into the period. ` +
      'Frame: main-thread time from the date change until the frame showing it is finished, idle wait for vsync excluded. ' +
      'Latency: the same including that wait. A step that changes nothing drawn counts its update time only. ' +
      'Heap: JS heap in use after the steps, garbage collected, with the view, its model and the loaded payload. ' +
      '(d) draws with WebGL on SwiftShader (no GPU): its rasterisation runs in the GPU process, outside the frame measure ' +
      'but inside latency (a frame waits for the previous one to be drawn).',
    '',
  );

  lines.push(...editMarkdown(results.edit));
  lines.push(...editModelMarkdown(results.editModel));

  if (app) {
    lines.push('## Seed app', '');
    table(
      ['measure', 'value'],
      [
        ['graph drawn after navigation, median ms', app.firstGraphMs],
        ['… each run', app.firstGraphAllMs.join(', ')],
        [
          'main-thread CPU to that frame, median ms: all tasks (script / style / layout)',
          `${app.mainThread.tasks} (${app.mainThread.script} / ${app.mainThread.style} / ${app.mainThread.layout})`,
        ],
        ['first contentful paint, median ms', app.firstContentfulPaintMs],
        ['DOMContentLoaded, median ms', app.domContentLoadedMs],
        ['JS gzipped, all chunks', `${fmt(app.jsGzipBytes / 1024, 1)} KB`],
        ['JS gzipped, loaded by index.html', `${fmt(app.initialJsGzipBytes / 1024, 1)} KB`],
        ['JS raw, all chunks', `${fmt(app.jsRawBytes / 1024, 1)} KB`],
      ],
    );
  }
  if (firstPicture) {
    lines.push(
      `## First picture of XL (${firstPicture.actors.toLocaleString('en')} actors, ${firstPicture.relations.toLocaleString('en')} relations, ${firstPicture.fileMB} MB of JSON)`,
      '',
      'Imported through the app; the first frame with the dataset drawn (in its quick layout), and the refined layout applied after it.',
      '',
    );
    table(
      ['measure', 'value'],
      [
        ['file read (parsing begins) to first picture, ms', firstPicture.fromReadMs],
        ['validated (laying out begins) to first picture, ms', firstPicture.fromValidatedMs],
        ['file chosen to first picture, ms', firstPicture.fromChosenMs],
        ['first picture to refined layout applied, ms', firstPicture.refinedAfterMs],
        [
          'main-thread tasks over 50 ms, ms (phase)',
          firstPicture.tasks.map((t) => `${t.durationMs} (${t.phase || '–'})`).join(', ') || 'none',
        ],
      ],
    );
  }
  if (bigImport) {
    lines.push(
      `## Big import (${bigImport.rows.toLocaleString('en')} rows, ${bigImport.fileMB} MB)`,
      '',
      ...(results.bigImportDate === results.date
        ? []
        : [
            `Kept from the run of ${results.bigImportDate} (\`npm run bench -- --import\` measures it again).`,
            '',
          ]),
      'Main-thread tasks over 50 ms (Chromium long tasks) and the import panel’s phase when each began.',
      '',
    );
    const tasks = (list: ImportResult['importTasks']) =>
      list.map((t) => `${t.durationMs} (${t.phase || '–'})`).join(', ') || 'none';
    table(
      ['measure', 'value'],
      [
        ['import: file chosen to dataset shown, ms', bigImport.importMs],
        ['import: long tasks, ms (phase)', tasks(bigImport.importTasks)],
        ['reload: navigation to dataset shown, ms', bigImport.reloadMs],
        ['reload: long tasks, ms (phase)', tasks(bigImport.reloadTasks)],
      ],
    );
  }
  return lines.join('\n');
}

interface Results {
  date: string;
  durationS: number;
  /** The renderers `--renderers` limited the run to; null when all ran. */
  renderers: string[] | null;
  machine: {
    cpu: string;
    cores: number;
    memoryGB: number;
    kernel: string;
    loadStart: number;
    loadEnd: number;
    /** Share of the run's wall time in which a task waited for a CPU (PSI "some"), or null. */
    cpuPressure: number | null;
  };
  versions: Record<string, string>;
  positions: string;
  targets: Target[];
  core: CoreResult[];
  render: RenderResult[];
  /** Edit to screen at M and L (M only with --quick): bench/edit.bench.ts. */
  edit: EditResult[];
  /** The model's part of an edit at M and L (M only with --quick): bench/edit-model.bench.ts. */
  editModel: EditModelResult[];
  app: AppResult | null;
  bigImport: ImportResult | null;
  /** When `bigImport` was measured: this run's date, or an earlier `--import` run's. */
  bigImportDate: string | null;
  firstPicture: FirstPictureResult | null;
}

const started = Date.now();
const loadStart = round(loadavg()[0]!, 2);
const stallStart = cpuStallMicros();
const coreSizes: SyntheticSize[] = quick ? ['S', 'M'] : ['S', 'M', 'L', 'XL'];
const renderSizes: SyntheticSize[] = quick ? ['S', 'M'] : ['S', 'M', 'L', 'XL'];
const log = (s: string) => console.log(`[${Math.round((Date.now() - started) / 1000)} s] ${s}`);

log(`generating data and layouts for ${coreSizes.join(', ')}`);
for (const size of coreSizes) benchDataset(size);
const core = runCoreBench(coreSizes, log);
const editModel = runEditModelBench(quick ? ['M'] : ['M', 'L'], log);
/** sigma.js is the peer at M and L; the naive renderers take seconds a step at XL. */
const allVariants = (size: SyntheticSize): Variant[] =>
  size === 'S'
    ? ['adapter', 'adapter-reduced', 'naive', 'vis']
    : size === 'XL' && !args.has('--xl')
      ? ['adapter']
      : ['adapter', 'naive', 'vis', 'sigma'];
/**
 * `--renderers=adapter,sigma` runs only those: on a machine so loaded that the naive
 * renderers would take most of an hour at L (seconds a step), the targets still get measured.
 */
const onlyRenderers = process.argv
  .find((a) => a.startsWith('--renderers='))
  ?.slice('--renderers='.length)
  .split(',');
const variants = (size: SyntheticSize): Variant[] =>
  allVariants(size).filter((v) => !onlyRenderers || onlyRenderers.includes(v));
const render: RenderResult[] = [];
let chromiumVersion = '';
for (const size of renderSizes) {
  const r = await runRenderBench([size], variants(size), log);
  render.push(...r.results);
  chromiumVersion = r.chromium;
}
const edit = await runEditBench(quick ? ['M'] : ['M', 'L'], log);
const app = await runAppBench(log);
const firstPicture = quick ? null : await runFirstPictureBench(log);
const dir = quick ? here('./dist') : here('.').replace(/\/$/, '');
const runDate = new Date().toISOString();
const measuredImport = args.has('--import') ? await runImportBench(1_000_000, log) : null;
const kept = measuredImport ? null : previousBigImport(`${dir}/results.json`);
const bigImport = measuredImport ?? kept?.result ?? null;
const bigImportDate = measuredImport ? runDate : (kept?.date ?? null);

const results: Results = {
  date: runDate,
  durationS: Math.round((Date.now() - started) / 1000),
  machine: {
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    memoryGB: round(totalmem() / 1024 ** 3, 1),
    kernel: release(),
    loadStart,
    loadEnd: round(loadavg()[0]!, 2),
    cpuPressure: (() => {
      const end = cpuStallMicros();
      if (stallStart === null || end === null) return null;
      return round((100 * (end - stallStart)) / ((Date.now() - started) * 1000), 1);
    })(),
  },
  versions: {
    node: process.version,
    chromium: chromiumVersion,
    ...Object.fromEntries(
      [
        'cytoscape',
        'vis-network',
        'vis-data',
        'sigma',
        'graphology',
        'graphology-layout-forceatlas2',
        'react',
        'vite',
        'playwright-core',
        'zod',
      ].map((p) => [p, version(p)]),
    ),
  },
  renderers: onlyRenderers ?? null,
  positions: `computeLayout at ${[...LAYOUT_SIZES].join(', ')}; community placement (bench/data.ts) above`,
  targets: targets(core, render, app, bigImport, firstPicture, kept?.date ?? null),
  core,
  render,
  edit,
  editModel,
  app,
  bigImport,
  bigImportDate,
  firstPicture,
};

mkdirSync(dir, { recursive: true });
const { archiveMarkdown, readArchiveSection, runArchiveBench, writeArchiveSection } =
  await import('./gdelt-import.bench');
const archiveSectionBefore = readArchiveSection(`${dir}/RESULTS.md`);
writeFileSync(`${dir}/results.json`, JSON.stringify(results, null, 2) + '\n');
writeFileSync(`${dir}/RESULTS.md`, markdown(results) + '\n');
log(`wrote ${dir}/results.json and RESULTS.md`);
// Event archives (DuckDB and the in-memory importer): its own section, added to what was just
// written; measured with --import, else the last measured one, which says its date.
if (args.has('--import') && !quick)
  writeArchiveSection(
    archiveMarkdown(runArchiveBench(undefined, log), new Date().toISOString()),
    `${dir}/RESULTS.md`,
  );
else if (archiveSectionBefore) writeArchiveSection(archiveSectionBefore, `${dir}/RESULTS.md`);
for (const t of results.targets) log(`${t.holds ? 'HOLDS' : 'MISSED'}  ${t.target}: ${t.value}`);
