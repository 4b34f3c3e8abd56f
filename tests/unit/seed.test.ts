/**
 * The seed dataset: valid, rich enough to explore, and honest: every quote
 * appears verbatim in the article it cites.
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { restsOnHistory } from '../../src/core/basis';
import { endDay, startDay, toDay } from '../../src/core/dates';
import { formatProblem } from '../../src/core/problems';
import type { Story } from '../../src/core/schema';
import { validateDataset } from '../../src/core/validate';

/** The article the seed quotes: the repository's copy is the reference. */
const COPY = 'graph-data/sources/000_ad93c0ebc40b9a3e.txt';
/** The original it was copied from, beside the repository in the project's workspace only. */
const ORIGINAL = '../shared/seeds/000_ad93c0ebc40b9a3e.txt';

const result = validateDataset(
  JSON.parse(readFileSync('graph-data/seed.json', 'utf8')),
  'seed.json',
);
const seed = result.dataset!;
const items = [
  ...seed.relations.map((r) => ['relation', r] as const),
  ...seed.events.map((e) => ['event', e] as const),
];
const actor = (id: string) => seed.actors.find((a) => a.id === id)!;
/** True when the actor exists throughout [from, until) (day numbers, until exclusive). */
const alive = (id: string, from: number, until: number) =>
  startDay(actor(id).from) <= from && until <= endDay(actor(id).until);

describe('seed dataset', () => {
  it('validates without errors or warnings', () => {
    expect(result.errors.map(formatProblem)).toEqual([]);
    expect(result.warnings.map(formatProblem)).toEqual([]);
  });

  it('ships the article it quotes', () => {
    expect(readFileSync(COPY, 'utf8').length).toBeGreaterThan(5000);
  });

  // An extra check, skipped (and reported as skipped) in a clone without ../shared beside it.
  it.runIf(existsSync(ORIGINAL))(
    'extra, where ../shared/seeds exists: the copy is the original, byte for byte',
    () => {
      expect(readFileSync(COPY)).toEqual(readFileSync(ORIGINAL));
    },
  );

  it('quotes the article verbatim in every evidence item', () => {
    const article = readFileSync(COPY, 'utf8');
    const missing: string[] = [];
    for (const [what, item] of items)
      for (const ev of item.evidence)
        if (!article.includes(ev.quote))
          missing.push(`${what} ${item.id}: ${JSON.stringify(ev.quote)}`);
    expect(missing).toEqual([]);
  });

  it('says what every relation and event rests on, quoting whatever rests on the article', () => {
    const problems: string[] = [];
    for (const [what, item] of items) {
      if (item.basis === undefined) problems.push(`${what} ${item.id}: no basis`);
      const onQuote = item.basis === 'quote' || item.dateBasis === 'quote';
      if (onQuote && item.evidence.length === 0)
        problems.push(`${what} ${item.id}: rests on the article but quotes nothing`);
      if (restsOnHistory(item) && !item.reference?.trim())
        problems.push(`${what} ${item.id}: rests on history without a reference`);
    }
    expect(problems).toEqual([]);
  });

  it('says where dates come from: the article gives almost none', () => {
    const undated = [...seed.relations, ...seed.events]
      .filter((x) => !x.note?.trim())
      .map((x) => x.id);
    expect(undated).toEqual([]);
  });

  it('names no actor in an event outside its lifetime', () => {
    const outside = seed.events.flatMap((e) =>
      e.actors
        .filter((id) => !alive(id, toDay(e.date), toDay(e.date) + 1))
        .map((id) => `${e.id} (${e.date}): ${id}`),
    );
    expect(outside).toEqual([]);
  });

  it('shows no actor before it existed: lifetimes for all but old states, relations inside them', () => {
    const open = seed.actors.filter((a) => a.from === undefined).map((a) => a.id);
    expect(open.filter((id) => actor(id).type !== 'state')).toEqual([]);
    const outside = seed.relations
      .filter(
        (r) =>
          !alive(r.source, startDay(r.from), endDay(r.until)) ||
          !alive(r.target, startDay(r.from), endDay(r.until)),
      )
      .map((r) => r.id);
    expect(outside).toEqual([]);
  });

  // Scrubbing from 1979 to 2025 never crosses a silent stretch: something starts, ends or
  // happens in every five years, and the picture is never nearly empty.
  it.each(Array.from({ length: 10 }, (_, k) => 1979 + 5 * k))(
    'tells a story in the five years from %i',
    (year) => {
      const [a, b] = [toDay(String(year)), toDay(String(Math.min(year + 5, 2026)))];
      const inWindow = (day: number) => day >= a && day < b;
      const changes = seed.relations.filter(
        (r) => inWindow(startDay(r.from)) || inWindow(endDay(r.until)),
      );
      const events = seed.events.filter((e) => inWindow(toDay(e.date)));
      expect(changes.length + events.length).toBeGreaterThanOrEqual(2);
      // From the first full year of the war: 1979 before the invasion is the prologue.
      for (let y = Math.max(year, 1980); y < Math.min(year + 5, 2026); y++) {
        const day = toDay(`${y}-07-01`);
        const active = seed.relations.filter(
          (r) => startDay(r.from) <= day && day < endDay(r.until),
        );
        expect(active.length, `relations active on 1 July ${y}`).toBeGreaterThanOrEqual(5);
      }
    },
  );

  it('dates well-known turning points to the day, inside their actors’ lifetimes', () => {
    const date = (id: string) => seed.events.find((e) => e.id === id)?.date;
    expect(date('e-soviet-invasion')).toBe('1979-12-24');
    expect(date('e-ussr-dissolution')).toBe('1991-12-26');
    expect(date('e-doha-agreement')).toBe('2020-02-29');
    expect(date('e-ttp-ceasefire-ends')).toBe('2022-11-28');
    expect(date('e-india-taliban-dubai')).toBe('2025-01-08');
  });

  it('splits Pakistan’s support for the Taliban into its phases, then tension and hostility', () => {
    const phases = seed.relations
      .filter((r) => r.source === 'pakistan' && r.target === 'afghan-taliban')
      .map((r) => [r.kind, r.from, r.until]);
    expect(phases).toEqual([
      ['support', '1994', '2001-09-19'],
      ['support', '2001-09-19', '2021-08-15'],
      ['support', '2021-08-15', '2022-04-16'],
      ['tension', '2022-04-16', undefined],
      ['hostility', '2022-12-11', undefined],
    ]);
  });

  it('is rich enough to explore', () => {
    expect(seed.actors.length).toBeGreaterThanOrEqual(15);
    expect(seed.relations.length).toBeGreaterThanOrEqual(50);
    expect(seed.events.length).toBeGreaterThanOrEqual(35);
    const ids = new Set(seed.actors.map((a) => a.id));
    for (const id of [
      'pakistan',
      'isi',
      'faiz-hameed',
      'mujahideen',
      'afghan-taliban',
      'haqqani-network',
      'ttp',
      'isis-k',
      'india',
      'usa',
      'ussr',
    ])
      expect(ids, id).toContain(id);
    expect(seed.actors.find((a) => a.id === 'isi')?.parent).toBe('pakistan');
  });
});

/** The seed's story: every caption quotes the article verbatim, and every step resolves. */
describe('seed story', () => {
  const file = JSON.parse(readFileSync('graph-data/seed.json', 'utf8')) as {
    stories: Story[];
  };
  const story = file.stories.find((s) => s.id === 'taliban-policy-backfired')!;

  it('tells how the policy backfired in 6 to 10 steps, from 1979 to 2025', () => {
    expect(story.title).toBe('How Pakistan’s Taliban policy backfired');
    expect(story.steps.length).toBeGreaterThanOrEqual(6);
    expect(story.steps.length).toBeLessThanOrEqual(10);
    const years = story.steps.map((s) => Number((s.date ?? s.period!.from).slice(0, 4)));
    expect(years[0]).toBeGreaterThanOrEqual(1979);
    expect(years.at(-1)).toBe(2025);
    expect([...years].sort((a, b) => a - b)).toEqual(years);
  });

  it('quotes the article verbatim in every step, citing it', () => {
    const article = readFileSync(COPY, 'utf8');
    const problems = story.steps.flatMap((step, i) =>
      !step.quote
        ? [`step ${i + 1}: no quote`]
        : step.quote.source !== 'article'
          ? [`step ${i + 1}: cites ${step.quote.source}`]
          : article.includes(step.quote.text)
            ? []
            : [`step ${i + 1}: ${JSON.stringify(step.quote.text)}`],
    );
    expect(problems).toEqual([]);
  });

  it('refers only to what the seed has, and quotes only its evidence', () => {
    const merged = validateDataset({
      ...JSON.parse(readFileSync('graph-data/seed.json', 'utf8')),
      stories: file.stories,
    });
    expect(merged.errors.map(formatProblem)).toEqual([]);
    expect(merged.warnings.map(formatProblem)).toEqual([]);
  });
});
