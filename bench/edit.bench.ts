/**
 * Edit-to-screen benchmark (issue #17): at each size, the time from an edit
 * until the frame showing it is drawn, when the view follows the edit
 * (`GraphView.updateModel`) and when a new view is built for the edited
 * model. The in-page half is bench/render/edit.ts, built with the render
 * benchmark's pages and data.
 *
 * Run alone: `npx tsx bench/edit.bench.ts [M,L]` (BENCH_RENDER_OUT as in render.bench.ts).
 */
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { preview } from 'vite';
import type { SyntheticSize } from '../src/core/synthetic';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../scripts/chromium';
import { buildPages, VIEWPORT } from './render.bench';
import type { EditResult } from './render/edit';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));
const OUT = process.env.BENCH_RENDER_OUT
  ? resolve(process.env.BENCH_RENDER_OUT)
  : here('./dist/render');

export async function runEditBench(
  sizes: readonly SyntheticSize[] = ['M', 'L'],
  log: (s: string) => void = console.log,
): Promise<EditResult[]> {
  await buildPages(sizes);
  const server = await preview({
    root: here('./render'),
    build: { outDir: OUT },
    preview: { host: '127.0.0.1', port: 4190, strictPort: false },
    logLevel: 'warn',
    configFile: false,
  });
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
    headless: true,
  });
  const results: EditResult[] = [];
  try {
    const base = server.resolvedUrls?.local[0];
    if (!base) throw new Error('vite preview did not report a local URL');
    for (const size of sizes) {
      const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1 });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      // tsx keeps function names with a `__name` helper that the page does not have.
      await page.addInitScript('window.__name = (f) => f');
      await page.goto(new URL('edit.html', base).href);
      await page.waitForFunction(() => window.__benchEdit !== undefined);
      const result = await page.evaluate(
        (url) => window.__benchEdit!.run(url),
        `data/${size}.json`,
      );
      await context.close();
      if (errors.length > 0) throw new Error(`edit ${size}: ${errors.join(' | ')}`);
      for (const e of result.edits)
        log(
          `edit ${size} (${result.relations} relations), ${e.edit}: follow ${e.followMs.toFixed(1)} ms ` +
            `(call ${e.followUpdateMs.toFixed(1)} ms, ${e.followMounted} elements mounted), ` +
            `rebuild ${e.rebuildMs.toFixed(0)} ms; next model ${e.modelMs.toFixed(1)} ms`,
        );
      results.push(result);
    }
    return results;
  } finally {
    await browser.close();
    await server.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const sizes = (process.argv[2]?.split(',') as SyntheticSize[] | undefined) ?? ['M', 'L'];
  console.log(JSON.stringify(await runEditBench(sizes), null, 2));
}

/** The RESULTS.md section: one row per size and edit. */
export function editMarkdown(results: readonly EditResult[]): string[] {
  if (results.length === 0) return [];
  const ms = (x: number) => (x < 100 ? x.toFixed(1) : x.toFixed(0));
  const rows = results.flatMap((r) =>
    r.edits.map(
      (e) =>
        `| ${r.size} | ${r.actors} / ${r.relations} | ${e.edit} | **${ms(e.followMs)}** | ` +
        `${ms(e.followUpdateMs)} | ${e.followMounted} | **${ms(e.rebuildMs)}** | ` +
        `${(e.rebuildMs / e.followMs).toFixed(0)}x | ${ms(e.modelMs)} |`,
    ),
  );
  return [
    '## Edit to screen (headless Chromium, software rendering, 1280×800)',
    '',
    '| size | actors / relations | edit | follow ms | of which the call | elements mounted | rebuild ms | rebuild / follow | next model ms |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...rows,
    '',
    'From the edit until the frame showing it is finished (bench/render/edit.ts), median of ' +
      'several runs. Follow: the view on screen applies the edit (`GraphView.updateModel`). ' +
      'Rebuild: a new view for the edited model, as before views followed edits, until its ' +
      'first whole frame. Next model: `applyEditToModel`, made before either and not in their times.',
    '',
  ];
}
