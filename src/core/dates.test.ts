import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  civilToDays,
  dateProblem,
  dayToNumber,
  humanDate,
  humanDay,
  humanInterval,
  numberToDay,
  shortDay,
  daysToCivil,
  formatDay,
  parseDate,
  toDay,
} from './dates';

describe('dates', () => {
  it('keeps the precision it was given', () => {
    expect(parseDate('1994')).toEqual({ year: 1994, precision: 'year' });
    expect(parseDate('2021-08')).toEqual({ year: 2021, month: 8, precision: 'month' });
    expect(parseDate('2021-08-30')).toEqual({ year: 2021, month: 8, day: 30, precision: 'day' });
  });

  it('maps a partial date to the first day of its period', () => {
    expect(toDay('1970')).toBe(0);
    expect(toDay('1970-01-02')).toBe(1);
    expect(toDay('2021-08')).toBe(toDay('2021-08-01'));
    expect(toDay('1969-12-31')).toBe(-1);
    expect(toDay('2000-03-01') - toDay('2000-02-28')).toBe(2); // 2000 is a leap year
    expect(toDay('1900-03-01') - toDay('1900-02-28')).toBe(1); // 1900 is not
  });

  it('formats back at its own precision', () => {
    for (const s of ['1994', '2021-08', '2021-08-30', '0001-01-01', '9999-12-31']) {
      const p = parseDate(s).precision;
      expect(formatDay(toDay(s), p)).toBe(s);
    }
    expect(humanDate('1994')).toBe('1994');
    expect(humanDate('2021-08')).toBe('August 2021');
    expect(humanDate('2021-08-30')).toBe('30 August 2021');
  });

  it.each([
    ['2021-13', 'month 13'],
    ['1994-02-30', 'February 1994 has 28 days'],
    ['2023-02-29', 'February 2023 has 28 days'],
    ['21-08', 'not an ISO 8601 date'],
    ['2021-8-1', 'not an ISO 8601 date'],
    ['2021-00', 'month 00'],
    ['2021-04-31', 'April 2021 has 30 days'],
    ['', 'not an ISO 8601 date'],
    ['2021-08-30T10:00', 'not an ISO 8601 date'],
  ])('rejects %j', (text, reason) => {
    expect(dateProblem(text)).toContain(reason);
    expect(() => parseDate(text)).toThrow(reason);
  });

  it('accepts 29 February in leap years only', () => {
    expect(dateProblem('2024-02-29')).toBeNull();
    expect(dateProblem('2000-02-29')).toBeNull();
    expect(dateProblem('1900-02-29')).not.toBeNull();
  });

  it('round-trips every day between civil dates and day numbers', () => {
    fc.assert(
      fc.property(fc.integer({ min: -700_000, max: 2_900_000 }), (n) => {
        const { year, month, day } = daysToCivil(n);
        expect(civilToDays(year, month, day)).toBe(n);
      }),
    );
  });

  it('agrees with the JavaScript Date for UTC days', () => {
    fc.assert(
      fc.property(fc.integer({ min: -200_000, max: 200_000 }), (n) => {
        const d = new Date(n * 86_400_000);
        expect(daysToCivil(n)).toEqual({
          year: d.getUTCFullYear(),
          month: d.getUTCMonth() + 1,
          day: d.getUTCDate(),
        });
      }),
    );
  });
});

describe('numeric time', () => {
  it('maps every day to the shortest number that maps back to it (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: civilToDays(0, 1, 1), max: civilToDays(9999, 12, 31) }),
        (n) => {
          const v = dayToNumber(n);
          expect(numberToDay(v)).toBe(n);
          expect(String(v).split('.')[1]?.length ?? 0).toBeLessThanOrEqual(3);
        },
      ),
    );
  });

  it('keeps whole and simple fractional numbers as written', () => {
    for (const v of [0, 2, 190, 2.5, 2005.5, 9999.25]) expect(dayToNumber(numberToDay(v))).toBe(v);
  });

  it('shows numbers as "t = …", never as a year or a calendar date', () => {
    expect(humanDate('0190', 'numeric')).toBe('t = 190');
    expect(humanDate('0000', 'numeric')).toBe('t = 0');
    expect(humanDay(numberToDay(190), 'day', 'numeric')).toBe('t = 190');
    expect(humanDay(numberToDay(2.5), 'day', 'numeric')).toBe('t = 2.5');
    expect(humanDay(numberToDay(2.5), 'year', 'numeric')).toBe('t = 2');
    expect(humanDay(numberToDay(2.26), 'month', 'numeric')).toBe('t = 2.3');
    expect(humanInterval('0002', undefined, 'numeric')).toBe('t = 2 – ongoing');
    expect(shortDay(numberToDay(190), 'numeric')).toBe('190');
    // Calendar datasets read as before.
    expect(humanDate('0190')).toBe('190');
    expect(humanDay(civilToDays(2021, 8, 30))).toBe('30 August 2021');
    expect(shortDay(civilToDays(2021, 8, 30))).toBe('2021');
  });
});
