/**
 * Hostile JSON through the app's import: nesting 2,000 and 100,000 levels
 * deep used to leave the panel on "Parsing and checking…" for ever (the
 * worker failed to post its error); a number JSON.parse turns into Infinity
 * and UTF-16 without a byte order mark were misreported. Each now ends with
 * one precise error in the panel, the graph on screen untouched; and Cancel
 * ends an import the worker is still busy with.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openApp } from './browser';

const nested = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);

/** A valid dataset except for the evidence note, which holds the given JSON text. */
const withNote = (note: string) =>
  `{"title": "Deep", "sources": [{"id": "doc", "title": "Doc"}],
"actors": [{"id": "a", "label": "A", "type": "state"}, {"id": "b", "label": "B", "type": "state"}],
"relations": [{"id": "r", "source": "a", "target": "b", "kind": "alliance",
"evidence": [{"source": "doc", "quote": "q", "note": ${note}}]}]}`;

async function pick(page: Page, name: string, buffer: Buffer) {
  await page
    .locator('input[type=file][aria-label="Choose files to import"]')
    .setInputFiles({ name, mimeType: 'application/json', buffer });
}

/** Waits for the failed import's heading and returns the errors as shown. */
async function failedWith(page: Page, heading: string): Promise<string[]> {
  const panel = page.getByRole('region', { name: 'Import' });
  await panel.getByRole('heading', { name: heading }).waitFor();
  return panel.getByRole('list', { name: 'Errors' }).getByRole('listitem').allTextContents();
}

describe('hostile JSON import', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => browser?.close());

  it('JSON nested 2,000 and 100,000 levels deep: a precise error, the graph unchanged', async () => {
    const page = await openApp(browser, '/?date=2021-09-04');
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    const title = await page.locator('h1').textContent();
    const before = await page.evaluate(() => window.__allegiance!.drawnRelations());

    const note = '"note": ';
    for (const depth of [2_000, 100_000]) {
      const text = withNote(nested(depth));
      // The note opens at level 6; its 59th bracket opens level 65.
      const tooDeep = text.indexOf(note) + note.length + 59;
      const column = tooDeep - text.lastIndexOf('\n', tooDeep);
      await pick(page, `deep-${depth}.json`, Buffer.from(text));
      expect(await failedWith(page, `Could not import deep-${depth}.json: 1 error`)).toEqual([
        `deep-${depth}.json:4:${column} relations[0].evidence[0].note[0][0][0][0][0]…: this list is nested 65 levels deep; the limit is 64 (a dataset needs 5)`,
      ]);
    }
    expect(await page.locator('h1').textContent()).toBe(title);
    expect(await page.evaluate(() => window.__allegiance!.drawnRelations())).toEqual(before);
    expect(pageErrors).toEqual([]);
    await page.close();
  });

  it('1e400 is shown as written; UTF-16 without a BOM is named as such', async () => {
    const page = await openApp(browser);
    await pick(page, 'huge.json', Buffer.from(withNote('1e400')));
    expect(await failedWith(page, 'Could not import huge.json: 1 error')).toEqual([
      expect.stringMatching(
        /^huge\.json:4:\d+ relations\[0\]\.evidence\[0\]\.note: must be a finite number, within ±1\.8e308 \(got 1e400\)$/,
      ),
    ]);
    await pick(page, 'utf16.json', Buffer.from(withNote('"n"'), 'utf16le'));
    expect(await failedWith(page, 'Could not import utf16.json: 1 error')).toEqual([
      'utf16.json: the file is encoded as UTF-16; save it as UTF-8 and import it again',
    ]);
    await page.close();
  });

  it('Cancel ends an import the worker is still parsing', async () => {
    const page = await openApp(browser);
    const title = await page.locator('h1').textContent();
    // About 40 MB, made and dropped in the page (too big to send through setInputFiles
    // quickly): seconds of parsing and checking in the worker.
    await page.evaluate(() => {
      const relations = Array.from({ length: 150_000 }, (_, i) => ({
        id: `r${i}`,
        source: 'a',
        target: 'b',
        kind: 'alliance',
        from: '2001',
        evidence: [{ source: 'doc', quote: `Quoted passage number ${i} of a long report.` }],
        note: 'x'.repeat(100),
      }));
      const text = JSON.stringify({
        title: 'Big',
        sources: [{ id: 'doc', title: 'Doc' }],
        actors: [
          { id: 'a', label: 'A', type: 'state' },
          { id: 'b', label: 'B', type: 'state' },
        ],
        relations,
      });
      const dt = new DataTransfer();
      dt.items.add(new File([text], 'big.json', { type: 'application/json' }));
      for (const type of ['dragenter', 'dragover', 'drop'])
        window.dispatchEvent(
          new DragEvent(type, { dataTransfer: dt, bubbles: true, cancelable: true }),
        );
    });
    const panel = page.getByRole('region', { name: 'Import' });
    await panel.getByRole('button', { name: 'Cancel' }).click();
    await page.getByText('Import cancelled.').waitFor();
    expect(await panel.count()).toBe(0);
    expect(await page.locator('h1').textContent()).toBe(title);
    await page.close();
  });
});
