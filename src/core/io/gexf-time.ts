/**
 * GEXF time values as our ISO dates (docs/FORMATS.md, "GEXF time").
 *
 * - `date`: `YYYY-MM-DD` (a time-zone suffix is ignored); partial ISO dates are accepted.
 * - `dateTime`: the date part is kept; the time of day is dropped.
 * - `integer`, `double` (and 1.1's `float`): numeric time. The dataset is marked
 *   `timeKind: "numeric"` and shows numbers ("t = 190"); a number v is stored as
 *   the date `numberToDay` gives (the year ⌊v⌋, its fraction the share of that
 *   year), so whole numbers give year precision (`0190`) and a fraction is kept
 *   to a day of that year (1/365 of a unit). ⌊v⌋ must lie within 0–9999.
 * - no `timeformat`: values that look like dates are dates, others numbers.
 */
import { dateProblem, dayToNumber, formatDay, numberToDay } from '../dates';

export type TimeFormat = 'date' | 'dateTime' | 'integer' | 'double' | 'auto';

/**
 * A time value read: its ISO date, or why it cannot be one. `numeric`: the value was a number
 * (see the module comment); `lossy`: what the date could not keep (a time of day, or a
 * fraction finer than a day of the year).
 */
export type TimeRead =
  { iso: string; numeric?: true; lossy?: 'time-of-day' | 'fraction' } | { error: string };

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
      error: `is outside the numeric time this reader keeps: from 0 to 9999`,
    };
  if (v === year) return { iso: String(year).padStart(4, '0'), numeric: true };
  const day = numberToDay(v);
  const iso = formatDay(day, 'day');
  return dayToNumber(day) === v
    ? { iso, numeric: true }
    : { iso, numeric: true, lossy: 'fraction' };
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
