/**
 * Publishing a story: the HTML page exported through the UI, opened from a file:// URL with
 * the network blocked (the graph drawn, the story presented and advancing, evidence opening on
 * a click, hostile text shown as text); and the story's captioned video.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countWebmFrames, webmVideoSize } from '../helpers/ebml';
import { launchBrowser, openApp, pixelStats } from './browser';

const STORY_FILE = 'tests/fixtures/publish/story.json';
const story = JSON.parse(readFileSync(STORY_FILE, 'utf8')) as {
  title: string;
  stories: { id: string; title: string; steps: { caption: string }[] }[];
};
const captions = story.stories[0]!.steps.map((s) => s.caption);

const dir = mkdtempSync(join(tmpdir(), 'allegiance-publish-e2e-'));

/** Opens the app and imports the fixture (which has two stories), or `text` in its place. */
async function openWithStories(browser: Browser, text = readFileSync(STORY_FILE, 'utf8')) {
  const page = await openApp(browser);
  await page
    .locator('input[type=file][aria-label="Choose files to import"]')
    .setInputFiles({ name: 'story.json', mimeType: 'application/json', buffer: Buffer.from(text) });
  await page.waitForFunction(
    (title) => document.querySelector('h1')?.textContent === title,
    story.title,
  );
  return page;
}

async function openExport(page: Page, format: RegExp) {
  const button = page.getByRole('button', { name: 'Export…' });
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

/** A context that lets no http(s) request through and records every request made. */
async function offlineContext(browser: Browser) {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 800 },
    reducedMotion: 'reduce',
  });
  const requested: string[] = [];
  context.on('request', (r) => requested.push(r.url()));
  await context.route(/^https?:/, (route) => route.abort());
  return { context, requested };
}

describe('publish a story', () => {
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await Promise.all(contexts.map((c) => c.close()));
    await browser?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('a dataset with no story: both story exports say why and cannot be used', async () => {
    const storyless = JSON.parse(readFileSync(STORY_FILE, 'utf8')) as { stories?: unknown };
    delete storyless.stories;
    const page = await openWithStories(browser, JSON.stringify(storyless));
    for (const [format, button] of [
      [/^Story as HTML/, /^Download/],
      [/^Story as video/, 'Render video'],
    ] as const) {
      const dialog = await openExport(page, format);
      const save = dialog.getByRole('button', { name: button });
      await expect(save.isDisabled()).resolves.toBe(true);
      await expect(dialog.getByText(/^This dataset has no story yet/).isVisible()).resolves.toBe(
        true,
      );
      await dialog.getByRole('button', { name: 'Close export' }).click();
    }
    await page.close();
  });

  it('exports the page through the UI; from file:// with no network it draws the graph, presents the story and opens evidence', async () => {
    const page = await openWithStories(browser);
    const dialog = await openExport(page, /^Story as HTML/);
    await dialog
      .getByRole('combobox', { name: 'Story' })
      .selectOption({ label: 'From pact to war (3 steps)' });
    const file = await download(page, () =>
      dialog.getByRole('button', { name: /^Download/ }).click(),
    );
    expect(file.name).toBe('from-pact-to-war.html');
    // The download starts before React shows the status: wait for it.
    await expect
      .poll(() => dialog.getByRole('status').textContent())
      .toMatch(/^Saved from-pact-to-war\.html \(1\.\d MB\): it opens offline/);
    const path = join(dir, file.name);
    writeFileSync(path, file.data);
    await page.close();

    const { context, requested } = await offlineContext(browser);
    contexts.push(context);
    const reader = await context.newPage();
    const errors: string[] = [];
    reader.on('pageerror', (e) => errors.push(e.message));
    await reader.goto(`file://${path}`);
    await reader.waitForFunction(() => window.__allegiance?.graphMounted() === true);
    await expect(reader.title()).resolves.toBe('From pact to war · Allegiance');
    // The dataset's text is text: the title's </script><script> neither ended the data nor ran.
    await expect(reader.locator('h1').textContent()).resolves.toBe(story.title);
    expect(await reader.evaluate(() => document.scripts.length)).toBe(2);

    // The graph is drawn: real pixels on the canvas.
    const shot = pixelStats(await reader.locator('[data-testid="graph"]').first().screenshot());
    expect(shot.variance).toBeGreaterThan(50);
    expect(shot.inked).toBeGreaterThan(0.01);

    // It opens presenting its story at the first step: its date and its caption.
    await reader.waitForFunction(() => {
      const q = new URLSearchParams(location.search);
      return q.get('story') === 'pact-to-war' && q.get('step') === '1';
    });
    await reader.waitForFunction(() => window.__allegiance?.date() === '2003-01-01');
    await reader.getByText(captions[0]!).first().waitFor();
    // The story advances: the next step's caption, and its period (from 2004) plays.
    await reader.getByRole('button', { name: 'Next →' }).click();
    await reader.getByText(captions[1]!.trim()).first().waitFor();
    await reader.waitForFunction(() => window.__allegiance!.date() >= '2004-01-01');

    // Evidence opens on a click on a relation, quoted verbatim, once the reader leaves the story.
    await reader.keyboard.press('Escape');
    await reader.waitForFunction(() => !new URLSearchParams(location.search).has('story'));
    // The reader scrubs the time bar to the middle of the period (2000 to 2010): 2005.
    const track = (await reader.getByRole('slider', { name: 'Date' }).boundingBox())!;
    await reader.mouse.click(track.x + track.width / 2, track.y + track.height / 2);
    await reader.waitForFunction(() => window.__allegiance!.date().startsWith('2005'));
    const mid = await reader.evaluate(() =>
      window.__allegiance!.clientPosition('relation', 'r-alliance'),
    );
    expect(mid).not.toBeNull();
    await reader.mouse.click(mid!.x, mid!.y);
    await expect(
      reader
        .getByText('They signed the pact </script><script>alert(1)</script> in spring.')
        .first()
        .isVisible(),
    ).resolves.toBe(true);

    expect(errors).toEqual([]);
    // Nothing but the file itself (and data:/blob: URLs) was asked for.
    expect(requested.filter((u) => !/^(file|data|blob):/.test(u))).toEqual([]);
  });

  it('renders the story as a captioned WebM: caption pixels in the frame, a real video file', async () => {
    const page = await openWithStories(browser);
    const dialog = await openExport(page, /^Story as video/);
    await dialog
      .getByRole('combobox', { name: 'Story' })
      .selectOption({ label: 'The rebels (1 step)' });
    await dialog.getByRole('combobox', { name: 'Frame size' }).selectOption({ label: '854 × 480' });
    // One step, held long enough to read its five words: four seconds at 30 fps.
    await expect(dialog.getByText(/^Duration/).textContent()).resolves.toMatch(
      /^Duration 0:04: 120 frames at 30 fps/,
    );
    // The first frame as encoded: the graph above, the caption band below on a dark backdrop.
    const preview = dialog.getByRole('img', { name: "The video's first frame" });
    await page.waitForFunction(() => {
      const canvas = document.querySelector<HTMLCanvasElement>('canvas.video-export__preview');
      const pixel = canvas?.getContext('2d')?.getImageData(2, canvas.height - 2, 1, 1).data;
      return pixel !== undefined && pixel[3] === 255;
    });
    const band = await preview.evaluate((canvas: HTMLCanvasElement) => {
      const ctx = canvas.getContext('2d')!;
      const share = (y0: number, y1: number) => {
        const data = ctx.getImageData(0, y0, canvas.width, y1 - y0).data;
        let dark = 0;
        let light = 0;
        for (let i = 0; i < data.length; i += 4) {
          const lum = 0.2126 * data[i]! + 0.7152 * data[i + 1]! + 0.0722 * data[i + 2]!;
          if (lum < 60) dark++;
          else if (lum > 200) light++;
        }
        return { dark: dark / (data.length / 4), light: light / (data.length / 4) };
      };
      // The band is the bottom 28% of the frame (tokens.videoCaption.band).
      return { bottom: share(Math.ceil(canvas.height * 0.72), canvas.height), top: share(0, 60) };
    });
    // The band is mostly backdrop, with light text on it; the top of the frame is the white graph.
    expect(band.bottom.dark).toBeGreaterThan(0.6);
    expect(band.bottom.light).toBeGreaterThan(0.005);
    expect(band.top.light).toBeGreaterThan(0.8);

    const file = await download(page, () =>
      dialog.getByRole('button', { name: 'Render video' }).click(),
    );
    expect(file.name).toBe('the-rebels.webm');
    expect([...file.data.subarray(0, 4)]).toEqual([0x1a, 0x45, 0xdf, 0xa3]);
    expect(countWebmFrames(file.data)).toBe(120);
    expect(webmVideoSize(file.data)).toEqual({ width: 854, height: 480 });
    expect(file.data.length).toBeGreaterThan(5000);
    await page.close();
  });
});
