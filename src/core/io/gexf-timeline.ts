/**
 * Intervals of GEXF items and of their attribute values, on our half-open
 * day scale: a span [from, until) with open ends absent.
 */
import { endDay, startDay } from '../dates';
import type { Span, TimedValue } from './gexf-read';

const lo = (s: Span) => startDay(s.from);
const hi = (s: Span) => endDay(s.until);

/** True when two spans share at least one day (an empty span meets what contains its day). */
export function overlaps(a: Span, b: Span): boolean {
  if (lo(a) === hi(a)) return lo(b) <= lo(a) && lo(a) < hi(b);
  return lo(a) < hi(b) && lo(b) < hi(a);
}

/** True when `inner` lies within `outer`. */
function within(inner: Span, outer: Span): boolean {
  return lo(outer) <= lo(inner) && hi(inner) <= hi(outer);
}

/**
 * Cuts a span at every start or end of the given values that falls strictly
 * inside it; the pieces, in time order, cover the span exactly. An empty
 * span stays one piece.
 */
export function cutSpan(span: Span, values: readonly Span[]): Span[] {
  const cuts = new Map<number, string>();
  for (const v of values)
    for (const iso of [v.from, v.until])
      if (iso !== undefined) {
        const day = startDay(iso);
        if (day > lo(span) && day < hi(span) && !cuts.has(day)) cuts.set(day, iso);
      }
  const points = [...cuts].sort((a, b) => a[0] - b[0]).map(([, iso]) => iso);
  const bounds = [span.from, ...points, span.until];
  return bounds.slice(0, -1).map((from, i) => {
    const piece: Span = {};
    if (from !== undefined) piece.from = from;
    const until = bounds[i + 1];
    if (until !== undefined) piece.until = until;
    return piece;
  });
}

/**
 * The value in force over a piece (a piece from {@link cutSpan} lies within
 * a value's interval or outside it): the first value whose interval holds it.
 */
export function valueOver(values: readonly TimedValue[], piece: Span): string | undefined {
  return values.find((v) => within(piece, v) || (lo(piece) === hi(piece) && overlaps(piece, v)))
    ?.value;
}

/** `2009-03-01–2009-03-10`, `…–2009-03-01`, `2009-03-10–…`. */
export function showSpan(s: Span): string {
  return `${s.from ?? '…'}–${s.until ?? '…'}`;
}

/** The smallest span holding all the given spans. */
export function hull(spans: readonly Span[]): Span {
  const out: Span = {};
  const first = spans.reduce((a, b) => (lo(b) < lo(a) ? b : a));
  const last = spans.reduce((a, b) => (hi(b) > hi(a) ? b : a));
  if (first.from !== undefined) out.from = first.from;
  if (last.until !== undefined) out.until = last.until;
  return out;
}
