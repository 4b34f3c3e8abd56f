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

/**
 * What a dataset's dates mean. `calendar` (the default): dates on the calendar. `numeric`: time
 * is a number without a calendar (GEXF `integer` or `double` time, e.g. steps 0 to 190), stored as
 * dates by {@link numberToDay} and shown back as numbers ("t = 190"), never as a year or a date.
 */
export type TimeKind = 'calendar' | 'numeric';

const yearLength = (year: number) => (isLeapYear(year) ? 366 : 365);

/**
 * The day that stands for a numeric time v: the year ⌊v⌋, and v's fraction as the share of
 * that year (v = 2005.5 is 2 July 2005; 190 is 1 January 0190). The caller keeps ⌊v⌋ within
 * the years ISO dates can write (0000–9999).
 */
export function numberToDay(v: number): DayNumber {
  const year = Math.floor(v);
  // The epsilon keeps a decimal written for a day's start (2 + 182/365) on that day.
  const dayOfYear = Math.floor((v - year) * yearLength(year) + 1e-9);
  return (civilToDays(year, 1, 1) + dayOfYear) as DayNumber;
}

/**
 * The shortest decimal that {@link numberToDay} maps back to `day`. Three places always do:
 * a day is 1/366 of a unit or more, wider than 0.001.
 */
export function dayToNumber(day: number): number {
  const { year } = daysToCivil(day);
  const exact = year + (Math.floor(day) - civilToDays(year, 1, 1)) / yearLength(year);
  // The day covers [exact, exact + 1/365): the smallest decimal at or above its start, with as
  // few places as lie within it.
  for (let places = 0; places <= 3; places++) {
    const scale = 10 ** places;
    const v = Math.ceil(exact * scale - 1e-6) / scale + 0; // + 0: never -0
    if (numberToDay(v) === Math.floor(day)) return v;
  }
  return exact;
}

/** A numeric time at a precision: whole at `year`, one decimal at `month`, exact at `day`. */
function numberText(day: number, precision: Precision): string {
  if (precision === 'year') return String(daysToCivil(day).year);
  const v = dayToNumber(day);
  return String(precision === 'month' ? Number(v.toFixed(1)) : v);
}

/**
 * A date as a reader expects it: "1994", "August 2021", "30 August 2021"; in a numeric
 * dataset, the number it stands for: "t = 190", "t = 2.5".
 */
export function humanDate(text: string, kind: TimeKind = 'calendar'): string {
  const d = parseDate(text);
  if (kind === 'numeric') return `t = ${numberText(toDay(text), d.precision)}`;
  if (d.precision === 'year') return String(d.year);
  const month = MONTHS[(d.month ?? 1) - 1];
  if (d.precision === 'month') return `${month} ${d.year}`;
  return `${d.day} ${month} ${d.year}`;
}

/** Human reading of a day number at a precision ("t = 190" in a numeric dataset). */
export function humanDay(
  day: DayNumber | number,
  precision: Precision = 'day',
  kind: TimeKind = 'calendar',
): string {
  if (!Number.isFinite(day)) return day < 0 ? 'the beginning' : 'now';
  if (kind === 'numeric') return `t = ${numberText(day, precision)}`;
  return humanDate(formatDay(day, precision));
}

/** An axis or range label: a year, or a bare number in a numeric dataset ("190", not "0190"). */
export function shortDay(day: DayNumber | number, kind: TimeKind = 'calendar'): string {
  if (kind === 'numeric') return numberText(day, 'day');
  return String(daysToCivil(day).year);
}

/** An interval `from`–`until` at the precision each end was written with. */
export function humanInterval(
  from: string | undefined,
  until: string | undefined,
  kind: TimeKind = 'calendar',
): string {
  const a = from === undefined ? 'always' : humanDate(from, kind);
  const b = until === undefined ? 'ongoing' : humanDate(until, kind);
  return `${a} – ${b}`;
}

/** Adds calendar months (negative to go back), keeping the day of month where it exists. */
export function addMonths(day: number, months: number): DayNumber {
  const { year, month, day: d } = daysToCivil(day);
  const total = year * 12 + (month - 1) + months;
  const y = Math.floor(total / 12);
  const m = (total % 12) + 1;
  return civilToDays(y, m, Math.min(d, daysInMonth(y, m)));
}

/** Today, as a day number (UTC). */
export function dayOfTimestamp(ms: number): DayNumber {
  return Math.floor(ms / 86_400_000) as DayNumber;
}
