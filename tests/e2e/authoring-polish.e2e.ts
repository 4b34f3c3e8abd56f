/**
 * Authoring as a user of a graph editor expects it: renaming an actor's id
 * that the seed's story selects carries the story along (presenting it then
 * selects the renamed actor, with no stale warning); a reload while editing
 * comes back in edit mode with the undo history (another tab opened on the
 * dataset meanwhile shows it read-only), and after "Done editing" it does not;
 * on a phone, a relation's actors are picked by typing (a combobox
 * with the keyboard) and the relation is saved.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openApp } from './browser';

const editBar = (page: Page) => page.getByRole('region', { name: 'Editing' });

async function startEditing(page: Page, { phone = false } = {}) {
  // On a phone the title bar's controls are folded into its menu.
  if (phone) await page.getByRole('button', { name: 'Menu' }).click();
  await page.getByRole('button', { name: 'Edit', exact: true }).click();
  await editBar(page)
    .getByRole('status')
    .first()
    .filter({ hasText: /^Saved$/ })
    .waitFor();
}

/** Clicks the actor where the graph draws it (it is then selected). */
async function clickActor(page: Page, id: string) {
  await page.waitForFunction((actor) => window.__allegiance?.drawnActors().includes(actor), id);
  const at = await page.evaluate(
    (actor) => window.__allegiance!.clientPosition('actor', actor),
    id,
  );
  await page.mouse.click(at!.x, at!.y);
}

describe('authoring polish', () => {
  let browser: Browser;
  let page: Page;
  /** The browser profile of the first two tests: a second tab in it shares its storage. */
  let desktop: BrowserContext;
  beforeAll(async () => {
    browser = await launchBrowser();
    desktop = await browser.newContext({
      viewport: { width: 1280, height: 800 },
      reducedMotion: 'reduce',
    });
  });
  afterAll(async () => browser?.close());

  it('renames an actor a story step selects; presenting the step selects it under its new id', async () => {
    page = await openApp(desktop as unknown as Browser, '/?date=2008');
    await startEditing(page);
    await clickActor(page, 'ttp');
    await page.getByRole('button', { name: 'Edit this actor' }).click();
    const form = page.getByRole('dialog', { name: 'Edit actor' });
    await form.getByLabel('Id', { exact: true }).fill('pakistani-taliban');
    await form.getByRole('button', { name: 'Save' }).click();
    await form.waitFor({ state: 'hidden' });
    await expect(
      editBar(page)
        .getByRole('button', { name: /^Undo: / })
        .getAttribute('aria-label'),
    ).resolves.toMatch(/1 story step naming it/);

    await page.getByRole('button', { name: 'Stories', exact: true }).click();
    const panel = page.getByTestId('story-panel');
    await panel
      .getByRole('button', { name: 'Present “How Pakistan’s Taliban policy backfired”' })
      .click();
    const presentation = page.getByTestId('presentation');
    await presentation.waitFor();
    // The third step is the one that selected “ttp”.
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await presentation.getByText('Step 3 of').waitFor();
    await presentation.getByText('Selected: Pakistani Taliban (TTP)').waitFor();
    expect(await page.getByTestId('presentation-problems').count()).toBe(0);
    await page.waitForURL(/select=actor(:|%3A)pakistani-taliban/);
    await page.keyboard.press('Escape');
    await presentation.waitFor({ state: 'detached' });
  });

  it('comes back in edit mode after a reload, with its undo history, until Done', async () => {
    // The link names the edited copy, and no longer the story, once the view has settled.
    await page.waitForURL(
      (url) => url.search.includes('dataset=') && !url.search.includes('story='),
    );
    await page.reload();
    await page.getByRole('button', { name: 'Edit', exact: true, pressed: true }).waitFor();

    // Edit mode belongs to the tab that edits: another tab of the same browser, opened on the
    // same link, shows the dataset read-only.
    const other = await openApp(desktop as unknown as Browser, new URL(page.url()).search);
    // The edited copy is drawn (the renamed actor): the tab has decided whether to resume.
    await other.waitForFunction(() =>
      window.__allegiance?.drawnActors().includes('pakistani-taliban'),
    );
    const toggle = other.getByRole('button', { name: 'Edit', exact: true });
    await expect(toggle.getAttribute('aria-pressed')).resolves.toBe('false');
    await expect(toggle.isEnabled()).resolves.toBe(true); // not opening for editing either
    expect(await editBar(other).count()).toBe(0);
    await other.close();

    const undo = editBar(page).getByRole('button', { name: /^Undo: / });
    await expect(undo.getAttribute('aria-label')).resolves.toMatch(/id ttp → pakistani-taliban/);
    await undo.click();
    await page.waitForFunction(() => window.__allegiance?.drawnActors().includes('ttp'));
    expect(await page.evaluate(() => window.__allegiance!.drawnActors())).not.toContain(
      'pakistani-taliban',
    );

    await editBar(page).getByRole('button', { name: 'Done editing' }).click();
    await editBar(page).waitFor({ state: 'detached' });
    await page.reload();
    await page.waitForFunction(() => window.__allegiance?.graphMounted());
    await page.getByRole('button', { name: 'Edit', exact: true, pressed: false }).waitFor();
    expect(await editBar(page).count()).toBe(0);
    await page.close();
  });

  it('on a phone, picks a relation’s actors by typing and the keyboard, and saves it', async () => {
    page = await openApp(browser, '/?date=2021-09-01', { width: 390, height: 844 });
    await startEditing(page, { phone: true });
    await editBar(page).getByRole('button', { name: '+ Relation' }).click();
    const form = page.getByRole('dialog', { name: 'New relation' });
    const from = form.getByRole('combobox', { name: 'From actor' });
    const list = form.getByRole('listbox', { name: 'From actor: matching actors' });

    await from.fill('taliban');
    await expect
      .poll(() => list.getByRole('option').allTextContents())
      .toEqual(['Afghan Talibanafghan-taliban', 'Pakistani Taliban (TTP)ttp']);
    await expect(form.getByRole('status').filter({ hasText: '2 actors' }).count()).resolves.toBe(1);
    // The list fits the phone's width.
    const box = (await list.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(390);
    // The first match is highlighted; ↓ moves to the second, Escape closes the list only.
    const active = () => from.getAttribute('aria-activedescendant');
    const first = await active();
    await from.press('ArrowDown');
    await expect.poll(active).not.toBe(first);
    await from.press('Escape');
    await list.waitFor({ state: 'hidden' });
    expect(await form.isVisible()).toBe(true);
    expect(await from.inputValue()).toBe('');
    await from.fill('taliban');
    await from.press('ArrowDown');
    await from.press('Enter');
    await expect(from.inputValue()).resolves.toBe('Pakistani Taliban (TTP)');

    const to = form.getByRole('combobox', { name: 'To actor' });
    await to.fill('ISI');
    await form.getByRole('option', { name: /^Inter-Services Intelligence/ }).waitFor();
    await to.press('Enter');
    await expect(to.inputValue()).resolves.toBe('Inter-Services Intelligence (ISI)');
    await form.getByLabel('Kind').selectOption('hostility');
    await form.getByLabel('From', { exact: true }).fill('2022');
    await form.getByRole('button', { name: 'Add relation' }).click();
    await form.waitFor({ state: 'hidden' });
    await expect(
      editBar(page)
        .getByRole('button', { name: /^Undo: / })
        .getAttribute('aria-label'),
    ).resolves.toBe(
      'Undo: Added hostility “Pakistani Taliban (TTP) – Inter-Services Intelligence (ISI)” (2022 –)',
    );
    await page.close();
  });
});
