import { describe, expect, it } from 'vitest';
import { numberToDay, toDay } from '../../core/dates';
import {
  chooseDates,
  composeGrid,
  decadeDates,
  eventDates,
  panelAlt,
  parseDateList,
  suggestedDates,
} from './multiples';

describe('small multiples dates', () => {
  it('gives one panel per event day, titles of the same day joined', () => {
    const dates = eventDates([
      { date: '2021-08-30', title: 'B' },
      { date: '2021-08', title: 'A' },
      { date: '2021-08-30', title: 'C' },
    ]);
    expect(dates).toEqual([
      { day: toDay('2021-08'), label: 'August 2021', note: 'A' },
      { day: toDay('2021-08-30'), label: '30 August 2021', note: 'B · C' },
    ]);
  });

  it('lists decade starts inside the period, then its end when the last decade began long before', () => {
    const seedPeriod = decadeDates(toDay('1979'), toDay('2025-06'));
    expect(seedPeriod.map((d) => d.label)).toEqual([
      '1980',
      '1990',
      '2000',
      '2010',
      '2020',
      'June 2025',
    ]);
    expect(seedPeriod.at(-1)).toMatchObject({ day: toDay('2025-06'), note: 'end of the period' });
    expect(decadeDates(toDay('1979'), toDay('2020-09')).map((d) => d.label)).toEqual([
      '1980',
      '1990',
      '2000',
      '2010',
      '2020',
    ]);
    expect(decadeDates(toDay('1990'), toDay('1990-05')).map((d) => d.label)).toEqual(['1990']);
    expect(decadeDates(toDay('1991'), toDay('1995'))).toEqual([]);
  });

  it('reads the user’s list: sorted, without repeats, with problems in words', () => {
    const { dates, problems } = parseDateList('2025; 1988,  2001-10-07 1988-01 nope 2021-13');
    expect(dates.map((d) => d.label)).toEqual(['1988', '7 October 2001', '2025']);
    expect(problems).toHaveLength(2);
    expect(problems[0]).toContain('nope');
  });

  it('chooses by mode', () => {
    const model = {
      index: { start: toDay('1995'), end: toDay('2012') },
      dataset: { events: [{ date: '2001-09-11', title: 'E' }] },
    };
    expect(chooseDates('events', model, '').dates).toHaveLength(1);
    expect(chooseDates('decades', model, '').dates.map((d) => d.label)).toEqual([
      '2000',
      '2010',
      '2012',
    ]);
    expect(chooseDates('custom', model, '1999 2003').dates).toHaveLength(2);
    expect(suggestedDates(toDay('1979'), toDay('2025'))).toBe('1979, 1994, 2009, 2025');
  });

  it('takes, labels and suggests numbers in a numeric dataset, not calendar dates', () => {
    const model = {
      index: { start: numberToDay(0), end: numberToDay(12) },
      dataset: { events: [{ date: '0002-07-02', title: 'E' }], timeKind: 'numeric' as const },
    };
    const { dates, problems } = chooseDates('custom', model, '2.5, 10 ; 3 2.5 1994-08 x -1');
    expect(dates.map((d) => d.label)).toEqual(['t = 2.5', 't = 3', 't = 10']);
    expect(dates[0]!.day).toBe(numberToDay(2.5));
    // A calendar date is not a time of this dataset; nor is a word or a negative number.
    expect(problems).toEqual([
      '“1994-08” is not a number (write 190 or 2.5)',
      '“x” is not a number (write 190 or 2.5)',
      '“-1” is outside the times a dataset can hold (0 to under 10,000)',
    ]);
    expect(chooseDates('events', model, '').dates.map((d) => d.label)).toEqual(['t = 2.5']);
    expect(chooseDates('decades', model, '').dates.map((d) => d.label)).toEqual([
      't = 0',
      't = 10',
      't = 12',
    ]);
    expect(suggestedDates(model.index.start, model.index.end, 4, 'numeric')).toBe('0, 4, 8, 12');
  });
});

describe('composeGrid', () => {
  const panel = (label: string) => ({
    date: { day: 0, label, note: 'a <note>' },
    svg: {
      svg: '<svg xmlns="http://www.w3.org/2000/svg"><clipPath id="view"/><g clip-path="url(#view)"/></svg>',
      width: 200,
      height: 100,
    },
  });

  it('lays panels out in a grid with labels, escaped, and unique clip ids', () => {
    const out = composeGrid([panel('1990'), panel('2000'), panel('2010')], 'T & U', null, 2);
    expect(out.width).toBe(24 * 2 + 2 * 200 + 16);
    expect(out.svg).toContain('T &amp; U');
    expect(out.svg).toContain('a &lt;note&gt;');
    expect(out.svg).toContain('id="view-2"');
    expect(out.svg).toContain('url(#view-1)');
    expect(out.svg).not.toContain('id="view"');
    expect(out.svg.match(/<g transform="translate/g)).toHaveLength(3);
  });

  it('adds the legend drawn at the picture’s width', () => {
    let asked = 0;
    const out = composeGrid([panel('1990')], 'T', (w) => {
      asked = w;
      return { svg: '<svg id="legend"/>', width: w, height: 40 };
    });
    expect(asked).toBe(out.width);
    expect(out.svg).toContain('<svg id="legend"/>');
  });

  it('describes a panel', () => {
    expect(panelAlt({ day: 0, label: '1994' }, 1, 3)).toBe(
      'The graph at 1994: 3 relations among 1 actor in existence.',
    );
  });
});
