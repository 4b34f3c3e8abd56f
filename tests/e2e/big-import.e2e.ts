/**
 * A big relations CSV imported through the app: the worker parses, lays out
 * and saves it, the page receives it in parts and builds its model in
 * slices, and a reload reopens it from the library (through the worker)
 * without computing the layout or the index again. A dataset with thousands
 * of actors is first drawn in a quick layout; the refined one arrives later
 * and waits while time plays. How long the page's tasks are at a million
 * rows, and how soon the first picture comes, are speed goals, measured by
 * the benchmark (`bench/import.bench.ts`), not here.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QUICK_LAYOUT_ACTORS } from '../../src/core/explorer-model';
import { generateSyntheticDataset } from '../../src/core/synthetic';
import { bigRelationsCsv } from '../helpers/big-csv';
import { launchBrowser, openApp } from './browser';

const ROWS = 60_000;
const ACTORS = 1000;
const PATIENCE = 5 * 60_000;

describe('a big import', () => {
  let browser: Browser;
  let dir: string;
  beforeAll(async () => {
    browser = await launchBrowser();
    dir = mkdtempSync(join(tmpdir(), 'allegiance-big-'));
  });
  afterAll(async () => {
    await browser?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it(
    'is saved by the worker and shown whole, and a reload reuses its layout and index',
    async () => {
      const file = join(dir, 'big-relations.csv');
      writeFileSync(file, bigRelationsCsv(ROWS, ACTORS));
      const page = await openApp(browser);
      await page
        .locator('input[type=file][aria-label="Choose files to import"]')
        .setInputFiles(file);
      await page.getByRole('heading', { name: /Imported “big”/ }).waitFor({ timeout: PATIENCE });

      // All of it is there: listed with its size, searchable, drawn, laid out by the worker.
      await expect(
        page.getByRole('combobox', { name: 'Dataset' }).textContent(),
      ).resolves.toContain(`big (${ACTORS} actors, ${ROWS} relations)`);
      const box = page.getByRole('combobox', { name: 'Search actors' });
      await box.fill(`a${ACTORS - 1}`);
      await expect(page.getByRole('option').first().textContent()).resolves.toContain(
        `a${ACTORS - 1}`,
      );
      await box.fill('');
      expect(
        await page.evaluate(() => window.__allegiance!.drawnRelations().length),
      ).toBeGreaterThan(0);
      expect(await page.evaluate(() => window.__allegiance!.computed())).toEqual({
        layout: false,
        index: false,
      });
      const sample = ['a0', 'a1', `a${ACTORS / 2}`, `a${ACTORS - 1}`];
      const before = await page.evaluate(
        (ids) => ids.map((id) => window.__allegiance!.modelPosition(id)),
        sample,
      );
      expect(before.every((p) => p !== null)).toBe(true);

      // A reload reads it back from the library in parts; nothing is laid out or indexed again.
      await page.reload();
      await page.waitForFunction(
        () =>
          document.querySelector('h1')?.textContent === 'big' &&
          // The hook comes with the graph view, after the heading: undefined is not ready.
          (window.__allegiance?.computed() ?? null) !== null,
        undefined,
        { timeout: PATIENCE, polling: 500 },
      );
      expect(await page.evaluate(() => window.__allegiance!.computed())).toEqual({
        layout: false,
        index: false,
      });
      const after = await page.evaluate(
        (ids) => ids.map((id) => window.__allegiance!.modelPosition(id)),
        sample,
      );
      expect(after).toEqual(before);
      await page.close();
    },
    2 * PATIENCE,
  );

  it(
    'draws thousands of actors in a quick layout, and moves them to the refined one only when paused',
    async () => {
      // Just above the threshold, with few relations: the refined layout still takes seconds
      // (during which the test starts playback), and the test stays short.
      const actors = QUICK_LAYOUT_ACTORS + 1000;
      const dataset = generateSyntheticDataset({ actors, relations: 2 * actors, seed: 7 });
      const file = join(dir, 'many-actors.json');
      writeFileSync(file, JSON.stringify({ ...dataset, title: 'many actors' }));
      const page = await openApp(browser);
      await page
        .locator('input[type=file][aria-label="Choose files to import"]')
        .setInputFiles(file);
      await page
        .getByRole('heading', { name: /Imported “many actors”/ })
        .waitFor({ timeout: PATIENCE });
      const quickNote = page.getByRole('status').filter({ hasText: 'first, quick layout' });
      const heldNote = page.getByRole('status').filter({ hasText: 'when playback pauses' });

      // The picture is there before the refined layout, and the page answers meanwhile:
      // playback starts (looping, so it cannot stop by itself) and time moves. The page's
      // clock is driven by the test from here, so frames run only when it says (the worker
      // computing the refined layout is not slowed by drawing frames on a busy machine).
      await quickNote.waitFor();
      // The new graph view (created once a large graph's drawing code has loaded) brings the test
      // hook back; on a busy machine it can come after the note (CI failed once without this).
      await page.waitForFunction(() => window.__allegiance !== undefined, undefined, {
        timeout: PATIENCE,
      });
      const sample = dataset.actors.slice(0, 20).map((a) => a.id);
      const positions = () =>
        page.evaluate((ids) => ids.map((id) => window.__allegiance!.modelPosition(id)), sample);
      // Clicked in the page at once: the worker is computing the refined layout meanwhile, and
      // an actionability wait on a page busy mounting thousands of actors could outlast it.
      await page.evaluate(() => {
        const buttons = [...document.querySelectorAll('button')];
        buttons.find((b) => b.textContent?.trim() === 'Loop')!.click();
        buttons.find((b) => b.getAttribute('aria-label') === 'Play')!.click();
      });
      await page.clock.install();
      await page.clock.pauseAt(Date.now() + 1000);
      const quick = await positions();
      // Playing before the refined layout was applied: one of the two notes is up.
      expect((await quickNote.count()) + (await heldNote.count())).toBe(1);
      const date = () => page.evaluate(() => window.__allegiance!.date());
      const startDate = await date();
      await page.clock.runFor(2000);
      expect(await date()).not.toBe(startDate);

      // The refined layout arrives while time plays: nothing moves, and time goes on.
      await heldNote.waitFor({ timeout: PATIENCE });
      expect(await page.evaluate(() => window.__allegiance!.playing())).toBe(true);
      expect(await positions()).toEqual(quick);
      const heldDate = await date();
      await page.clock.runFor(2000);
      expect(await date()).not.toBe(heldDate);
      expect(await positions()).toEqual(quick);

      // On pause the actors go there.
      await page.getByRole('button', { name: 'Pause', exact: true }).click();
      await page.clock.resume();
      await heldNote.waitFor({ state: 'detached' });
      const refined = await positions();
      expect(refined).not.toEqual(quick);
      expect(refined.every((p) => p !== null)).toBe(true);

      // The refined layout was stored: a reload starts with it and computes nothing.
      await page.reload();
      await page.waitForFunction(
        () =>
          document.querySelector('h1')?.textContent === 'many actors' &&
          (window.__allegiance?.computed() ?? null) !== null,
        undefined,
        { timeout: PATIENCE, polling: 500 },
      );
      expect(await page.evaluate(() => window.__allegiance!.computed())).toEqual({
        layout: false,
        index: false,
      });
      expect(await positions()).toEqual(refined);
      await expect(quickNote.count()).resolves.toBe(0);
      await page.close();
    },
    2 * PATIENCE,
  );
});
