/**
 * Authoring (issue #17): the seed opens for editing as a stored copy; an actor
 * and a hostility relation with a quote from a new source (its text attached,
 * the quote found in it) appear on the canvas, go with Undo, come back with
 * Redo and are there after a reload. An interval that ends before it starts
 * shows its error beside the field and cannot be saved. Two tabs editing the
 * same dataset: the later save is refused with a message, the stored dataset
 * keeps the first tab's edit and the second tab keeps its own as a copy.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openApp } from './browser';

const drawnActors = (page: Page) => page.evaluate(() => window.__allegiance!.drawnActors());
const drawnRelations = (page: Page) => page.evaluate(() => window.__allegiance!.drawnRelations());

/** Waits until the graph draws the relation (or, with `drawn` false, no longer draws it). */
const waitForRelation = (page: Page, id: string, drawn = true) =>
  page.waitForFunction(
    ([rel, want]) => window.__allegiance?.drawnRelations().includes(rel as string) === want,
    [id, drawn] as const,
  );
const waitForActor = (page: Page, id: string, drawn = true) =>
  page.waitForFunction(
    ([actor, want]) => window.__allegiance?.drawnActors().includes(actor as string) === want,
    [id, drawn] as const,
  );

/** The one element of `after` not in `before`. */
function added(before: string[], after: string[]): string {
  const extra = after.filter((id) => !before.includes(id));
  expect(extra).toHaveLength(1);
  return extra[0]!;
}

const editBar = (page: Page) => page.getByRole('region', { name: 'Editing' });
const saveStatus = (page: Page) => editBar(page).getByRole('status').first();

/**
 * Edit mode on, ready: the Edit button pressed, or with `resumed`, the page came back in edit
 * mode by itself (reloaded, or opened on a dataset being edited).
 */
async function startEditing(page: Page, { resumed = false } = {}) {
  if (!resumed) await page.getByRole('button', { name: 'Edit', exact: true }).click();
  await page.getByRole('button', { name: 'Edit', exact: true, pressed: true }).waitFor();
  await saveStatus(page)
    .filter({ hasText: /^Saved$/ })
    .waitFor();
}

/** Adds an actor through the form; returns its id as the graph draws it. */
async function addActor(page: Page, name: string): Promise<string> {
  const before = await drawnActors(page);
  await editBar(page).getByRole('button', { name: '+ Actor' }).click();
  const form = page.getByRole('dialog', { name: 'New actor' });
  await form.getByLabel('Name', { exact: true }).fill(name);
  await form.getByLabel('Type', { exact: true }).selectOption('armed-group');
  await form.getByRole('button', { name: 'Add actor' }).click();
  await form.waitFor({ state: 'hidden' });
  await page.waitForFunction(
    (n) => window.__allegiance!.drawnActors().length === n,
    before.length + 1,
  );
  return added(before, await drawnActors(page));
}

/** Picks an actor in a form's actor picker by typing its name and pressing Enter. */
async function pickActor(form: Locator, label: string, name: string) {
  const picker = form.getByRole('combobox', { name: label });
  await picker.fill(name);
  await form
    .getByRole('option', { name: new RegExp(`^${name}`) })
    .first()
    .waitFor();
  await picker.press('Enter');
  await expect(picker.inputValue()).resolves.toBe(name);
}

/**
 * The dataset menu's entry for the library dataset on screen, with its counts ("… (20 actors,
 * 54 relations)"), once the library's listing is read.
 */
const listedEntry = async (page: Page): Promise<string> =>
  (
    await page.waitForFunction(() => {
      const select = document.querySelector<HTMLSelectElement>('select[aria-label="Dataset"]');
      const shown = select?.selectedOptions[0]?.textContent ?? '';
      return / relations\)$/.test(shown) ? shown : null;
    })
  ).jsonValue() as Promise<string>;

describe('authoring', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let militia: string;

  beforeAll(async () => {
    browser = await launchBrowser();
    context = await browser.newContext({ reducedMotion: 'reduce' });
    page = await openApp(context as unknown as Browser);
  });
  afterAll(async () => browser?.close());

  it('creates an actor and a hostility relation with a quote; undo, redo and reload keep it right', async () => {
    await startEditing(page);
    await expect(editBar(page).textContent()).resolves.toContain('(edited copy)');
    // The URL follows the view once it has settled (urlSync.ts), not at once.
    await page.waitForURL(/dataset=/);
    militia = await addActor(page, 'Border militia');

    const before = await drawnRelations(page);
    await editBar(page).getByRole('button', { name: '+ Relation' }).click();
    const form = page.getByRole('dialog', { name: 'New relation' });
    await pickActor(form, 'From actor', 'Border militia');
    await pickActor(form, 'To actor', 'Pakistan');
    await form.getByLabel('Kind').selectOption('hostility');
    await form.getByLabel('From', { exact: true }).fill('2020-03');
    await form.getByRole('button', { name: 'Add a quote' }).click();
    // A new source, its full text pasted, then the quote checked against it.
    await form.getByRole('button', { name: 'New source…' }).click();
    await form.getByLabel('Title of the new source').fill('Field notes');
    await form.getByRole('button', { name: 'Add source' }).click();
    await expect(form.getByLabel('Source', { exact: true }).inputValue()).resolves.toBe(
      'field-notes',
    );
    const quote = 'the militia shelled the border post at dawn';
    await form.getByLabel('Quote (verbatim)').fill(quote);
    await form.getByRole('button', { name: 'Attach the source’s text…' }).click();
    await form
      .getByLabel('Paste the text')
      .fill(`Reports from March 2020 say ${quote}, and again a week later.`);
    await form.getByRole('button', { name: 'Keep this text' }).click();
    await expect(form.locator('.edit-quote-check mark').textContent()).resolves.toBe(quote);
    await form.getByRole('button', { name: 'Add relation' }).click();
    await form.waitFor({ state: 'hidden' });
    await page.waitForFunction(
      (n) => window.__allegiance!.drawnRelations().length === n,
      before.length + 1,
    );
    const relation = added(before, await drawnRelations(page));
    await saveStatus(page)
      .filter({ hasText: /^Saved$/ })
      .waitFor();

    const undo = editBar(page).getByRole('button', { name: /^Undo: / });
    await expect(undo.getAttribute('aria-label')).resolves.toMatch(/Border militia|Pakistan/);
    await undo.click();
    await waitForRelation(page, relation, false);
    await editBar(page)
      .getByRole('button', { name: /^Redo: / })
      .click();
    await waitForRelation(page, relation);
    await saveStatus(page)
      .filter({ hasText: /^Saved$/ })
      .waitFor();

    await page.reload();
    await page.waitForFunction(() => window.__allegiance?.graphMounted());
    await waitForRelation(page, relation);
    await waitForActor(page, militia);

    // The page comes back in edit mode, with the history: the changelog lists the three edits.
    await startEditing(page, { resumed: true });
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      editBar(page).getByRole('button', { name: 'Changelog (.md)' }).click(),
    ]);
    const changelog = await readFile((await download.path())!, 'utf8');
    const lines = changelog.split('\n').filter((line) => /^\d+\. /.test(line));
    expect(lines).toHaveLength(3);
    expect(lines[0]).toContain('Border militia');
    expect(lines[1]).toContain('Field notes');
    await editBar(page).getByRole('button', { name: 'Done editing' }).click();
    await editBar(page).waitFor({ state: 'detached' });
  });

  it('shows an interval that ends before it starts beside the field, and never saves it', async () => {
    const listed = await listedEntry(page);
    await startEditing(page);
    await editBar(page).getByRole('button', { name: '+ Relation' }).click();
    const form = page.getByRole('dialog', { name: 'New relation' });
    await pickActor(form, 'From actor', 'Border militia');
    await pickActor(form, 'To actor', 'India');
    await form.getByLabel('From', { exact: true }).fill('2010');
    const until = form.getByLabel('Until (exclusive)');
    await until.fill('2005');
    await expect(until.getAttribute('aria-invalid')).resolves.toBe('true');
    const errorIds = (await until.getAttribute('aria-describedby'))!.split(' ');
    const errors = await Promise.all(
      errorIds.map((id) => page.locator(`[id="${id}"]`).textContent()),
    );
    expect(errors.join(' ')).toMatch(/before|after/);
    const add = form.getByRole('button', { name: 'Add relation' });
    await expect(add.isDisabled()).resolves.toBe(true);
    await until.press('Enter'); // submitting by the keyboard is refused as well
    await expect(form.isVisible()).resolves.toBe(true);
    // The form with its errors shown: labelled fields, valid references, legible contrast.
    await page.addScriptTag({
      path: createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
    });
    const violations = (await page.evaluate(`axe
      .run(document.querySelector('dialog.edit-form'), { resultTypes: ['violations'] })
      .then((r) => r.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => v.id + ': ' + v.nodes.map((n) => n.target.join(' ')).join(', ')))`)) as string[];
    expect(violations).toEqual([]);
    await form.getByRole('button', { name: 'Cancel' }).last().click();
    await page.reload();
    await page.waitForFunction(() => window.__allegiance?.graphMounted());
    await expect(listedEntry(page)).resolves.toBe(listed);
  });

  it('refuses the later of two tabs’ saves with a message, and loses neither edit', async () => {
    const first = page;
    // The second tab opens the dataset the first shows (the edited copy): by its link, once the
    // link names it (the URL follows the view when it has settled).
    const shown = await first.getByRole('combobox', { name: 'Dataset' }).inputValue();
    await first.waitForFunction((id) => location.search.includes(id), shown);
    const second = await openApp(context as unknown as Browser, new URL(first.url()).search);
    // The page starts on the seed and then opens the linked dataset: edit that one, not the seed.
    await second.waitForFunction(
      (id) =>
        document.querySelector<HTMLSelectElement>('select[aria-label="Dataset"]')?.value === id,
      shown,
    );
    // The first tab was reloaded while editing: it comes back in edit mode. The second opens
    // the dataset read-only (edit mode belongs to the tab that edits) and is switched to it.
    await startEditing(first, { resumed: true });
    await waitForActor(second, militia); // the edited copy is drawn: resuming was decided
    const toggle = second.getByRole('button', { name: 'Edit', exact: true });
    await expect(toggle.getAttribute('aria-pressed')).resolves.toBe('false');
    await expect(toggle.isEnabled()).resolves.toBe(true);
    expect(await editBar(second).count()).toBe(0);
    await startEditing(second);

    const fromFirst = await addActor(first, 'First tab’s actor');
    const fromSecond = await addActor(second, 'Second tab’s actor');
    const alert = editBar(second).getByRole('alert');
    await alert.waitFor();
    await expect(alert.textContent()).resolves.toMatch(/Another tab saved changes/);
    await expect(saveStatus(second).textContent()).resolves.toMatch(/Not saved/);

    // What is stored has the first tab's edit, not the second's.
    await first.reload();
    await first.waitForFunction(() => window.__allegiance?.graphMounted());
    await waitForActor(first, fromFirst);
    expect(await drawnActors(first)).not.toContain(fromSecond);

    // The second tab still shows its own edit, and keeps it as a copy.
    expect(await drawnActors(second)).toContain(fromSecond);
    await alert.getByRole('button', { name: 'Keep mine as a copy' }).click();
    await saveStatus(second)
      .filter({ hasText: /^Saved$/ })
      .waitFor();
    await expect(listedEntry(second)).resolves.toMatch(/\(my edits\)/);
    // The link names the copy (once the view has settled), so a reload opens it.
    const copy = await second.getByRole('combobox', { name: 'Dataset' }).inputValue();
    await second.waitForFunction((id) => location.search.includes(id), copy);
    await second.reload();
    await second.waitForFunction(() => window.__allegiance?.graphMounted());
    await waitForActor(second, fromSecond);
  });
});
