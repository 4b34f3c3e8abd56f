/**
 * A big relations CSV imported through the app: the worker parses, lays out
 * and saves it, the page receives it in parts and builds its model in
 * slices, and a reload reopens it from the library without computing the
 * layout or the index again. How long the page's tasks are at a million rows
 * is a speed goal, measured by the benchmark (`bench/import.bench.ts`), not
 * here.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
          window.__allegiance?.computed() !== null,
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
});
