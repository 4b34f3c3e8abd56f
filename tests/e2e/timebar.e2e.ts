/**
 * The time bar in a real browser: the slider's accessibility, playback,
 * event stepping, keyboard shortcuts, event markers, the histogram, pointer
 * scrubbing and narrow layouts. Expected values come from the seed through
 * the core (and the time bar's own pure scale), never from the page.
 */
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatDay, humanDate, humanDay, toDay } from '../../src/core/dates';
import { buildIndex } from '../../src/core/temporal';
import { validateDataset } from '../../src/core/validate';
import { addMonths, SPEEDS } from '../../src/store/store';
import { binEdges, fractionToDay } from '../../src/ui/timebar/timeScale';
import { launchBrowser, openApp, pixelStats } from './browser';

const seed = validateDataset(JSON.parse(readFileSync('graph-data/seed.json', 'utf8'))).dataset!;
const index = buildIndex(seed);
const eventDays = [...new Set(index.events.map((e) => e.day))];

const date = (page: Page) => page.evaluate(() => window.__allegiance!.date());
const playing = (page: Page) => page.evaluate(() => window.__allegiance!.playing());
const drawn = (page: Page) => page.evaluate(() => window.__allegiance!.drawnRelations());
const button = (page: Page, name: string) => page.getByRole('button', { name, exact: true });
const slider = (page: Page) => page.getByRole('slider', { name: 'Date' });

describe('time bar', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => browser?.close());

  it('is a labelled slider whose value text is the shown date', async () => {
    const page = await openApp(browser, '/?date=2021-09-04');
    const s = slider(page);
    await expect(s.getAttribute('aria-valuemin')).resolves.toBe(String(index.start));
    await expect(s.getAttribute('aria-valuemax')).resolves.toBe(String(index.end));
    await expect(s.getAttribute('aria-valuenow')).resolves.toBe(String(toDay('2021-09-04')));
    const text = await s.getAttribute('aria-valuetext');
    expect(text).toBe(humanDay(toDay('2021-09-04')));
    await expect(page.getByTestId('current-date').textContent()).resolves.toBe(text);
    await page.close();
  });

  it('plays forward, changing the graph, and pause stops it', async () => {
    const page = await openApp(browser);
    await button(page, 'Jump to start').click();
    expect(await date(page)).toBe(formatDay(index.start));
    const before = await drawn(page);
    await page.getByRole('combobox', { name: 'Speed' }).selectOption({ label: SPEEDS[4].label });

    await button(page, 'Play').click();
    // Playing for more than a year of data (a fraction of a second at this speed).
    await page.waitForFunction(
      (yearOn) => window.__allegiance!.date() > yearOn,
      formatDay(index.start + 365),
    );
    expect(await playing(page)).toBe(true);
    // While playing the readout shows the month only.
    expect(await page.getByTestId('current-date').textContent()).toMatch(/^[A-Z][a-z]+ \d{4}$/);
    const reached = toDay(await date(page));
    expect(reached).toBeGreaterThan(index.start + 365);
    expect(index.stateAt(reached).relations).not.toEqual(index.stateAt(index.start).relations);
    expect(await drawn(page)).not.toEqual(before);

    await button(page, 'Pause').click();
    const stopped = await date(page);
    // Playback advances on every animation frame: after 30 frames a running clock would have
    // moved the date by weeks.
    await page.evaluate(async () => {
      for (let i = 0; i < 30; i++) await new Promise(requestAnimationFrame);
    });
    expect(await date(page)).toBe(stopped);
    expect(await playing(page)).toBe(false);
    await expect(button(page, 'Play').isVisible()).resolves.toBe(true);
    await page.close();
  });

  it('steps exactly onto each event date, forwards and back', async () => {
    const page = await openApp(browser);
    await button(page, 'Jump to start').click();
    const ahead = eventDays.filter((d) => d > index.start);
    for (const day of ahead) {
      await button(page, 'Next event').click();
      expect(await date(page)).toBe(formatDay(day));
    }
    await expect(button(page, 'Next event').getAttribute('aria-disabled')).resolves.toBe('true');
    await button(page, 'Next event').click({ force: true }); // unavailable: stays put
    expect(await date(page)).toBe(formatDay(ahead[ahead.length - 1]!));

    for (const day of ahead.slice(0, -1).reverse()) {
      await button(page, 'Previous event').click();
      expect(await date(page)).toBe(formatDay(day));
    }
    await page.close();
  });

  it('answers the keyboard on the slider and anywhere on the page', async () => {
    const page = await openApp(browser, '/?date=2021-09-04');
    const s = slider(page);
    await s.focus();
    let day = toDay('2021-09-04');
    const expectDay = async (d: number) => expect(await date(page)).toBe(formatDay(d));

    await page.keyboard.press('ArrowRight');
    await expectDay((day = addMonths(day, 1)));
    await page.keyboard.press('ArrowLeft');
    await expectDay((day = addMonths(day, -1)));
    await page.keyboard.press('PageUp');
    await expectDay((day = addMonths(day, 12)));
    await page.keyboard.press('Shift+ArrowLeft');
    await expectDay((day = addMonths(day, -12)));
    await page.keyboard.press('PageDown');
    await expectDay((day = addMonths(day, -12)));
    await expect(s.getAttribute('aria-valuetext')).resolves.toBe(humanDay(day));
    await page.keyboard.press('Home');
    await expectDay(index.start);
    await page.keyboard.press('End');
    await expectDay(index.end);

    await page.keyboard.press('Space');
    expect(await playing(page)).toBe(true);
    await page.keyboard.press('Space');
    expect(await playing(page)).toBe(false);

    const here = toDay(await date(page));
    const first = index.nextEvent(here)!.day;
    const second = index.nextEvent(first)!.day;
    await page.keyboard.press(']');
    await expectDay(first);
    await page.keyboard.press(']');
    await expectDay(second);
    await page.keyboard.press('[');
    await expectDay(first);

    // From the page itself (nothing focused) the arrows step months too.
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    const atBody = toDay(await date(page));
    await page.keyboard.press('ArrowRight');
    await expectDay(addMonths(atBody, 1));
    await page.close();
  });

  it('leaves Space to focused buttons and text fields', async () => {
    const page = await openApp(browser);
    const loop = page.getByRole('button', { name: 'Loop' });
    await loop.focus();
    await page.keyboard.press('Space');
    await expect(loop.getAttribute('aria-pressed')).resolves.toBe('true');
    expect(await playing(page)).toBe(false);

    const search = page.getByRole('combobox', { name: /search/i });
    await search.focus();
    await page.keyboard.type('a ]');
    expect(await playing(page)).toBe(false);
    await expect(search.inputValue()).resolves.toBe('a ]');
    expect(await date(page)).toBe(formatDay(index.end));
    await page.close();
  });

  it('shows event titles on hover and moves to an event when its marker is clicked', async () => {
    const page = await openApp(browser);
    const markers = page.locator('.timebar__marker');
    const groups = await markers.evaluateAll((els) =>
      els.map((el) => el.getAttribute('data-event-ids')!.split(' ')),
    );
    // Every event has exactly one marker.
    expect(groups.flat().sort()).toEqual(seed.events.map((e) => e.id).sort());

    const single = groups.findIndex((g) => g.length === 1);
    const event = seed.events.find((e) => e.id === groups[single]![0])!;
    await markers.nth(single).hover();
    const tip = page.getByRole('tooltip');
    await expect(tip.textContent()).resolves.toContain(event.title);
    await expect(tip.textContent()).resolves.toContain(humanDate(event.date));
    await markers.nth(single).click();
    expect(await date(page)).toBe(formatDay(toDay(event.date)));
    await expect(markers.nth(single).getAttribute('data-selected')).resolves.toBe('true');

    // A merged marker lists its events; choosing one moves there.
    const merged = groups.findIndex((g) => g.length > 1);
    await markers.nth(merged).click();
    const list = page.getByRole('dialog');
    const items = list.getByRole('button');
    await expect(items.count()).resolves.toBe(groups[merged]!.length);
    // One tab stop: the first event has focus and is the only item in the tab order; the arrow
    // keys move between the events.
    const focused = () => page.evaluate(() => document.activeElement?.textContent ?? '');
    await expect(focused()).resolves.toBe(await items.nth(0).textContent());
    expect(await items.evaluateAll((els) => els.filter((e) => e.tabIndex === 0).length)).toBe(1);
    await page.keyboard.press('ArrowDown');
    await expect(focused()).resolves.toBe(await items.nth(1).textContent());
    await page.keyboard.press('ArrowUp');
    await expect(focused()).resolves.toBe(await items.nth(0).textContent());
    const second = seed.events.find((e) => e.id === groups[merged]![1])!;
    await items.nth(1).click();
    expect(await date(page)).toBe(formatDay(toDay(second.date)));
    await expect(list.count()).resolves.toBe(0);
    await page.close();
  });

  it('draws an activity histogram that matches the index', async () => {
    const page = await openApp(browser);
    const bins = await page.locator('.timebar__bin').evaluateAll((els) =>
      els.map((el) => ({
        start: Number(el.getAttribute('data-start')),
        end: Number(el.getAttribute('data-end')),
        positive: Number(el.getAttribute('data-positive')),
        negative: Number(el.getAttribute('data-negative')),
        neutral: Number(el.getAttribute('data-neutral')),
        bars: el.querySelectorAll('.timebar__bar').length,
      })),
    );
    const expected = index.activity(binEdges(index.start, index.end));
    expect(bins.map(({ bars: _, ...b }) => b)).toEqual(expected);
    // A couple of bins by hand: the first and the busiest, with a bar per non-zero polarity.
    const total = (b: (typeof expected)[number]) => b.positive + b.negative + b.neutral;
    const busiest = expected.indexOf(expected.reduce((a, b) => (total(b) > total(a) ? b : a)));
    for (const i of [0, busiest]) {
      const b = expected[i]!;
      expect(bins[i]!.bars).toBe([b.positive, b.negative, b.neutral].filter((n) => n > 0).length);
    }
    expect(total(expected[busiest]!)).toBeGreaterThan(0);

    const stats = pixelStats(await page.locator('.timebar__histogram').screenshot());
    expect(stats.variance).toBeGreaterThan(50);
    expect(stats.inked).toBeGreaterThan(0.1);
    await page.close();
  });

  it('jumps where the track is clicked and follows a drag', async () => {
    const page = await openApp(browser);
    const box = (await slider(page).boundingBox())!;
    const y = box.y + box.height / 2;
    // One pixel of track is this many days: the tolerance of a pointer position.
    const perPixel = (index.end - index.start) / box.width;
    const near = async (f: number) => {
      const got = toDay(await date(page));
      expect(Math.abs(got - fractionToDay(f, index.start, index.end))).toBeLessThanOrEqual(
        Math.ceil(perPixel),
      );
    };
    await page.mouse.click(box.x + box.width * 0.25, y);
    await near(0.25);
    await expect(slider(page).evaluate((el) => el === document.activeElement)).resolves.toBe(true);

    await page.mouse.move(box.x + box.width * 0.3, y);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.6, y, { steps: 5 });
    await near(0.6);
    // Pointer capture: the drag continues below the bar and clamps past its end.
    await page.mouse.move(box.x + box.width + 200, y + 150, { steps: 5 });
    await page.mouse.up();
    expect(await date(page)).toBe(formatDay(index.end));
    await page.close();
  });

  it('fits narrow and wide windows without overflowing', async () => {
    for (const viewport of [
      { width: 700, height: 900 },
      { width: 1920, height: 1080 },
    ]) {
      const page = await openApp(browser, '/', viewport);
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - window.innerWidth,
      );
      expect(overflow).toBeLessThanOrEqual(0);
      for (const name of ['Jump to start', 'Previous event', 'Play', 'Next event', 'Jump to end']) {
        const b = (await button(page, name).boundingBox())!;
        expect(b.x).toBeGreaterThanOrEqual(0);
        expect(b.x + b.width).toBeLessThanOrEqual(viewport.width);
      }
      const track = (await slider(page).boundingBox())!;
      expect(track.width).toBeGreaterThan(viewport.width * 0.5);
      await page.close();
    }
  });
});
