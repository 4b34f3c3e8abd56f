/**
 * Dates with their precision kept.
 *
 * Datasets write ISO 8601 calendar dates at the precision the source gives:
 * `1994`, `2021-08` or `2021-08-30`. For computation a date becomes a
 * {@link DayNumber}: whole days since 1970-01-01 in the proleptic Gregorian
 * calendar. A partial date stands for the first day of its period, so
 * `until: "2001"` ends a relation as 2001 begins (intervals are half-open:
 * `from <= t < until`).
 */

/** Whole days since 1970-01-01; ±Infinity for open interval ends. */
export type DayNumber = number & { readonly __brand: 'DayNumber' };

export type Precision = 'year' | 'month' | 'day';

export interface PartialDate {
  readonly year: number;
  readonly month?: number;
  readonly day?: number;
  readonly precision: Precision;
}

export const NEG_INF = -Infinity as DayNumber;
export const POS_INF = Infinity as DayNumber;

const ISO_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  return [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/**
 * Explains why `text` is not a valid ISO date, or returns null when it is.
 * The message is meant for users: it says what the date should look like.
 */
export function dateProblem(text: string): string | null {
  const m = ISO_DATE.exec(text);
  if (!m) return 'is not an ISO 8601 date (expected YYYY, YYYY-MM or YYYY-MM-DD)';
  const year = Number(m[1]);
  if (m[2] !== undefined) {
    const month = Number(m[2]);
    if (month < 1 || month > 12) return `has month ${m[2]}, which is not between 01 and 12`;
    if (m[3] !== undefined) {
      const day = Number(m[3]);
      const max = daysInMonth(year, month);
      if (day < 1 || day > max)
        return `has day ${m[3]}, but ${MONTHS[month - 1]} ${year} has ${max} days`;
    }
  }
  return null;
}

/** Parses an ISO date at its precision; throws with {@link dateProblem}'s message. */
export function parseDate(text: string): PartialDate {
  const problem = dateProblem(text);
  if (problem) throw new RangeError(`"${text}" ${problem}`);
  const [y, mo, d] = text.split('-').map(Number) as [number, number?, number?];
  if (d !== undefined) return { year: y, month: mo, day: d, precision: 'day' };
  if (mo !== undefined) return { year: y, month: mo, precision: 'month' };
  return { year: y, precision: 'year' };
}

/** Days since 1970-01-01 of a proleptic Gregorian date (Hinnant's days_from_civil). */
export function civilToDays(year: number, month: number, day: number): DayNumber {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return (era * 146097 + doe - 719468) as DayNumber;
}

/** Inverse of {@link civilToDays}. */
export function daysToCivil(days: number): { year: number; month: number; day: number } {
  const z = Math.floor(days) + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** The first day of a (partial) ISO date, as a day number. Throws on invalid dates. */
export function toDay(text: string): DayNumber {
  const d = parseDate(text);
  return civilToDays(d.year, d.month ?? 1, d.day ?? 1);
}

/** Like {@link toDay} but for optional interval ends: absent `from` is -∞, absent `until` +∞. */
export function startDay(text: string | undefined): DayNumber {
  return text === undefined ? NEG_INF : toDay(text);
}
export function endDay(text: string | undefined): DayNumber {
  return text === undefined ? POS_INF : toDay(text);
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** Formats a day number back to ISO at the given precision (`1994`, `1994-02`, `1994-02-03`). */
export function formatDay(day: DayNumber | number, precision: Precision = 'day'): string {
  if (day === -Infinity) return '−∞';
  if (day === Infinity) return '∞';
  const { year, month, day: d } = daysToCivil(day);
  const y = pad(year, 4);
  if (precision === 'year') return y;
  if (precision === 'month') return `${y}-${pad(month, 2)}`;
  return `${y}-${pad(month, 2)}-${pad(d, 2)}`;
}

/** A date as a reader expects it: "1994", "August 2021", "30 August 2021". */
export function humanDate(text: string): string {
  const d = parseDate(text);
  if (d.precision === 'year') return String(d.year);
  const month = MONTHS[(d.month ?? 1) - 1];
  if (d.precision === 'month') return `${month} ${d.year}`;
  return `${d.day} ${month} ${d.year}`;
}

/** Human reading of a day number at a precision. */
export function humanDay(day: DayNumber | number, precision: Precision = 'day'): string {
  if (!Number.isFinite(day)) return day < 0 ? 'the beginning' : 'now';
  return humanDate(formatDay(day, precision));
}

/** An interval `from`–`until` at the precision each end was written with. */
export function humanInterval(from: string | undefined, until: string | undefined): string {
  const a = from === undefined ? 'always' : humanDate(from);
  const b = until === undefined ? 'ongoing' : humanDate(until);
  return `${a} – ${b}`;
}

/** Today, as a day number (UTC). */
export function dayOfTimestamp(ms: number): DayNumber {
  return Math.floor(ms / 86_400_000) as DayNumber;
}
