/**
 * Stories: built through the story panel, kept across a reload, presented
 * (caption and date change with each step, keys work, auto-advance moves the
 * time bar through the years between two steps, Escape leaves); a story
 * naming a relation its dataset lacks is reported precisely and plays on; and
 * a quote a step shows follows an edit of the evidence it quotes (a step
 * whose quoted evidence is removed is named in the edit bar), and Undo.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openApp } from './browser';

const shownDate = (page: Page) => page.getByTestId('presentation-date').textContent();
const graphDate = (page: Page) => page.evaluate(() => window.__allegiance!.date());

/** Waits until the presentation shows this caption. */
async function showsCaption(page: Page, text: string): Promise<void> {
  await page.getByTestId('presentation-caption').filter({ hasText: text }).waitFor();
}

/** Records in the page, every animation frame, the day the graph shows (to see time pass). */
async function recordDates(page: Page): Promise<void> {
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { seenDates: string[] }).seenDates = seen;
    const tick = () => {
      seen.push(window.__allegiance!.date());
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
}

describe('stories', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => browser?.close());

  it('builds a story in the panel, keeps it across a reload, presents it with keys and auto-advance', async () => {
    const page = await openApp(browser, '/?date=1990-01-01');
    await page.getByRole('button', { name: 'Stories', exact: true }).click();
    const panel = page.getByTestId('story-panel');
    // The seed's own story is there.
    await panel.getByText('How Pakistan’s Taliban policy backfired').waitFor();

    await panel.getByLabel('New story').fill('Three dates');
    await panel.getByRole('button', { name: 'Create' }).click();
    const slider = page.getByRole('slider', { name: 'Date' });
    const captions = ['Before: the war against the Soviets.', 'Five years on.', 'Ten years on.'];
    for (const [i, text] of captions.entries()) {
      if (i > 0) {
        // Five years later: PageUp on the date slider moves a year.
        await slider.focus();
        for (let k = 0; k < 5; k++) await slider.press('PageUp');
      }
      await panel.getByRole('button', { name: '+ Add step from the current view' }).click();
      await panel.getByLabel(`Caption of step ${i + 1}`).fill(text);
    }
    await expect
      .poll(() => panel.getByRole('listitem', { name: /^Step \d$/ }).allTextContents())
      .toEqual([
        expect.stringContaining('1 January 1990'),
        expect.stringContaining('1 January 1995'),
        expect.stringContaining('1 January 2000'),
      ]);
    await panel.getByText('Changes kept in this browser.').waitFor();

    // Kept: after a reload the story is listed with its three steps.
    await page.reload();
    await page.waitForFunction(() => window.__allegiance !== undefined);
    await page.getByRole('button', { name: 'Stories', exact: true }).click();
    await panel.getByText('3 steps').waitFor();
    const present = panel.getByRole('button', { name: 'Present “Three dates”' });
    const exploredDate = await graphDate(page);
    await present.click();

    // Present mode: the caption and the date change with each step; the graph follows.
    await showsCaption(page, captions[0]!);
    expect(await shownDate(page)).toBe('1 January 1990');
    expect(await page.getByRole('region', { name: /Presenting the story/ }).isVisible()).toBe(true);
    expect(await page.locator('.title-bar').isVisible()).toBe(false);
    await page.keyboard.press('ArrowRight');
    await showsCaption(page, captions[1]!);
    expect(await shownDate(page)).toBe('1 January 1995');
    expect(await graphDate(page)).toBe('1995-01-01');
    await page.keyboard.press('PageDown');
    await showsCaption(page, captions[2]!);
    expect(await graphDate(page)).toBe('2000-01-01');
    await page.keyboard.press('ArrowLeft');
    await showsCaption(page, captions[1]!);
    await page.keyboard.press('Space');
    await showsCaption(page, captions[2]!);
    await page.keyboard.press('PageUp');
    await showsCaption(page, captions[1]!);
    // A link to this step opens the story there (the URL settles after 400 ms).
    await page.waitForURL(/story=three-dates&step=2/);

    // Escape leaves: the explorer is back at its date, focus on the Present button.
    await page.keyboard.press('Escape');
    await page.getByTestId('presentation').waitFor({ state: 'detached' });
    expect(await graphDate(page)).toBe(exploredDate);
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label')))
      .toBe('Present “Three dates”');

    // Auto-advance: after the first step's reading time, time runs to the next step's date.
    await present.click();
    await showsCaption(page, captions[0]!);
    await recordDates(page);
    await page.getByRole('button', { name: '▶ Auto-play' }).click();
    await page
      .getByTestId('presentation-caption')
      .filter({ hasText: captions[1]! })
      .waitFor({ timeout: 20_000 });
    const seen = await page.evaluate(
      () => (window as unknown as { seenDates: string[] }).seenDates,
    );
    const between = seen.filter((d) => d > '1990-01-01' && d < '1995-01-01');
    expect(new Set(between).size).toBeGreaterThan(3); // the thumb moved through the years
    await page.getByRole('button', { name: '❚❚ Pause' }).click();
    await page.keyboard.press('Escape');
    await page.close();
  });

  it('reports a step naming a missing relation precisely, and plays the rest', async () => {
    const page = await openApp(browser, '/');
    const dataset = {
      title: 'Stale story',
      period: { from: '1995', until: '2015' },
      actors: [
        { id: 'north', label: 'Northland', type: 'state' },
        { id: 'south', label: 'Southland', type: 'state' },
      ],
      relations: [{ id: 'r1', source: 'north', target: 'south', kind: 'alliance', from: '2000' }],
      stories: [
        {
          id: 'stale',
          title: 'A stale story',
          steps: [
            { date: '2001', caption: 'The alliance.', selection: { kind: 'relation', id: 'r1' } },
            {
              date: '2005',
              caption: 'A relation since deleted.',
              selection: { kind: 'relation', id: 'r9' },
            },
            { date: '2010', caption: 'And after.', selection: { kind: 'actor', id: 'south' } },
          ],
        },
      ],
    };
    await page.locator('input[type=file][aria-label="Choose files to import"]').setInputFiles({
      name: 'stale.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(dataset)),
    });
    const message = 'story "stale", step 2: selects relation "r9", which does not exist';
    // The import reports it as a warning; the dataset loads.
    await page.getByText(message).first().waitFor();
    await page.waitForFunction(() => document.querySelector('h1')?.textContent === 'Stale story');

    await page.getByRole('button', { name: 'Stories', exact: true }).click();
    const panel = page.getByTestId('story-panel');
    await panel
      .getByRole('button', { name: /A stale story/ })
      .first()
      .click();
    expect(await panel.getByTestId('story-problems').textContent()).toContain(message);

    await panel.getByRole('button', { name: '▶ Present' }).click();
    await showsCaption(page, 'The alliance.');
    expect(await page.getByTestId('presentation-problems').count()).toBe(0);
    await page.keyboard.press('ArrowRight');
    await showsCaption(page, 'A relation since deleted.');
    expect(await page.getByTestId('presentation-problems').textContent()).toContain(message);
    expect(await graphDate(page)).toBe('2005-01-01');
    await page.keyboard.press('ArrowRight');
    await showsCaption(page, 'And after.');
    expect(await shownDate(page)).toBe('2010');
    expect(await page.getByTestId('presentation-problems').count()).toBe(0);
    expect(await page.getByText('Selected: Southland').isVisible()).toBe(true);
    await page.close();
  });

  it('moves a step’s quote with an edit of the evidence it quotes, names a step that lost one, and Undo restores both', async () => {
    const page = await openApp(browser, '/');
    const oldWords = 'They signed the pact in spring.';
    const newWords = 'They signed the pact in the spring of 2001.';
    const dataset = {
      title: 'Quoted pact',
      period: { from: '1995', until: '2015' },
      sources: [{ id: 'minutes', title: 'Council minutes' }],
      actors: [
        { id: 'north', label: 'Northland', type: 'state' },
        { id: 'south', label: 'Southland', type: 'state' },
      ],
      relations: [
        {
          id: 'pact',
          source: 'north',
          target: 'south',
          kind: 'alliance',
          from: '1990',
          evidence: [{ source: 'minutes', quote: oldWords }],
        },
      ],
      stories: [
        {
          id: 'pact-story',
          title: 'The pact',
          steps: [
            {
              date: '2001',
              caption: 'The pact is signed.',
              selection: { kind: 'relation', id: 'pact' },
              quote: { source: 'minutes', text: oldWords },
            },
          ],
        },
      ],
    };
    await page.locator('input[type=file][aria-label="Choose files to import"]').setInputFiles({
      name: 'pact.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(dataset)),
    });
    await page.waitForFunction(() => document.querySelector('h1')?.textContent === 'Quoted pact');
    const editBar = page.getByRole('region', { name: 'Editing' });
    await page.getByRole('button', { name: 'Edit', exact: true }).click();
    await editBar
      .getByRole('status')
      .first()
      .filter({ hasText: /^Saved$/ })
      .waitFor();

    // The relation selected on the canvas, then its quote reworded in the edit form.
    await page.waitForFunction(() => window.__allegiance?.drawnRelations().includes('pact'));
    const at = (await page.evaluate(() =>
      window.__allegiance!.clientPosition('relation', 'pact'),
    ))!;
    await page.mouse.click(at.x, at.y);
    await page.getByRole('button', { name: 'Edit this relation' }).click();
    const form = page.getByRole('dialog', { name: 'Edit relation' });
    await form.getByLabel('Quote (verbatim)').fill(newWords);
    await form.getByRole('button', { name: 'Save' }).click();
    await form.waitFor({ state: 'hidden' });
    const undo = editBar.getByRole('button', { name: /^Undo: / });
    await expect(undo.getAttribute('aria-label')).resolves.toMatch(/the quote of 1 story step\)$/);

    /** Presents the story and returns the quote its step shows (null: none), then leaves. */
    const presentedQuote = async () => {
      await page.getByRole('button', { name: 'Stories', exact: true }).click();
      await page
        .getByTestId('story-panel')
        .getByRole('button', { name: 'Present “The pact”' })
        .click();
      await showsCaption(page, 'The pact is signed.');
      // The caption and the quote are drawn together.
      const shown = page.locator('.presentation__quote p');
      const quote = (await shown.count()) > 0 ? await shown.textContent() : null;
      expect(await page.getByTestId('presentation-problems').count()).toBe(0);
      await page.keyboard.press('Escape');
      await page.getByTestId('presentation').waitFor({ state: 'detached' });
      return quote;
    };
    expect(await presentedQuote()).toBe(`“${newWords}”`);

    await undo.click();
    await editBar.getByRole('button', { name: /^Redo: / }).waitFor();
    expect(await presentedQuote()).toBe(`“${oldWords}”`);

    // The quoted evidence removed: the edit applies, the step loses its quote (none shown, no
    // problem reported) and the edit bar names it; that notice's Undo brings both back. The
    // relation is still selected: its details are under the story panel.
    await page.getByRole('tab', { name: 'Details' }).click();
    await page.getByRole('button', { name: 'Edit this relation' }).click();
    await form.getByRole('button', { name: 'Remove quote 1' }).click();
    await form.getByRole('button', { name: 'Save' }).click();
    await form.waitFor({ state: 'hidden' });
    const lost = editBar.getByRole('alert');
    await expect(lost.textContent()).resolves.toContain(`Story “The pact”, step 1: “${oldWords}”`);
    expect(await presentedQuote()).toBeNull();
    await lost.getByRole('button', { name: 'Undo the edit, keep the quote' }).click();
    await lost.waitFor({ state: 'detached' });
    expect(await presentedQuote()).toBe(`“${oldWords}”`);
    await page.close();
  });
});
