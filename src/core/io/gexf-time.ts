/**
 * GEXF time values as our ISO dates (docs/FORMATS.md, "GEXF time").
 *
 * - `date`: `YYYY-MM-DD` (a time-zone suffix is ignored); partial ISO dates are accepted.
 * - `dateTime`: the date part is kept; the time of day is dropped.
 * - `integer`, `double` (and 1.1's `float`): a number v is the year ⌊v⌋ and
 *   its fraction the share of that year (v = 2005.5 is 2 July 2005); whole
 *   numbers give year precision (`0002`). Years must lie within 0000–9999.
 * - no `timeformat`: values that look like dates are dates, others numbers.
 */
import { civilToDays, dateProblem, formatDay, isLeapYear } from '../dates';

export type TimeFormat = 'date' | 'dateTime' | 'integer' | 'double' | 'auto';

/** A time value read: its ISO date, or why it cannot be one. */
export type TimeRead = { iso: string; lossy?: 'time-of-day' | 'numeric' } | { error: string };

// A Map: the name is file text, and a plain object would answer "constructor" or "__proto__".
const FORMATS = new Map<string, TimeFormat>([
  ['date', 'date'],
  ['datetime', 'dateTime'],
  ['integer', 'integer'],
  ['double', 'double'],
  ['float', 'double'],
]);

/** The time format a `timeformat` (or 1.1's `timetype`) names; undefined if unknown. */
export function timeFormatOf(name: string | undefined): TimeFormat | undefined {
  if (name === undefined) return 'auto';
  return FORMATS.get(name.trim().toLowerCase());
}

const DATE_LIKE = /^(\d{4}(?:-\d{2}(?:-\d{2})?)?)(T[\d:.]+)?(Z|[+-]\d{2}:?\d{2})?$/;

function readDate(text: string, format: TimeFormat): TimeRead {
  const m = DATE_LIKE.exec(text);
  if (!m) {
    const expected = format === 'dateTime' ? 'YYYY-MM-DDThh:mm:ss' : 'YYYY-MM-DD';
    return { error: `is not a ${format} (expected ${expected})` };
  }
  const iso = m[1]!;
  const problem = dateProblem(iso);
  if (problem) return { error: problem };
  return m[2] !== undefined ? { iso, lossy: 'time-of-day' } : { iso };
}

function readNumber(text: string, format: TimeFormat): TimeRead {
  const v = Number(text);
  if (text === '' || !Number.isFinite(v))
    return { error: `is not a number (timeformat "${format}")` };
  if (format === 'integer' && !Number.isInteger(v))
    return { error: 'is not a whole number (timeformat "integer")' };
  const year = Math.floor(v);
  if (year < 0 || year > 9999)
    return {
      error: `would be the year ${year}: numeric time is read as years, and a year must lie within 0000–9999`,
    };
  const fraction = v - year;
  if (fraction === 0) return { iso: String(year).padStart(4, '0'), lossy: 'numeric' };
  const dayOfYear = Math.floor(fraction * (isLeapYear(year) ? 366 : 365));
  return { iso: formatDay(civilToDays(year, 1, 1) + dayOfYear, 'day'), lossy: 'numeric' };
}

/** Reads one time value in a format; see the module comment for the rules. */
export function readTime(raw: string, format: TimeFormat): TimeRead {
  const text = raw.trim();
  switch (format) {
    case 'date':
    case 'dateTime':
      return readDate(text, format);
    case 'integer':
    case 'double':
      return readNumber(text, format);
    case 'auto':
      return /^\d{4}-\d{2}/.test(text) ? readDate(text, 'dateTime') : readNumber(text, 'double');
  }
}

/** Bounds written in GEXF 1.3's `intervals` attribute: `[a, b]; [c, d]` (optionally in `<…>`). */
export function parseIntervalList(text: string): { start?: string; end?: string }[] | undefined {
  const body = text.trim().replace(/^<(.*)>$/s, '$1');
  const out: { start?: string; end?: string }[] = [];
  for (const part of body.split(';')) {
    if (part.trim() === '') continue;
    const m = /^\s*[[(]\s*([^,]*?)\s*,\s*([^\])]*?)\s*[\])]\s*$/.exec(part);
    if (!m) return undefined;
    const open = (s: string) => s === '' || /^[-+]?(inf|infinity)$/i.test(s);
    out.push({
      ...(open(m[1]!) ? {} : { start: m[1] }),
      ...(open(m[2]!) ? {} : { end: m[2] }),
    });
  }
  return out;
}
