/**
 * A table the import does not recognise, on a phone-sized screen: its
 * columns and first rows are shown, the user maps them (with live errors for
 * bad choices), imports, and sees the actors; the next file with the same
 * header is read with the remembered mapping, said so; an event option
 * re-runs the import; and a file with a bad row leaves the graph as it was.
 */
import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openApp } from './browser';

/** Synthetic rows (made up for this test), semicolon-delimited with a decimal comma. */
const HEADER = 'from_party;to_party;when;tone;comment';
const FIRST = [
  HEADER,
  'Northland;Southland;2001-03-02;-7;shelling across the border near the river crossing',
  'Southland;Northland;2001-05-10;-5,5;retaliation announced by the defence ministry',
  'Northland;Eastland;2001-04-01;6;trade agreement signed in the capital',
  'Eastland;Northland;2001-09-30;4;joint statement on shipping',
  'Westland;Eastland;2001-06-01;2;a single visit',
].join('\n');
const SECOND = [
  'From Party;To Party;When;Tone;Comment', // the same header, written differently
  'Upland;Lowland;2003-01-05;-8;raid',
  'Lowland;Upland;2003-02-11;-6;counter-raid',
].join('\r\n');
const BAD = [HEADER, 'Upland;Lowland;2003-01-05;-8;raid', 'Lowland;Upland;next week;-6;x'].join(
  '\n',
);

async function drop(page: Page, name: string, content: string) {
  await page.evaluate(
    ([n, c]: [string, string]) => {
      const dt = new DataTransfer();
      dt.items.add(new File([c], n, { type: 'text/csv' }));
      for (const type of ['dragenter', 'dragover', 'drop'])
        window.dispatchEvent(
          new DragEvent(type, { dataTransfer: dt, bubbles: true, cancelable: true }),
        );
    },
    [name, content] as [string, string],
  );
}

const h1 = (page: Page) => page.locator('h1').textContent();

const title = (page: Page, text: string) =>
  page.waitForFunction((t) => document.querySelector('h1')?.textContent === t, text);

const drawnActors = (page: Page) => page.evaluate(() => window.__allegiance!.drawnActors());

describe('column mapping', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => browser?.close());

  it('maps an unrecognised table, remembers the mapping, and re-runs with other options', async () => {
    const page = await openApp(browser, '/', { width: 390, height: 844 });
    const seedTitle = await h1(page);

    // The table is shown, not refused; nothing is imported yet.
    await drop(page, 'parties.csv', FIRST);
    const form = page.getByRole('region', { name: 'Which column is which in parties.csv?' });
    await form.waitFor();
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H2');
    const preview = form.getByRole('region', { name: 'Preview of parties.csv' });
    await expect(preview.getByRole('columnheader').allTextContents()).resolves.toEqual([
      'Row',
      'from_party',
      'to_party',
      'when',
      'tone',
      'comment',
    ]);
    await expect(preview.getByRole('cell', { name: 'Westland' }).count()).resolves.toBe(1);
    // At 390 px the preview scrolls inside its frame; the page itself does not.
    const widths = await preview.evaluate((el) => ({
      frame: el.clientWidth,
      table: el.scrollWidth,
      page: document.documentElement.scrollWidth,
    }));
    expect(widths.table).toBeGreaterThan(widths.frame);
    expect(widths.page).toBeLessThanOrEqual(390);
    const importButton = form.getByRole('button', { name: 'Import', exact: true });
    expect(await importButton.isDisabled()).toBe(true);
    expect(await h1(page)).toBe(seedTitle);

    // Live errors for bad choices; Import only once the mapping is complete and valid.
    await form.getByRole('radio', { name: /an event, with a date and a score/ }).check();
    const select = (label: string) => form.getByRole('combobox', { name: label });
    await select('Source actor (required)').selectOption({ label: 'from_party' });
    await select('Target actor (required)').selectOption({ label: 'from_party' });
    const status = form.getByRole('status');
    await expect(status.textContent()).resolves.toContain(
      'source and target are the same column ("from_party")',
    );
    await select('Target actor (required)').selectOption({ label: 'to_party' });
    await select('Date (required)').selectOption({ label: 'tone' });
    await expect(status.textContent()).resolves.toContain(
      'column "tone", row 2: "-7" is not a date',
    );
    expect(await importButton.isDisabled()).toBe(true);
    await page.addScriptTag({
      path: createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
    });
    const violations = (await page.evaluate(`axe
      .run(document.querySelector('.mapping-form'), { resultTypes: ['violations'] })
      .then((r) => r.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => v.id + ': ' + v.nodes.map((n) => n.target.join(' ')).join(', ')))`)) as string[];
    expect(violations).toEqual([]);
    await select('Date (required)').selectOption({ label: 'when' });
    // The last choice and the import by keyboard alone, with the focus visible.
    await select('Score (required)').focus();
    for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowDown');
    await expect(select('Score (required)').inputValue()).resolves.toBe('3');
    await expect(status.textContent()).resolves.toContain('Ready: all 5 rows read well');
    expect(await preview.getByRole('columnheader', { name: /when/ }).textContent()).toBe(
      'whendate',
    );
    for (
      let i = 0;
      i < 20 && !(await importButton.evaluate((el) => el === document.activeElement));
      i++
    )
      await page.keyboard.press('Tab');
    expect(await importButton.evaluate((el) => el.matches(':focus-visible'))).toBe(true);
    await page.keyboard.press('Enter');

    // The graph shows the mapped actors; Westland has one event, under the default minimum of 2.
    await title(page, 'parties');
    await page.waitForFunction(() => window.__allegiance!.drawnActors().length === 3);
    expect(await drawnActors(page)).toEqual(['Eastland', 'Northland', 'Southland']);
    const panel = page.getByRole('region', { name: 'Import' });
    await expect(panel.textContent()).resolves.toContain('Read with your column mapping — change');

    // An event option: a bad value says why and runs nothing; a good one re-runs the import.
    const options = page.getByRole('region', { name: 'Event options' });
    const minEvents = options.getByRole('textbox', { name: 'Fewest events per window' });
    await minEvents.fill('0');
    await minEvents.press('Enter');
    await expect(options.textContent()).resolves.toContain(
      'Fewest events per window: "0" must be a whole number from 1 to 1000000',
    );
    await minEvents.fill('1');
    await minEvents.press('Enter');
    await page.waitForFunction(() => window.__allegiance!.drawnActors().includes('Westland'));
    await expect(panel.textContent()).resolves.toContain('Imported “parties”');
    // The re-run replaced the first import in the library rather than adding a second.
    await page.waitForFunction(() => {
      const list = document.querySelector('select[aria-label="Dataset"]')?.textContent ?? '';
      return list.match(/parties/g)?.length === 1;
    });

    // The same header again: the remembered mapping is used, and said so.
    await drop(page, 'parties-2003.csv', SECOND);
    await title(page, 'parties-2003');
    await expect(panel.textContent()).resolves.toContain(
      'Used your column mapping for this header — change',
    );
    expect(await drawnActors(page)).toEqual(['Lowland', 'Upland']);

    // A bad row: precise error at the user's own column; the graph stays as it was.
    await drop(page, 'parties-bad.csv', BAD);
    await panel.getByRole('list', { name: 'Errors' }).waitFor();
    await expect(panel.getByRole('list', { name: 'Errors' }).textContent()).resolves.toBe(
      'parties-bad.csv:3:16 row 3, column "when": "next week" is not a date (expected YYYY-MM-DD, YYYYMMDD as GDELT writes it, or YYYY-MM)',
    );
    expect(await h1(page)).toBe('parties-2003');
    expect(await drawnActors(page)).toEqual(['Lowland', 'Upland']);

    // "change" reopens the mapping where it was.
    await panel.getByRole('button', { name: 'Change the column mapping' }).click();
    const again = page.getByRole('region', { name: 'Which column is which in parties-bad.csv?' });
    const score = again.getByRole('combobox', { name: 'Score (required)' });
    await expect(score.inputValue()).resolves.toBe('3');
    await page.close();
  });
});
