/**
 * Headless render: the graph at a date as PNG or SVG, for reports and scripts.
 *
 *   npm run render -- --date 2021-09 --out graph.png [--dataset FILE] [--width 2400]
 *                     [--format png|svg] [--background white|transparent|dark]
 *                     [--no-caption] [--no-legend]
 *
 * The dataset (JSON, GEXF or CSV) is read as the app imports it: the same
 * size limit, strict UTF-8, formats and validation.
 *
 * SVG is rendered in Node by the core; PNG rasterises that same SVG in
 * Debian's Chromium (playwright-core), so the CLI and the app's export agree.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { extname } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { dateProblem, humanDate, toDay } from '../src/core/dates';
import { buildExplorerModel } from '../src/core/explorer-model';
import { formatProblem } from '../src/core/problems';
import { sceneAt } from '../src/core/render/scene';
import { legendFor, renderSvg, type Background } from '../src/core/render/svg';
import { rasterise, type RasteriseResult } from '../src/export/rasterise';
import { importBytes } from '../src/import/importBytes';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium';
import { readInput } from './read-input';

const USAGE = `usage: npm run render -- --date YYYY[-MM[-DD]] --out FILE [--dataset FILE] [--width PX]
                         [--format png|svg] [--background white|transparent|dark] [--no-caption] [--no-legend]`;

class UsageError extends Error {}

function options() {
  const { values } = parseArgs({
    options: {
      date: { type: 'string' },
      out: { type: 'string' },
      dataset: { type: 'string', default: 'graph-data/seed.json' },
      width: { type: 'string' },
      format: { type: 'string' },
      background: { type: 'string', default: 'white' },
      'no-caption': { type: 'boolean', default: false },
      'no-legend': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
    strict: true,
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  if (!values.date) throw new UsageError('--date is required');
  const problem = dateProblem(values.date);
  if (problem) throw new UsageError(`--date "${values.date}" ${problem}`);
  if (!values.out) throw new UsageError('--out is required');
  const format = values.format ?? (extname(values.out).toLowerCase() === '.svg' ? 'svg' : 'png');
  if (format !== 'png' && format !== 'svg')
    throw new UsageError(`--format must be png or svg, not "${format}"`);
  const background = values.background as Background;
  if (!['white', 'transparent', 'dark'].includes(background))
    throw new UsageError(
      `--background must be white, transparent or dark, not "${values.background}"`,
    );
  let width: number | undefined;
  if (values.width !== undefined) {
    width = Number(values.width);
    if (!Number.isInteger(width) || width < 16)
      throw new UsageError(`--width must be a whole number of pixels ≥ 16, not "${values.width}"`);
  }
  return { ...values, date: values.date, out: values.out, format, background, width };
}

async function main() {
  const o = options();
  // The app's import path: its size limit, strict UTF-8 and its formats.
  const file = await readInput(o.dataset, 'dataset');
  if (typeof file === 'string') throw new UsageError(file);
  const result = importBytes([file]);
  if (!result.dataset)
    throw new UsageError(
      `${o.dataset} is not a valid dataset:\n${result.errors.map((p) => `  ${formatProblem(p)}`).join('\n')}`,
    );
  for (const w of result.warnings) console.warn(formatProblem(w));
  const dataset = result.dataset;
  const model = buildExplorerModel(dataset);
  const scene = sceneAt(model, toDay(o.date));
  const svg = renderSvg(scene, {
    background: o.background,
    caption: o['no-caption']
      ? undefined
      : {
          title: dataset.title,
          date: humanDate(o.date),
          sources: dataset.sources.map((s) => s.title).join('; ') || undefined,
        },
    legend: o['no-legend'] ? undefined : legendFor(model, scene),
  });

  if (o.format === 'svg') {
    writeFileSync(o.out, svg.svg);
    console.log(
      `wrote ${o.out} (SVG, ${svg.width}×${svg.height}, ${scene.relations.length} relations at ${o.date})`,
    );
    return;
  }

  if (!existsSync(CHROMIUM_PATH))
    throw new UsageError(
      `PNG rendering needs Debian's Chromium at ${CHROMIUM_PATH}: apt-get install -y chromium (or use --format svg)`,
    );
  const scale = o.width ? o.width / svg.width : 2;
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
    headless: true,
  });
  try {
    const page = await browser.newPage();
    await page.setContent('<!doctype html><html><body></body></html>');
    const png = (await page.evaluate(
      `(${rasterise.toString()})(${JSON.stringify({ ...svg, scale })})`,
    )) as RasteriseResult;
    writeFileSync(o.out, Buffer.from(png.dataUrl.slice(png.dataUrl.indexOf(',') + 1), 'base64'));
    if (png.reduced)
      console.warn(
        `note: reduced to ${png.width}×${png.height} px to stay within the browser's canvas limits`,
      );
    console.log(
      `wrote ${o.out} (PNG, ${png.width}×${png.height}, ${scene.relations.length} relations at ${o.date})`,
    );
  } finally {
    await browser.close();
  }
}

main().catch((e: unknown) => {
  if (e instanceof UsageError || (e instanceof TypeError && 'code' in e)) {
    console.error(`render: ${e.message}\n${USAGE}`);
  } else {
    console.error(`render: ${e instanceof Error ? e.message : String(e)}`);
  }
  process.exit(1);
});
