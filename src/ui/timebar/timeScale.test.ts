import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayToNumber, formatDay, numberToDay, toDay } from '../../core/dates';
import type { DayNumber } from '../../core/dates';
import {
  axisTicks,
  binEdges,
  binLabel,
  clusterEvents,
  dateLabel,
  dayToFraction,
  fractionToDay,
} from './timeScale';

const iso = (days: readonly number[]) => days.map((d) => formatDay(d));

describe('day ↔ track fraction', () => {
  const start = toDay('1979');
  const end = toDay('2025-06');

  it('maps the range onto 0..1 and clamps outside it', () => {
    expect(dayToFraction(start, start, end)).toBe(0);
    expect(dayToFraction(end, start, end)).toBe(1);
    expect(dayToFraction(start - 100, start, end)).toBe(0);
    expect(dayToFraction(end + 100, start, end)).toBe(1);
    expect(dayToFraction((start + end) / 2, start, end)).toBeCloseTo(0.5);
  });

  it('maps fractions back to whole days in the range', () => {
    expect(fractionToDay(0, start, end)).toBe(start);
    expect(fractionToDay(1, start, end)).toBe(end);
    expect(fractionToDay(-0.5, start, end)).toBe(start);
    expect(fractionToDay(7, start, end)).toBe(end);
    expect(fractionToDay(Number.NaN, start, end)).toBe(start);
  });

  it('round-trips every day of the range', () => {
    fc.assert(
      fc.property(fc.integer({ min: start, max: end }), (day) => {
        expect(fractionToDay(dayToFraction(day, start, end), start, end)).toBe(day);
      }),
    );
  });

  it('survives an empty range', () => {
    expect(dayToFraction(5, 5, 5)).toBe(0);
    expect(fractionToDay(0.7, 5, 5)).toBe(5);
  });
});

describe('histogram bins', () => {
  it('uses one bin per calendar year over a few decades, the last one partial', () => {
    const edges = binEdges(toDay('1979'), toDay('2025-06'));
    expect(edges).toHaveLength(48); // 47 bins: 1979 … 2024 whole, 2025 to June
    expect(formatDay(edges[0]!)).toBe('1979-01-01');
    expect(formatDay(edges[1]!)).toBe('1980-01-01');
    expect(formatDay(edges[46]!)).toBe('2025-01-01');
    expect(formatDay(edges[47]!)).toBe('2025-06-01');
  });

  it('uses months for a short range and aligned multi-year bins for a long one', () => {
    expect(iso(binEdges(toDay('2021-08-15'), toDay('2021-11-03')))).toEqual([
      '2021-08-15',
      '2021-09-01',
      '2021-10-01',
      '2021-11-01',
      '2021-11-03',
    ]);
    const long = binEdges(toDay('1801'), toDay('2001'));
    expect(long.length - 1).toBeLessThanOrEqual(60);
    expect(iso(long.slice(0, 3))).toEqual(['1801-01-01', '1805-01-01', '1810-01-01']);
  });

  it('covers any range with at most maxBins sorted bins', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -200_000, max: 200_000 }),
        fc.integer({ min: 1, max: 100_000 }),
        fc.integer({ min: 5, max: 120 }),
        (start, length, maxBins) => {
          const edges = binEdges(start, start + length, maxBins);
          expect(edges[0]).toBe(start);
          expect(edges[edges.length - 1]).toBe(start + length);
          expect(edges.length - 1).toBeLessThanOrEqual(maxBins + 1);
          for (let i = 1; i < edges.length; i++) expect(edges[i]!).toBeGreaterThan(edges[i - 1]!);
        },
      ),
    );
  });

  it('gives a one-day bin for an empty range rather than none', () => {
    expect(binEdges(10, 10)).toEqual([10, 11]);
  });

  it('labels bins by year, month or span', () => {
    expect(binLabel(toDay('1994'), toDay('1995'))).toBe('1994');
    expect(binLabel(toDay('2021-09'), toDay('2021-10'))).toBe('September 2021');
    expect(binLabel(toDay('1990'), toDay('1995'))).toBe('1990 – 1994');
  });
});

describe('axis ticks', () => {
  const start = toDay('1979');
  const end = toDay('2025-06');

  it('labels years at a step that fits the width', () => {
    const wide = axisTicks(start, end, 900);
    expect(wide.map((t) => t.label)).toEqual([
      '1980',
      '1985',
      '1990',
      '1995',
      '2000',
      '2005',
      '2010',
      '2015',
      '2020',
      '2025',
    ]);
    expect(axisTicks(start, end, 400).map((t) => t.label)).toEqual([
      '1980',
      '1990',
      '2000',
      '2010',
      '2020',
    ]);
    expect(axisTicks(start, end, 0)).toEqual([]);
  });

  it('includes ends on a boundary, and names months on short ranges', () => {
    expect(axisTicks(toDay('2000'), toDay('2010'), 900)[0]!.label).toBe('2000');
    const months = axisTicks(toDay('2021-06'), toDay('2022-03'), 900).map((t) => t.label);
    expect(months).toEqual(['Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec', '2022', 'Feb', 'Mar']);
  });
});

describe('event clusters', () => {
  const ev = (id: string, date: string) => ({ id, day: toDay(date) });
  const events = [
    ev('a', '1980-01-01'),
    ev('b', '2000-01-01'),
    ev('c', '2000-01-01'),
    ev('d', '2000-03-01'),
    ev('e', '2010-01-01'),
  ];
  const start = toDay('1980');
  const end = toDay('2020');

  it('merges markers that would overlap at this width', () => {
    const clusters = clusterEvents(events, start, end, 800, 18);
    expect(clusters.map((c) => c.events.map((e) => e.id))).toEqual([['a'], ['b', 'c', 'd'], ['e']]);
    expect(clusters[0]!.fraction).toBe(0);
    expect(clusters[2]!.fraction).toBeCloseTo(0.75);
  });

  it('does not merge markers that would not touch', () => {
    const apart = [ev('a', '1990-01-01'), ev('b', '1991-01-01'), ev('c', '1992-01-01')];
    // One year is 20 px here: exactly the gap.
    const clusters = clusterEvents(
      apart,
      start,
      toDay('2020'),
      ((toDay('2020') - start) / 365.25) * 20,
      19.9,
    );
    expect(clusters).toHaveLength(3);
  });

  it('separates them on a wide enough track, but never events on the same day', () => {
    const clusters = clusterEvents(events, start, end, 100_000, 18);
    expect(clusters.map((c) => c.events.map((e) => e.id))).toEqual([
      ['a'],
      ['b', 'c'],
      ['d'],
      ['e'],
    ]);
  });

  it('keeps markers at least the gap apart, and every event in order', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: start, max: end }), { minLength: 1, maxLength: 60 }),
        fc.integer({ min: 100, max: 3000 }),
        (days, width) => {
          const sorted = days
            .sort((a, b) => a - b)
            .map((day, i) => ({ id: `e${i}`, day: day as DayNumber }));
          const clusters = clusterEvents(sorted, start, end, width, 18);
          expect(clusters.flatMap((c) => c.events)).toEqual(sorted);
          for (const [i, c] of clusters.entries()) {
            const previous = clusters[i - 1];
            if (previous)
              expect((c.fraction - previous.fraction) * width).toBeGreaterThanOrEqual(18 - 1e-9);
          }
        },
      ),
    );
  });
});

describe('labels', () => {
  it('shows the day when paused and the month while playing', () => {
    expect(dateLabel(toDay('2021-09-04'), false)).toBe('4 September 2021');
    expect(dateLabel(toDay('2021-09-04'), true)).toBe('September 2021');
  });
});

describe('numeric time', () => {
  const start = numberToDay(0);
  const end = numberToDay(190);

  it('ticks and bins at whole numbers, labelled as numbers, never as years or months', () => {
    const ticks = axisTicks(start, end, 800, 56, 'numeric');
    expect(ticks.length).toBeGreaterThan(3);
    for (const t of ticks) expect(t.label).toMatch(/^\d+$/);
    expect(ticks.map((t) => t.label)).toContain('100');
    const edges = binEdges(start, end, 60, 'numeric');
    for (const d of edges.slice(1, -1)) expect(Number.isInteger(dayToNumber(d))).toBe(true);
    expect(binLabel(numberToDay(190), numberToDay(191), 'numeric')).toBe('t = 190');
    expect(binLabel(numberToDay(10), numberToDay(15), 'numeric')).toBe('t = 10 – 14');
    expect(dateLabel(numberToDay(2.5), false, 'numeric')).toBe('t = 2.5');
  });
});
