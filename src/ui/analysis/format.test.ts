import { describe, expect, it } from 'vitest';
import type { PairSegment } from '../../core/analysis';
import { pairStory, percent, plural, segmentPeriod, signSymbol, spanLabel } from './format';
import { toDay } from '../../core/dates';

const seg = (status: PairSegment['status'], from?: string, until?: string): PairSegment => ({
  status,
  startDay: from ? toDay(from) : -Infinity,
  endDay: until ? toDay(until) : Infinity,
  relations: [],
  ...(from ? { from } : {}),
  ...(until ? { until } : {}),
});

describe('analysis wording', () => {
  it('tells a pair story at the precision of its dates', () => {
    expect(pairStory([seg('positive', '1994', '2022'), seg('negative', '2022')])).toBe(
      'Positive 1994 – 2022, then negative since 2022.',
    );
    expect(pairStory([seg('neutral', undefined, '2021-08')])).toBe(
      'Contact only until August 2021.',
    );
    expect(pairStory([])).toBe('No relation between them in the dataset.');
  });

  it('leaves gaps out of the story', () => {
    expect(
      pairStory([
        seg('positive', '1990', '1995'),
        seg('none', '1995', '2000'),
        seg('mixed', '2000'),
      ]),
    ).toBe('Positive 1990 – 1995, then mixed (positive and negative) since 2000.');
  });

  it('formats shares, signs, counts and spans', () => {
    expect([percent(2 / 3), percent(1), percent(null)]).toEqual(['67%', '100%', '—']);
    expect([1, -1, 0].map(signSymbol)).toEqual(['+', '−', '0']);
    expect([plural(1, 'pair'), plural(3, 'pair')]).toEqual(['1 pair', '3 pairs']);
    expect(segmentPeriod({})).toBe('throughout');
    expect(spanLabel(toDay('2021-08-15'), toDay('2021-08-30'))).toBe('August 2021');
    expect(spanLabel(toDay('1994'), toDay('2001-05'))).toBe('January 1994 – May 2001');
  });

  it('reads a numeric dataset’s time as numbers, never as calendar dates', () => {
    // GEXF integer time: 190 is stored as the first day of the year 0190.
    const segments = [seg('positive', '0190', '0195'), seg('negative', '0195')];
    expect(segmentPeriod(segments[0]!, 'numeric')).toBe('t = 190 – t = 195');
    expect(pairStory(segments, 'numeric')).toBe(
      'Positive t = 190 – t = 195, then negative since t = 195.',
    );
    expect(spanLabel(toDay('0190'), toDay('0195'), 'numeric')).toBe('t = 190 – t = 195');
  });
});
