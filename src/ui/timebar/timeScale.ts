/**
 * Pure geometry and labels of the time bar: where a day sits along the
 * track, calendar-aligned histogram bins and axis ticks, and event markers
 * merged when they would overlap. Everything is in fractions of the track
 * (0 at the dataset's start, 1 at its end) so the histogram, the markers and
 * the slider line up whatever the width.
 */
import {
  civilToDays,
  daysToCivil,
  humanDay,
  shortDay,
  type DayNumber,
  type TimeKind,
} from '../../core/dates';
import type { IndexedEvent } from '../../core/temporal';

/** Where `day` sits along [start, end], clamped to 0..1. */
export function dayToFraction(day: number, start: number, end: number): number {
  if (!(end > start)) return 0;
  return Math.min(1, Math.max(0, (day - start) / (end - start)));
}

/** The whole day at fraction `f` of [start, end], clamped to the range. */
export function fractionToDay(f: number, start: number, end: number): DayNumber {
  const clamped = Math.min(1, Math.max(0, Number.isFinite(f) ? f : 0));
  return Math.round(start + clamped * Math.max(0, end - start)) as DayNumber;
}

/** Month index counted from January of year 0, so steps align to calendar years. */
const monthIndex = (day: number) => {
  const { year, month } = daysToCivil(day);
  return year * 12 + month - 1;
};
const monthStart = (index: number) =>
  civilToDays(Math.floor(index / 12), (((index % 12) + 12) % 12) + 1, 1);

/** Calendar steps offered, in months: a month up to millennia. */
const STEPS = [1, 3, 6, 12, 24, 60, 120, 240, 600, 1200, 2400, 6000, 12000];

/**
 * The smallest calendar step that cuts [start, end] into at most `maxCount` pieces. Numeric
 * time steps by whole units (a unit is a year of days: core/dates.ts `numberToDay`).
 */
export function calendarStep(
  start: number,
  end: number,
  maxCount: number,
  kind: TimeKind = 'calendar',
): number {
  const months = Math.max(1, (end - start) / 30.44);
  const steps = kind === 'numeric' ? STEPS.filter((s) => s >= 12) : STEPS;
  return steps.find((s) => months / s <= maxCount) ?? steps[steps.length - 1]!;
}

/** The first days of the calendar periods of `step` months strictly inside (start, end). */
function boundaries(start: number, end: number, step: number): DayNumber[] {
  const out: DayNumber[] = [];
  let k = Math.floor(monthIndex(start) / step) * step;
  while (monthStart(k) <= start) k += step;
  for (let day = monthStart(k); day < end; k += step, day = monthStart(k)) out.push(day);
  return out;
}

/**
 * Histogram bin edges over [start, end]: calendar-aligned (whole years for
 * a few decades, months for a short range) with at most `maxBins` bins. The
 * first and last bins are partial when the range does not start or end on
 * a boundary. Bin i is [edges[i], edges[i+1]).
 */
export function binEdges(
  start: number,
  end: number,
  maxBins = 60,
  kind: TimeKind = 'calendar',
): DayNumber[] {
  if (!(end > start)) return [start as DayNumber, (start + 1) as DayNumber];
  const step = calendarStep(start, end, maxBins, kind);
  return [start as DayNumber, ...boundaries(start, end, step), end as DayNumber];
}

/** How a bin reads in labels: "1994", "March 1994", or "1990 – 1994"; "t = 190", "t = 180 – 189". */
export function binLabel(binStart: number, binEnd: number, kind: TimeKind = 'calendar'): string {
  const a = daysToCivil(binStart);
  const b = daysToCivil(binEnd - 1);
  if (kind === 'numeric') return a.year === b.year ? `t = ${a.year}` : `t = ${a.year} – ${b.year}`;
  if (a.year === b.year && a.month === b.month) return humanDay(binStart, 'month');
  if (a.year === b.year) return String(a.year);
  return `${a.year} – ${b.year}`;
}

export interface AxisTick {
  day: DayNumber;
  label: string;
}

const MONTH_ABBR = 'Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec'.split(' ');

/**
 * Axis ticks on calendar boundaries (whole numbers in numeric time), spaced at least
 * `minSpacing` px on a track `width` px wide.
 */
export function axisTicks(
  start: number,
  end: number,
  width: number,
  minSpacing = 56,
  kind: TimeKind = 'calendar',
): AxisTick[] {
  if (!(end > start) || width <= 0) return [];
  const step = calendarStep(start, end, Math.max(1, Math.floor(width / minSpacing)), kind);
  // From start − 1 so that a start on a boundary gets its tick too.
  return boundaries(start - 1, end + 1, step).map((day) => {
    const { month } = daysToCivil(day);
    const label = step >= 12 || month === 1 ? shortDay(day, kind) : MONTH_ABBR[month - 1]!;
    return { day: day as DayNumber, label };
  });
}

export interface EventCluster {
  /** Stable key: the first event's id. */
  key: string;
  events: IndexedEvent[];
  /** Where the marker sits along the track (between its first and last event). */
  fraction: number;
}

/**
 * Groups events whose markers would overlap on a track `width` px wide. A
 * group's marker sits midway between its first and last event; adjacent
 * markers closer than `minGap` px merge, so markers end up at least that
 * far apart and events further apart are never merged needlessly.
 */
export function clusterEvents(
  events: readonly IndexedEvent[],
  start: number,
  end: number,
  width: number,
  minGap = 20,
): EventCluster[] {
  const x = (day: number) => dayToFraction(day, start, end) * width;
  const at = (c: EventCluster) => (x(c.events[0]!.day) + x(c.events[c.events.length - 1]!.day)) / 2;
  const out: EventCluster[] = [];
  for (const event of events) {
    const next: EventCluster = { key: event.id, events: [event], fraction: 0 };
    const last = out[out.length - 1];
    // Merging moves the last marker right, away from the one before it, so one check suffices.
    if (last && (at(next) - at(last) < minGap || event.day === last.events[0]!.day)) {
      last.events.push(event);
    } else {
      out.push(next);
    }
  }
  for (const c of out)
    c.fraction = width > 0 ? at(c) / width : dayToFraction(c.events[0]!.day, start, end);
  return out;
}

/** The shown date: to the day when paused, to the month while playing (less flicker). */
export function dateLabel(day: number, playing: boolean, kind: TimeKind = 'calendar'): string {
  return humanDay(day, playing ? 'month' : 'day', kind);
}
