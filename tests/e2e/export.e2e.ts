/**
 * Exports, triggered from the UI, inspected as downloaded files: PNG
 * dimensions and pixels, SVG content, data formats, and the WebM video.
 */
import { readFileSync } from 'node:fs';
import { XMLParser } from 'fast-xml-parser';
import type { Browser, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatDay, humanDate, toDay } from '../../src/core/dates';
import { importGexf } from '../../src/core/io/gexf-import';
import { validateDataset } from '../../src/core/validate';
import type { Dataset } from '../../src/core/schema';
import { countWebmFrames, webmVideoSize } from '../helpers/ebml';
import { launchBrowser, openApp, pixelDifference, pixelStats } from './browser';

const seed = JSON.parse(readFileSync('graph-data/seed.json', 'utf8')) as Dataset;

async function openExport(page: Page, format: RegExp) {
  const button = page.getByRole('button', { name: 'Export…' });
  // Below 1280 px the header keeps Export in its menu.
  if (!(await button.isVisible())) await page.getByRole('button', { name: 'Menu' }).click();
  await button.click();
  const dialog = page.getByRole('dialog', { name: 'Export' });
  await dialog.getByRole('radio', { name: format }).check();
  return dialog;
}

async function download(page: Page, click: () => Promise<void>) {
  const [file] = await Promise.all([page.waitForEvent('download'), click()]);
  return { name: file.suggestedFilename(), data: readFileSync((await file.path())!) };
}

async function exportPng(
  page: Page,
  setup?: (dialog: ReturnType<Page['getByRole']>) => Promise<unknown>,
) {
  const dialog = await openExport(page, /^PNG/);
  await setup?.(dialog);
  const file = await download(page, () =>
    dialog.getByRole('button', { name: /^Download/ }).click(),
  );
  // The download starts before React shows the status: wait for it.
  const status = dialog.getByRole('status');
  await expect.poll(() => status.textContent()).toMatch(/^Saved/);
  const said = await status.textContent();
  await dialog.getByRole('button', { name: 'Close export' }).click();
  return { ...file, status: said ?? '' };
}

describe('export', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => browser?.close());

  it('PNG: decodes at the requested scale, is not blank, names the date, differs between dates', async () => {
    const page = await openApp(browser, '/?date=2021-09-04');
    const svgFile = await (async () => {
      const dialog = await openExport(page, /^SVG/);
      const f = await download(page, () =>
        dialog.getByRole('button', { name: /^Download/ }).click(),
      );
      await dialog.getByRole('button', { name: 'Close export' }).click();
      return f;
    })();
    const svgWidth = Number(/width="(\d+)"/.exec(svgFile.data.toString())![1]);

    const png = await exportPng(page, (d) =>
      d.getByRole('combobox', { name: 'Scale' }).selectOption('2'),
    );
    expect(png.name).toBe('allegiance-2021-09-04.png');
    const stats = pixelStats(png.data);
    expect(stats.width).toBe(svgWidth * 2);
    expect(stats.variance).toBeGreaterThan(100);
    expect(stats.inked).toBeGreaterThan(0.02);

    const byWidth = await exportPng(page, async (d) => {
      await d.getByRole('radio', { name: /^Width/ }).check();
      await d.getByRole('spinbutton', { name: 'Width in pixels' }).fill('1500');
    });
    expect(PNG.sync.read(byWidth.data).width).toBe(1500);

    await page.goto(page.url().replace('2021-09-04', '1988-06-01'));
    await page.waitForFunction(() => window.__allegiance?.date() === '1988-06-01');
    const early = await exportPng(page, (d) =>
      d.getByRole('combobox', { name: 'Scale' }).selectOption('2'),
    );
    expect(early.name).toBe('allegiance-1988-06-01.png');
    expect(pixelDifference(png.data, early.data)).toBeGreaterThan(0.005);
    await page.close();
  });

  it('PNG: a transparent background has transparent corners', async () => {
    const page = await openApp(browser, '/?date=2021-09-04');
    const png = await exportPng(page, (d) =>
      d.getByRole('combobox', { name: 'Background' }).selectOption('transparent'),
    );
    const img = PNG.sync.read(png.data);
    const alpha = (x: number, y: number) => img.data[(y * img.width + x) * 4 + 3];
    expect([
      alpha(0, 0),
      alpha(img.width - 1, 0),
      alpha(0, img.height - 1),
      alpha(img.width - 1, img.height - 1),
    ]).toEqual([0, 0, 0, 0]);
    expect(pixelStats(png.data).variance).toBeGreaterThan(50);
    await page.close();
  });

  it('PNG: an oversized request is clamped with a notice, never blank', async () => {
    const page = await openApp(browser, '/?date=2021-09-04');
    const png = await exportPng(page, async (d) => {
      await d.getByRole('radio', { name: /^Width/ }).check();
      await d.getByRole('spinbutton', { name: 'Width in pixels' }).fill('100000');
      await expect(d.getByText(/reduced: the requested size is beyond/).count()).resolves.toBe(1);
    });
    expect(png.status).toMatch(/reduced from the requested size/);
    const img = PNG.sync.read(png.data);
    expect(img.width).toBeLessThan(100000);
    expect(img.width * img.height).toBeLessThanOrEqual(67_108_864);
    expect(img.width).toBeGreaterThan(4000);
    // Not blank: sample a grid of pixels rather than decoding stats over 60 Mpx twice.
    const colours = new Set<number>();
    for (let y = 0; y < img.height; y += 97)
      for (let x = 0; x < img.width; x += 89)
        colours.add(img.data.readUInt32BE((y * img.width + x) * 4));
    expect(colours.size).toBeGreaterThan(5);
    await page.close();
    // Encoding, downloading and decoding 67 million pixels: over the default minute on a busy machine.
  }, 150_000);

  it('SVG: parses and holds the drawn actors’ labels and the caption date', async () => {
    const page = await openApp(browser, '/?date=2021-09-04&hide-types=coalition');
    const dialog = await openExport(page, /^SVG/);
    const file = await download(page, () =>
      dialog.getByRole('button', { name: /^Download/ }).click(),
    );
    expect(file.name).toBe('allegiance-2021-09-04.svg');
    const text = file.data.toString('utf8');
    expect(() => new XMLParser().parse(text)).not.toThrow();
    expect(text).toContain(`>${humanDate('2021-09-04')}</text>`);
    for (const a of seed.actors.filter((x) => x.type === 'person'))
      expect(text).toContain(a.label.split(' ')[0]);
    // Filters apply: coalitions are hidden on screen, so not in the picture either.
    for (const a of seed.actors.filter((x) => x.type === 'coalition'))
      expect(text).not.toContain(`>${a.label.split(' ')[0]}`);
    await page.close();
  });

  it.each([
    { width: 1440, height: 900 },
    { width: 1024, height: 768 },
    { width: 390, height: 844 },
  ])(
    'WebM: 16:9 frames, the app’s speed, a first-frame preview and the duration before export (%o)',
    async (viewport) => {
      const page = await openApp(browser, '/?date=2021-09-04', viewport);
      await page.getByRole('combobox', { name: /speed/i }).selectOption({ label: '2 years / s' });
      const dialog = await openExport(page, /^Video/);
      // Defaults: the speed the app plays at, and an HD 16:9 frame.
      await expect(
        dialog
          .getByRole('combobox', { name: 'Speed' })
          .evaluate((s: HTMLSelectElement) => s.selectedOptions[0]!.text),
      ).resolves.toBe('2 years / s');
      await expect(
        dialog
          .getByRole('combobox', { name: 'Frame size' })
          .evaluate((s: HTMLSelectElement) => s.selectedOptions[0]!.text),
      ).resolves.toBe('1280 × 720 (HD)');
      await dialog.getByRole('textbox', { name: 'Video start date' }).fill('2021');
      await dialog.getByRole('textbox', { name: 'Video end date' }).fill('2022');
      await dialog.getByRole('combobox', { name: 'Speed' }).selectOption({ label: '1 year / s' });
      await dialog
        .getByRole('combobox', { name: 'Frame size' })
        .selectOption({ label: '854 × 480' });
      await expect(dialog.getByText(/^Duration/).textContent()).resolves.toBe(
        'Duration 0:01: 31 frames at 30 fps (WebM, VP9)',
      );
      const preview = dialog.getByRole('img', { name: "The video's first frame" });
      await preview.evaluate((img: HTMLImageElement) => img.decode());
      const shot = pixelStats(await preview.screenshot());
      expect(shot.inked).toBeGreaterThan(0.02);
      const file = await download(page, () =>
        dialog.getByRole('button', { name: 'Render video' }).click(),
      );
      expect(file.name).toBe('allegiance-2021-to-2022.webm');
      expect([...file.data.subarray(0, 4)]).toEqual([0x1a, 0x45, 0xdf, 0xa3]);
      // 2021 to 2022 at one year per second, 30 fps: 31 frames.
      expect(countWebmFrames(file.data)).toBe(31);
      expect(webmVideoSize(file.data)).toEqual({ width: 854, height: 480 });
      expect(file.data.length).toBeGreaterThan(5000);
      // The download starts before React shows the status: wait for it.
      await expect
        .poll(() => dialog.getByRole('status').last().textContent())
        .toMatch(/Saved allegiance-2021-to-2022\.webm/);
      await page.close();
    },
  );

  it('data: JSON round-trips, GEXF is dynamic with the relations’ spells and kinds, CSV has a row per relation', async () => {
    const page = await openApp(browser);
    const save = async (format: RegExp) => {
      const dialog = await openExport(page, format);
      const f = await download(page, () =>
        dialog.getByRole('button', { name: /^Download/ }).click(),
      );
      await dialog.getByRole('button', { name: 'Close export' }).click();
      return { name: f.name, text: f.data.toString('utf8') };
    };

    const json = await save(/^Dataset \(JSON\)/);
    expect(json.name).toMatch(/\.json$/);
    // Exactly the dataset back (the editor hint "$schema" is not data and is left out).
    expect(validateDataset(JSON.parse(json.text)).dataset).toEqual({
      ...validateDataset(seed).dataset,
      $schema: undefined,
    });

    const gexf = await save(/^Gephi/);
    const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(
      gexf.text,
    );
    expect(xml.gexf.version).toBe('1.3');
    expect(xml.gexf.graph.mode).toBe('dynamic');
    const edges = [xml.gexf.graph.edges.edge].flat() as Record<string, unknown>[];
    expect(edges).toHaveLength(seed.relations.length);
    const imported = importGexf(gexf.text, gexf.name).dataset!;
    for (const r of seed.relations) {
      const back = imported.relations.find((x) => x.id === r.id)!;
      expect([back.kind, back.from, back.until, back.source, back.target]).toEqual([
        r.kind,
        r.from,
        r.until,
        r.source,
        r.target,
      ]);
      const edge = edges.find((e) => e.id === r.id)!;
      const spell = [(edge.spells as { spell: unknown })?.spell].flat()[0] as
        Record<string, string> | undefined;
      expect(spell?.start ?? edge.start).toBe(formatDay(toDay(r.from!)));
      if (r.until) expect(spell?.end ?? edge.end).toBe(formatDay(toDay(r.until)));
    }

    const csv = await save(/^Relations \(CSV\)/);
    const rows = csv.text.trim().split(/\r?\n(?=(?:[^"]*"[^"]*")*[^"]*$)/);
    expect(rows).toHaveLength(seed.relations.length + 1);
    for (const r of seed.relations) expect(csv.text).toContain(r.id);
    await page.close();
  });
});
