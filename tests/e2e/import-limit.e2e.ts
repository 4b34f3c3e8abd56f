/**
 * A file over the import limit is refused before it is read, and the
 * refusal says what to do by what the file is (its first bytes): the
 * command that aggregates an event export of any size, but no command for a
 * relations table the command would refuse too. The graph on screen stays.
 */
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_IMPORT_BYTES } from '../../src/import/limits';
import { launchBrowser, openApp } from './browser';

/** Drops a file of `head` followed by zeros up to one byte over the limit (made in the page). */
async function dropOversized(page: Page, name: string, head: string) {
  await page.evaluate(
    ({ name, head, size }) => {
      const start = new TextEncoder().encode(head);
      const file = new File([start, new Uint8Array(size - start.length)], name);
      const dt = new DataTransfer();
      dt.items.add(file);
      for (const type of ['dragenter', 'dragover', 'drop'])
        window.dispatchEvent(
          new DragEvent(type, { dataTransfer: dt, bubbles: true, cancelable: true }),
        );
    },
    { name, head, size: MAX_IMPORT_BYTES + 1 },
  );
}

/** The errors of the failed import, as shown. */
async function errorsOf(page: Page, name: string): Promise<string[]> {
  const panel = page.getByRole('region', { name: 'Import' });
  await panel.getByRole('heading', { name: `Could not import ${name}: 1 error` }).waitFor();
  return panel.getByRole('list', { name: 'Errors' }).getByRole('listitem').allTextContents();
}

describe('a file over the import limit', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => browser?.close());

  it('an event export gets the command; a relations table what to leave out', async () => {
    const page = await openApp(browser);
    const title = await page.locator('h1').textContent();

    const gdelt = readFileSync('tests/fixtures/gdelt/20250807220000.export.excerpt.CSV', 'utf8');
    await dropOversized(page, '20250807.export.CSV', gdelt);
    const [exportError] = await errorsOf(page, '20250807.export.CSV');
    expect(exportError).toContain(
      'the file is 52,428,801 bytes; the limit is 52,428,800 bytes (50 MiB). It is a GDELT event export',
    );
    expect(exportError).toContain(
      'npm run import -- 20250807.export.CSV --out 20250807.export-dataset.json',
    );

    const relations = readFileSync('graph-data/examples/relations.csv', 'utf8');
    await dropOversized(page, 'relations.csv', relations);
    const [tableError] = await errorsOf(page, 'relations.csv');
    expect(tableError).toContain('It is a CSV table of relations or actors');
    expect(tableError).toContain('leave out the rows or columns you do not need');
    expect(tableError).not.toContain('npm run import --');

    expect(await page.locator('h1').textContent()).toBe(title);
    await page.close();
  });
});
