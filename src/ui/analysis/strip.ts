/**
 * Geometry of the pair-history strip: where each relation and each segment
 * of the pair's net polarity sits along a time axis, in fractions of the
 * strip (0..1). The axis spans the dataset's period, widened to any finite
 * date of the pair's own relations (Pakistan and India: from 1947), so the
 * whole history shows. Open ends run to the edge and are flagged.
 */
import type { PairHistory, PairRelation, PairSegment } from '../../core/analysis';
import { daysInMonth, isLeapYear, parseDate } from '../../core/dates';

export interface StripDomain {
  start: number;
  end: number;
}

/**
 * The strip's time axis. `whole`: the dataset's period, widened to any
 * finite date of the pair's relations (Pakistan and India: from 1947).
 * Otherwise zoomed to the pair's own span (to the period's edge where a
 * relation is open), with a little room on each side.
 */
export function stripDomain(
  history: PairHistory,
  start: number,
  end: number,
  whole = true,
): StripDomain {
  const rels = history.relations.filter((r) => r.startDay < r.endDay);
  let lo = whole || rels.length === 0 ? start : Infinity;
  let hi = whole || rels.length === 0 ? end : -Infinity;
  for (const r of rels) {
    lo = Math.min(lo, Number.isFinite(r.startDay) ? r.startDay : start);
    hi = Math.max(hi, Number.isFinite(r.endDay) ? r.endDay : end);
  }
  if (!whole && rels.length > 0) {
    const pad = Math.max(30, (hi - lo) * 0.03);
    lo -= pad;
    hi += pad;
  }
  return { start: lo, end: hi > lo ? hi : lo + 1 };
}

/** Where a bar's label goes: inside when it fits, else beside it where there is room. */
export function labelPlace(
  bar: Span,
  labelPx: number,
  widthPx: number,
): 'inside' | 'after' | 'before' {
  if (bar.width * widthPx >= labelPx) return 'inside';
  return (1 - bar.left - bar.width) * widthPx >= labelPx + 4 ? 'after' : 'before';
}

/** Rough width of a short label at the strip's font size (0.68rem). */
export const labelWidth = (text: string) => text.length * 6.2 + 12;

/** Days covered by a date's own precision: a year for "1994", a month for "2021-08", 0 for a day. */
export function precisionDays(text: string | undefined): number {
  if (text === undefined) return 0;
  const d = parseDate(text);
  if (d.precision === 'year') return isLeapYear(d.year) ? 366 : 365;
  if (d.precision === 'month') return daysInMonth(d.year, d.month!);
  return 0;
}

const frac = (day: number, dom: StripDomain) =>
  Math.min(1, Math.max(0, (day - dom.start) / (dom.end - dom.start)));

export interface Span {
  left: number;
  width: number;
}

const span = (a: number, b: number, dom: StripDomain): Span => {
  const left = frac(a, dom);
  return { left, width: Math.max(0, frac(b, dom) - left) };
};

export interface StripBar {
  relation: PairRelation;
  bar: Span;
  /** The written period of a coarse start or end ("1994": that whole year), drawn lighter. */
  fuzzyStart: Span | null;
  fuzzyEnd: Span | null;
  openStart: boolean;
  openEnd: boolean;
}

/**
 * A bar per relation (empty intervals dropped). A start written as "1994"
 * means some day in 1994: the year after the model's start day is uncertain.
 * Likewise an end "2022" ended some day in 2022.
 */
export function stripBars(history: PairHistory, dom: StripDomain): StripBar[] {
  return history.relations
    .filter((r) => r.startDay < r.endDay)
    .map((r) => {
      const openStart = !Number.isFinite(r.startDay);
      const openEnd = !Number.isFinite(r.endDay);
      const a = openStart ? dom.start : r.startDay;
      const b = openEnd ? dom.end : r.endDay;
      const ps = precisionDays(r.from);
      const pe = precisionDays(r.until);
      return {
        relation: r,
        bar: span(a, b, dom),
        fuzzyStart: !openStart && ps > 0 ? span(a, Math.min(a + ps, b), dom) : null,
        fuzzyEnd: !openEnd && pe > 0 ? span(b, b + pe, dom) : null,
        openStart,
        openEnd,
      };
    });
}

export interface StripSegment {
  segment: PairSegment;
  span: Span;
}

export function stripSegments(history: PairHistory, dom: StripDomain): StripSegment[] {
  return history.segments.map((s) => ({
    segment: s,
    span: span(
      Number.isFinite(s.startDay) ? s.startDay : dom.start,
      Number.isFinite(s.endDay) ? s.endDay : dom.end,
      dom,
    ),
  }));
}

/** Where a day sits on the strip, or null outside it. */
export function stripFraction(day: number, dom: StripDomain): number | null {
  return day < dom.start || day > dom.end ? null : frac(day, dom);
}
