/**
 * Several files of one event format picked together in the Import panel:
 * one dataset on screen, its event options applying to all of them; a file
 * of another format among them refused, naming what it is, with the graph
 * left as it was. Real ICEWS rows: tests/fixtures/icews/README.md.
 */
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openApp } from './browser';

const [HEADER, ...ROWS] = readFileSync(
  'tests/fixtures/icews/events.2018.sample.excerpt.tab',
  'utf8',
)
  .trimEnd()
  .split('\n');

/** The real excerpt as ICEWS users receive it, split: 23 events in one file, 14 in the other. */
const icews = (name: string, rows: string[]) => ({
  name,
  mimeType: 'text/tab-separated-values',
  buffer: Buffer.from([HEADER, ...rows].join('\n')),
});
const FIRST = icews('events.2018.a.tab', ROWS.slice(0, 23));
const SECOND = icews('events.2018.b.tab', ROWS.slice(23));

async function pick(page: Page, ...files: (typeof FIRST)[]) {
  await page.locator('input[type=file][aria-label="Choose files to import"]').setInputFiles(files);
}

const drawnActors = (page: Page) => page.evaluate(() => window.__allegiance!.drawnActors());

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('importing several files of one event format', () => {
  it('shows two ICEWS files as one dataset, re-reads both with new options, and refuses a mix', async () => {
    const page = await openApp(browser);
    await pick(page, SECOND, FIRST);
    await page.waitForFunction(
      () => document.querySelector('h1')?.textContent === 'events.2018.a and 1 more file',
    );
    const panel = page.getByRole('region', { name: 'Import' });
    await expect(panel.getByText(/^Format:/).textContent()).resolves.toMatch(
      /^Format: ICEWS events: tab-separated, header of 20 columns .*\(each of the 2 files\)$/,
    );
    // Kim Yong-chol and Mike Pompeo negotiate once in each file: together, a relation.
    const actors = await drawnActors(page);
    expect(actors).toContain('Kim Yong-chol');
    expect(actors).toContain('Mike Pompeo');
    expect(actors).not.toContain('Donald Trump'); // one event with each of his counterparts

    // The event options apply to the files read together: one event is enough now.
    const minEvents = page
      .getByRole('region', { name: 'Event options' })
      .getByRole('textbox', { name: 'Fewest events per window' });
    await minEvents.fill('1');
    await minEvents.press('Enter');
    await page.waitForFunction(() => window.__allegiance!.drawnActors().includes('Donald Trump'));
    expect(await page.locator('h1').textContent()).toBe('events.2018.a and 1 more file');
    const before = await drawnActors(page);

    // An ACLED file among ICEWS files: refused, saying which is which; nothing changes.
    await pick(page, FIRST, {
      name: 'acled-xland.csv',
      mimeType: 'text/csv',
      buffer: readFileSync('tests/fixtures/acled/synthetic-acled.csv'),
    });
    await panel.getByRole('list', { name: 'Errors' }).waitFor();
    await expect(panel.getByRole('list', { name: 'Errors' }).textContent()).resolves.toContain(
      'acled-xland.csv: is an ACLED event file (ACLED events: comma-separated, header of 31 columns with event_date, actor1, actor2, event_type), not an ICEWS coded event file like events.2018.a.tab',
    );
    expect(await page.locator('h1').textContent()).toBe('events.2018.a and 1 more file');
    expect(await drawnActors(page)).toEqual(before);
    await page.close();
  });
});
