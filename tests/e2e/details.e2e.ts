/**
 * The details panel: clicking an actor or a relation on the canvas shows who
 * and what it is, its relations at the date and the verbatim evidence;
 * links inside the panel navigate, an event moves time to its date, and a
 * relation or an event says what it rests on (the article or history).
 * Expectations come from graph-data/seed.json through the core.
 */
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatDay, humanDate, startDay, toDay } from '../../src/core/dates';
import { buildExplorerModel } from '../../src/core/explorer-model';
import { validateDataset } from '../../src/core/validate';
import { launchBrowser, openApp } from './browser';

const seed = validateDataset(JSON.parse(readFileSync('graph-data/seed.json', 'utf8'))).dataset!;
const model = buildExplorerModel(seed);
const DATE = '2021-09-04';
const DAY = toDay(DATE);
const activeNow = new Set(model.index.stateAt(DAY).relations);
const label = (id: string) => model.actorsById.get(id)!.label;

async function openAt(browser: Browser): Promise<Page> {
  const page = await openApp(browser, `/?date=${DATE}`);
  await page.waitForFunction((d) => window.__allegiance?.date() === d, DATE);
  return page;
}

async function clickOnCanvas(page: Page, kind: 'actor' | 'relation', id: string) {
  const p = await page.evaluate(
    ([k, i]) => window.__allegiance!.clientPosition(k as 'actor' | 'relation', i!),
    [kind, id],
  );
  if (!p) throw new Error(`${kind} ${id} is not drawn`);
  await page.mouse.click(p.x, p.y);
}

const panel = (page: Page) => page.getByTestId('details');
const heading = (page: Page) => panel(page).locator('h2');

function distanceToSegment(p: Pt, a: Pt, b: Pt): number {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const len = dx * dx + dy * dy;
  const t = len === 0 ? 0 : Math.max(0, Math.min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / len));
  return Math.hypot(p.x - (a.x + t * dx), p.y - (a.y + t * dy));
}
interface Pt {
  x: number;
  y: number;
}

/** A drawn relation whose midpoint is farthest from every actor and every other line. */
async function clearRelation(page: Page): Promise<string> {
  const drawn = await page.evaluate(() => window.__allegiance!.drawnRelations());
  const actors = await page.evaluate(() => window.__allegiance!.drawnActors());
  const pos = new Map<string, Pt>();
  for (const id of actors) {
    const p = await page.evaluate((i) => window.__allegiance!.clientPosition('actor', i), id);
    if (p) pos.set(id, p);
  }
  const lines: [string, Pt, Pt][] = [
    ...drawn.map((id) => {
      const r = model.relationsById.get(id)!;
      return [id, pos.get(r.source)!, pos.get(r.target)!] as [string, Pt, Pt];
    }),
    ...seed.actors
      .filter((a) => a.parent && pos.has(a.id) && pos.has(a.parent))
      .map((a) => [`part:${a.id}`, pos.get(a.id)!, pos.get(a.parent!)!] as [string, Pt, Pt]),
  ];
  let best = { id: '', clearance: -1 };
  for (const id of drawn) {
    const mid = await page.evaluate((i) => window.__allegiance!.clientPosition('relation', i), id);
    if (!mid) continue;
    const r = model.relationsById.get(id)!;
    // Parallel relations between the same pair are curved around each other: skip them.
    if (drawn.some((o) => o !== id && sameOrReversePair(model.relationsById.get(o)!, r))) continue;
    const clearance = Math.min(
      ...[...pos.values()].map((p) => Math.hypot(p.x - mid.x, p.y - mid.y)),
      ...lines.filter(([l]) => l !== id).map(([, a, b]) => distanceToSegment(mid, a, b)),
    );
    if (clearance > best.clearance) best = { id, clearance };
  }
  expect(best.clearance).toBeGreaterThan(12);
  return best.id;
}
const sameOrReversePair = (a: { source: string; target: string }, b: typeof a) =>
  (a.source === b.source && a.target === b.target) ||
  (a.source === b.target && a.target === b.source);

describe('details panel', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => browser?.close());

  it('explains what to do when nothing is selected', async () => {
    const page = await openAt(browser);
    await expect(panel(page).textContent()).resolves.toContain('Nothing selected');
    await page.close();
  });

  it('shows an actor clicked on the canvas: type, lifetime and its relations at the date', async () => {
    const page = await openAt(browser);
    await clickOnCanvas(page, 'actor', 'pakistan');
    await expect(heading(page).textContent()).resolves.toBe('Pakistan');
    const actor = model.actorsById.get('pakistan')!;
    const type = model.vocabulary.actorTypes.get(actor.type)!;
    const header = await panel(page).locator('header').textContent();
    expect(header).toContain(type.label);
    expect(header).toContain(humanDate(actor.from!));

    const expected = seed.relations
      .filter((r) => (r.source === 'pakistan' || r.target === 'pakistan') && activeNow.has(r.id))
      .map((r) => r.id)
      .sort();
    const shown = await page
      .getByTestId('actor-current-relations')
      .locator('li[data-relation-id]')
      .evaluateAll((lis) => lis.map((li) => li.getAttribute('data-relation-id')!));
    expect(shown.sort()).toEqual(expected);

    // The full history lists every relation once, the active ones marked "now".
    const history = panel(page).locator('.details__history-item');
    const all = seed.relations.filter((r) => r.source === 'pakistan' || r.target === 'pakistan');
    await expect(history.count()).resolves.toBe(all.length);
    await expect(
      panel(page).locator('.details__history-item[data-active="true"]').count(),
    ).resolves.toBe(expected.length);
    await page.close();
  });

  it('shows a relation clicked on the canvas: kind, interval and the verbatim quotes', async () => {
    const page = await openAt(browser);
    const id = await clearRelation(page);
    await clickOnCanvas(page, 'relation', id);
    const relation = model.relationsById.get(id)!;
    const kind = model.vocabulary.relationKinds.get(relation.kind)!;
    if (relation.label) await expect(heading(page).textContent()).resolves.toBe(relation.label);
    await expect(panel(page).locator('header').textContent()).resolves.toContain(kind.label);
    await expect(panel(page).textContent()).resolves.toContain(kind.polarity);
    const period = await page.getByTestId('relation-period').textContent();
    if (relation.from) expect(period).toContain(humanDate(relation.from));
    if (relation.until) expect(period).toContain(humanDate(relation.until));
    await expect(panel(page).textContent()).resolves.toContain('active at this date');

    const quotes = panel(page).locator('blockquote');
    await expect(quotes.allTextContents()).resolves.toEqual(relation.evidence.map((e) => e.quote));
    // Dataset text is text: no element ever appears inside a quote.
    const childElements = await quotes.evaluateAll((qs) => qs.map((q) => q.children.length));
    expect(childElements.every((n) => n === 0)).toBe(true);
    await page.close();
  });

  it('shows at a glance what a relation and an event rest on, on a phone too', async () => {
    const PHONE = { width: 390, height: 844 };
    const relation = seed.relations.find((r) => r.basis === 'quote' && r.dateBasis === 'history')!;
    const source = seed.sources.find((s) => s.id === relation.evidence[0]!.source)!;
    const page = await openApp(browser, `/?select=relation:${relation.id}`, PHONE);
    const basis = page.getByTestId('basis');
    await basis.waitFor();
    expect(await basis.textContent()).toBe(`Source quoted from ${source.title}`);
    expect(await page.getByTestId('date-basis').textContent()).toBe(
      `History ${relation.reference}`,
    );
    // Labelled terms, and badges told apart by their word and border, not by colour alone.
    await expect(panel(page).locator('dt').allTextContents()).resolves.toEqual(
      expect.arrayContaining(['Basis', 'Dates']),
    );
    const badges = panel(page).locator('.details__basis');
    const looks = await badges.evaluateAll((els) =>
      els.map((el) => [el.textContent, getComputedStyle(el).borderTopStyle]),
    );
    expect(looks).toEqual([
      ['Source', 'solid'],
      ['History', 'dashed'],
    ]);
    for (const box of await Promise.all((await badges.all()).map((b) => b.boundingBox())))
      expect(box!.x + box!.width).toBeLessThanOrEqual(PHONE.width);
    await page.close();

    const event = seed.events.find((e) => e.basis === 'history' && e.evidence.length === 0)!;
    const eventPage = await openApp(browser, `/?select=event:${event.id}`, PHONE);
    const eventBasis = eventPage.getByTestId('basis');
    await eventBasis.waitFor();
    expect(await eventBasis.textContent()).toBe(`History ${event.reference}`);
    // Dates that rest on what the claim rests on get no second line.
    expect(await eventPage.getByTestId('date-basis').count()).toBe(0);
    await eventPage.close();
  });

  it('selects a counterpart clicked in the panel, and focus follows to its heading', async () => {
    const page = await openAt(browser);
    await clickOnCanvas(page, 'actor', 'pakistan');
    const first = page.getByTestId('actor-current-relations').locator('li').first();
    const relationId = (await first.getAttribute('data-relation-id'))!;
    const r = model.relationsById.get(relationId)!;
    const counterpart = r.source === 'pakistan' ? r.target : r.source;
    await first.getByRole('button', { name: label(counterpart), exact: true }).click();
    await expect(heading(page).textContent()).resolves.toBe(label(counterpart));
    await expect(page.evaluate(() => document.activeElement?.tagName)).resolves.toBe('H2');

    await page.close();
  });

  it('goes up the hierarchy through the “Part of” link', async () => {
    const page = await openAt(browser);
    const child = seed.actors.find((a) => a.parent)!;
    await clickOnCanvas(page, 'actor', child.id);
    await expect(heading(page).textContent()).resolves.toBe(child.label);
    const parent = panel(page)
      .locator('.details__facts')
      .getByRole('button', { name: label(child.parent!) });
    await parent.click();
    await expect(heading(page).textContent()).resolves.toBe(label(child.parent!));
    // The parent lists the child among its members.
    await expect(
      panel(page).locator('.details__facts').getByRole('button', { name: child.label }).count(),
    ).resolves.toBe(1);
    await page.close();
  });

  it('moves time to an event chosen in an actor’s panel', async () => {
    const page = await openAt(browser);
    await clickOnCanvas(page, 'actor', 'pakistan');
    const event = model.index.events
      .map((e) => model.eventsById.get(e.id)!)
      .find((e) => e.actors.includes('pakistan') && startDay(e.date) !== DAY)!;
    await panel(page).getByRole('button', { name: event.title }).click();
    const expected = formatDay(startDay(event.date));
    await page.waitForFunction((d) => window.__allegiance?.date() === d, expected);
    await expect(heading(page).textContent()).resolves.toBe(event.title);
    await expect(page.getByTestId('event-date').textContent()).resolves.toBe(humanDate(event.date));
    await page.close();
  });
});
