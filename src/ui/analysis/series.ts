/**
 * Pure geometry of the small charts: step lines over time (values hold from
 * one sample to the next, as the graph does between changes) and runs of
 * equal values for tooltips. x is in days since `start`, like the time bar's
 * histogram, so the charts line up with it when stretched to the same width.
 */

export interface Point {
  day: number;
  /** null: no value (e.g. no triangle to score): the line breaks. */
  value: number | null;
}

/**
 * An SVG path of a step-after line through `points` (sorted by day), from
 * the first point to `end`. `y` maps a value to the vertical coordinate.
 */
export function stepPath(
  points: readonly Point[],
  start: number,
  end: number,
  y: (value: number) => number,
): string {
  const parts: string[] = [];
  let open = false;
  const r = (v: number) => Number(v.toFixed(2));
  points.forEach((p, i) => {
    const x0 = Math.max(p.day, start) - start;
    const x1 = Math.min(points[i + 1]?.day ?? end, end) - start;
    if (p.value === null || x1 < x0) {
      open = false;
      return;
    }
    const yy = r(y(p.value));
    parts.push(open ? `V${yy}H${r(x1)}` : `M${r(x0)},${yy}H${r(x1)}`);
    open = true;
  });
  return parts.join('');
}

export interface Run<T> {
  from: number;
  /** Exclusive: the day of the next run, or `end`. */
  to: number;
  value: T;
}

/** Consecutive points with equal values (by `same`) merged into runs up to `end`. */
export function runsOf<T>(
  points: readonly { day: number; value: T }[],
  end: number,
  same: (a: T, b: T) => boolean = Object.is,
): Run<T>[] {
  const out: Run<T>[] = [];
  for (const p of points) {
    const last = out[out.length - 1];
    if (last && same(last.value, p.value)) continue;
    if (last) last.to = p.day;
    out.push({ from: p.day, to: end, value: p.value });
  }
  return out;
}

/** A tidy upper limit for a chart's axis: 1, 2 or 5 × a power of ten, at least `v`. */
export function niceMax(v: number): number {
  if (!(v > 0)) return 1;
  const p = 10 ** Math.floor(Math.log10(v));
  return ([1, 2, 5, 10].find((m) => m * p >= v - 1e-12) ?? 10) * p;
}

/** The value at `day` of a step series (the last point at or before it), or null. */
export function valueAt<T>(points: readonly { day: number; value: T }[], day: number): T | null {
  let lo = 0;
  let hi = points.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (points[mid]!.day <= day) lo = mid + 1;
    else hi = mid;
  }
  return lo > 0 ? points[lo - 1]!.value : null;
}
