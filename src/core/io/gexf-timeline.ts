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
 * The values of one attribute of one item (or any list of intervals), indexed
 * once so that cutting a span and finding the value in force cost O(log n)
 * per piece rather than a scan of every value: an item with thousands of
 * time-varying values is cut into thousands of pieces, and a scan per piece
 * made the import quadratic (5,000 values took minutes).
 *
 * - `days`: every finite start and end, sorted and distinct; they split the
 *   time line into segments `(−∞, days[0])`, `[days[0], days[1])`, …,
 *   `[days[last], +∞)`, within which no value starts or ends.
 * - `firstOver[k]`: the first value (in document order) covering segment k,
 *   painted once per segment, values taken in document order.
 * - `byStart` with `maxEnd`: the values sorted by start in an implicit tree
 *   whose nodes keep the latest end below them, for "which values overlap".
 */
export class Timeline<T extends Span & { value?: string } = TimedValue> {
  private readonly los: number[];
  private readonly his: number[];
  private readonly days: number[];
  /** The ISO text each cut day was first written as (document order, start before end). */
  private readonly isoOf = new Map<number, string>();
  private readonly firstOver: number[];
  /** The first value (document order) that ends on a day: an empty piece there lies within it. */
  private readonly firstEndingOn = new Map<number, number>();
  private readonly byStart: number[];
  private readonly maxEnd: number[];

  constructor(private readonly values: readonly T[]) {
    this.los = values.map(lo);
    this.his = values.map(hi);
    values.forEach((v, i) => {
      for (const [iso, day] of [
        [v.from, this.los[i]!],
        [v.until, this.his[i]!],
      ] as const)
        if (iso !== undefined && !this.isoOf.has(day)) this.isoOf.set(day, iso);
      const end = this.his[i]!;
      if (Number.isFinite(end) && !this.firstEndingOn.has(end)) this.firstEndingOn.set(end, i);
    });
    this.days = [...this.isoOf.keys()].sort((a, b) => a - b);
    this.firstOver = this.paintSegments();
    this.byStart = values.map((_, i) => i).sort((a, b) => this.los[a]! - this.los[b]!);
    this.maxEnd = [];
    this.buildMaxEnd(1, 0, this.byStart.length);
  }

  /** The segment holding day d: the number of cut days at or before it. */
  private segmentOf(d: number): number {
    let a = 0;
    let b = this.days.length;
    while (a < b) {
      const mid = (a + b) >>> 1;
      if (this.days[mid]! <= d) a = mid + 1;
      else b = mid;
    }
    return a;
  }

  /** For each segment, the first value covering it (−1 for none); each segment is painted once. */
  private paintSegments(): number[] {
    const count = this.days.length + 1;
    const first = new Array<number>(count).fill(-1);
    // next[k]: the first segment at or after k not yet painted (path-halving skip list).
    const next = Array.from({ length: count + 1 }, (_, k) => k);
    const find = (k: number) => {
      while (next[k] !== k) {
        next[k] = next[next[k]!]!;
        k = next[k]!;
      }
      return k;
    };
    this.values.forEach((_, i) => {
      const from = this.los[i]!;
      const until = this.his[i]!;
      if (!(from < until)) return;
      const last = until === Infinity ? count - 1 : this.segmentOf(until) - 1;
      for (let k = find(this.segmentOf(from)); k <= last; k = find(k + 1)) {
        first[k] = i;
        next[k] = k + 1;
      }
    });
    return first;
  }

  private buildMaxEnd(node: number, a: number, b: number): number {
    if (a >= b) return -Infinity;
    if (b - a === 1) return (this.maxEnd[node] = this.his[this.byStart[a]!]!);
    const mid = (a + b) >>> 1;
    const left = this.buildMaxEnd(2 * node, a, mid);
    const right = this.buildMaxEnd(2 * node + 1, mid, b);
    return (this.maxEnd[node] = Math.max(left, right));
  }

  /** Indices of the values overlapping a span, in document order. */
  private overlappingIndices(span: Span): number[] {
    const from = lo(span);
    const until = hi(span);
    const out: number[] = [];
    const visit = (node: number, a: number, b: number) => {
      // No value below starts early enough, or none ends late enough: nothing to find.
      if (a >= b || this.los[this.byStart[a]!]! > until || this.maxEnd[node]! <= from) return;
      if (b - a === 1) {
        if (overlaps(span, this.values[this.byStart[a]!]!)) out.push(this.byStart[a]!);
        return;
      }
      const mid = (a + b) >>> 1;
      visit(2 * node, a, mid);
      visit(2 * node + 1, mid, b);
    };
    visit(1, 0, this.byStart.length);
    return out.sort((x, y) => x - y);
  }

  /** The values overlapping a span, in document order. */
  overlapping(span: Span): T[] {
    return this.overlappingIndices(span).map((i) => this.values[i]!);
  }

  /**
   * Cuts a span at every start or end of the values that falls strictly
   * inside it; the pieces, in time order, cover the span exactly. An empty
   * span stays one piece.
   */
  cut(span: Span): Span[] {
    const from = lo(span);
    const until = hi(span);
    const points: string[] = [];
    for (let k = this.segmentOf(from); k < this.days.length && this.days[k]! < until; k++)
      points.push(this.isoOf.get(this.days[k]!)!);
    const bounds = [span.from, ...points, span.until];
    return bounds.slice(0, -1).map((start, i) => {
      const piece: Span = {};
      if (start !== undefined) piece.from = start;
      const end = bounds[i + 1];
      if (end !== undefined) piece.until = end;
      return piece;
    });
  }

  /** The first piece {@link cut} would give, without making the others. */
  firstPiece(span: Span): Span {
    const k = this.segmentOf(lo(span));
    if (k >= this.days.length || this.days[k]! >= hi(span)) return span;
    const piece: Span = { until: this.isoOf.get(this.days[k]!)! };
    if (span.from !== undefined) piece.from = span.from;
    return piece;
  }

  /**
   * The index of the first value (document order) whose interval holds the
   * piece; for an empty piece at day d, the first with start ≤ d ≤ end.
   */
  private firstHolding(piece: Span): number {
    const from = lo(piece);
    const until = hi(piece);
    const k = this.segmentOf(from);
    if (from === until) {
      const ending = this.firstEndingOn.get(from) ?? -1;
      const over = this.firstOver[k]!;
      return ending < 0 ? over : over < 0 ? ending : Math.min(over, ending);
    }
    // Within one segment, a value holds the piece exactly when it covers the segment.
    if (k >= this.days.length || this.days[k]! >= until) return this.firstOver[k]!;
    // A piece across several segments (cut by other values): look at those overlapping it.
    return this.overlappingIndices(piece).find((i) => within(piece, this.values[i]!)) ?? -1;
  }

  /** The value in force over a piece: that of the first value whose interval holds it. */
  valueOver(piece: Span): string | undefined {
    const i = this.firstHolding(piece);
    return i < 0 ? undefined : this.values[i]!.value;
  }
}

const timelines = new WeakMap<readonly Span[], Timeline<Span & { value?: string }>>();

/** The timeline of a list of values, built on first use and kept while the list lives. */
export function timelineOf<T extends Span & { value?: string }>(values: readonly T[]): Timeline<T> {
  let t = timelines.get(values) as Timeline<T> | undefined;
  if (!t) timelines.set(values, (t = new Timeline(values)));
  return t;
}

/** Cuts a span at the starts and ends of the values inside it; see {@link Timeline.cut}. */
export function cutSpan(span: Span, values: readonly Span[]): Span[] {
  return timelineOf(values).cut(span);
}

/**
 * The value in force over a piece (a piece from {@link cutSpan} lies within
 * a value's interval or outside it): the first value whose interval holds it.
 */
export function valueOver(values: readonly TimedValue[], piece: Span): string | undefined {
  return timelineOf(values).valueOver(piece);
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
