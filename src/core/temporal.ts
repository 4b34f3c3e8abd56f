/**
 * The temporal index: built once per dataset, it answers what the graph
 * looks like at a day and what changes between two days, without scanning
 * every relation.
 *
 * Time semantics: an item (actor or relation) is active at day t when
 * `start <= t < end`. An absent `from` is -∞, an absent `until` is +∞; a
 * partial date stands for the first day of its period. Items whose interval
 * is empty (`from == until`) are never active.
 *
 * Structures:
 * - transitions: every finite start/end as (day, item), sorted by day, so
 *   the items that change between t1 and t2 are one contiguous slice found
 *   by binary search: `diff` costs O(log n + k);
 * - an implicit interval tree (items sorted by start, max end per subtree)
 *   for `stateAt`: O(log n + k log n) for k active items;
 * - sorted starts and ends per polarity for activity histograms:
 *   O(log n) per bin;
 * - events sorted by day for next/previous stepping.
 */
import { addMonths, endDay, startDay, toDay, type DayNumber } from './dates';
import type { Dataset, Polarity } from './schema';
import { resolveVocabulary } from './vocabulary';

/**
 * The numeric structures of one set of intervals: what `IntervalSet` looks up.
 * Plain typed arrays, so they cross threads and go into IndexedDB as copies of
 * memory (see `PackedIndex`).
 */
export interface PackedIntervals {
  start: Float64Array;
  end: Float64Array;
  /** Transitions sorted by day: the day of each, and its item. */
  tDay: Float64Array;
  tItem: Int32Array;
  /** Items sorted by start, with the max end of each implicit subtree. */
  byStart: Int32Array;
  maxEnd: Float64Array;
}

/** Sorts the transitions and builds the implicit interval tree: most of the index's build. */
function packIntervals(start: Float64Array, end: Float64Array): PackedIntervals {
  const n = start.length;
  // Transitions: an item's start is coded 2i, its end 2i + 1; sorted by day (then code).
  // Plain loops over typed arrays: this is most of the index build.
  const codes = new Int32Array(2 * n);
  let count = 0;
  for (let i = 0; i < n; i++) {
    if (!(start[i]! < end[i]!)) continue; // empty: never active, never changes
    if (Number.isFinite(start[i])) codes[count++] = 2 * i;
    if (Number.isFinite(end[i])) codes[count++] = 2 * i + 1;
  }
  const dayOf = (c: number) => ((c & 1) === 0 ? start[c >> 1]! : end[c >> 1]!);
  const sorted = sortByDay(codes.subarray(0, count), dayOf);
  const tDay = new Float64Array(count);
  const tItem = new Int32Array(count);
  for (let k = 0; k < count; k++) {
    tDay[k] = dayOf(sorted[k]!);
    tItem[k] = sorted[k]! >> 1;
  }

  const items = new Int32Array(n);
  for (let i = 0; i < n; i++) items[i] = i;
  const byStart = sortByDay(items, (i) => start[i]!);
  return { start, end, tDay, tItem, byStart, maxEnd: buildMaxEnd(start, end, byStart) };
}

/**
 * The implicit interval tree's max end per subtree, for items sorted by start (`byStart`):
 * O(n), no sort (an edit re-derives it after inserting into `byStart`, `edit/repack.ts`).
 */
export function buildMaxEnd(
  start: Float64Array,
  end: Float64Array,
  byStart: Int32Array,
): Float64Array {
  const maxEnd = new Float64Array(byStart.length);
  const build = (lo: number, hi: number): number => {
    if (lo >= hi) return -Infinity;
    const mid = (lo + hi) >>> 1;
    const item = byStart[mid]!;
    const own = start[item]! < end[item]! ? end[item]! : -Infinity;
    const m = Math.max(own, build(lo, mid), build(mid + 1, hi));
    maxEnd[mid] = m;
    return m;
  };
  build(0, byStart.length);
  return maxEnd;
}

/** One set of intervals (all actors, or all relations) with its lookup structures. */
class IntervalSet {
  /** The actors or relations, in the dataset's order: item i is `items[i]`. */
  private readonly items: readonly { id: string }[];
  readonly start: Float64Array;
  readonly end: Float64Array;
  private readonly tDay: Float64Array;
  private readonly tItem: Int32Array;
  private readonly byStart: Int32Array;
  private readonly maxEnd: Float64Array;
  /** `changes` marks the items it has checked with its call number, instead of a Set per call. */
  private readonly checked: Uint32Array;
  private call = 0;

  constructor(items: readonly { id: string }[], packed: PackedIntervals) {
    if (packed.start.length !== items.length)
      throw new Error(`the index has ${packed.start.length} intervals for ${items.length} items`);
    this.items = items;
    ({
      start: this.start,
      end: this.end,
      tDay: this.tDay,
      tItem: this.tItem,
      byStart: this.byStart,
      maxEnd: this.maxEnd,
    } = packed);
    this.checked = new Uint32Array(items.length);
  }

  idOf(i: number): string {
    return this.items[i]!.id;
  }

  isActive(i: number, t: number): boolean {
    return this.start[i]! <= t && t < this.end[i]!;
  }

  /** Indices of items active at t. */
  activeAt(t: number): number[] {
    const out: number[] = [];
    this.stab(0, this.items.length, t, out);
    return out;
  }

  private stab(lo: number, hi: number, t: number, out: number[]): void {
    if (lo >= hi) return;
    const mid = (lo + hi) >>> 1;
    if (this.maxEnd[mid]! <= t) return; // nothing below ends after t
    this.stab(lo, mid, t, out);
    const item = this.byStart[mid]!;
    if (this.start[item]! > t) return; // everything to the right starts later still
    if (t < this.end[item]!) out.push(item);
    this.stab(mid + 1, hi, t, out);
  }

  /** Whether item i is active at some time in [from, until): a non-empty interval that meets it. */
  overlaps(i: number, from: number, until: number): boolean {
    const s = this.start[i]!;
    const e = this.end[i]!;
    return s < e && s < until && from < e;
  }

  /** Indices of items active at some time in [from, until). */
  overlapping(from: number, until: number): number[] {
    const out: number[] = [];
    this.collectOverlapping(0, this.items.length, from, until, out);
    return out;
  }

  private collectOverlapping(
    lo: number,
    hi: number,
    from: number,
    until: number,
    out: number[],
  ): void {
    if (lo >= hi) return;
    const mid = (lo + hi) >>> 1;
    if (this.maxEnd[mid]! <= from) return; // everything below ended before the span
    this.collectOverlapping(lo, mid, from, until, out);
    const item = this.byStart[mid]!;
    if (this.start[item]! >= until) return; // everything to the right starts after it
    if (this.overlaps(item, from, until)) out.push(item);
    this.collectOverlapping(mid + 1, hi, from, until, out);
  }

  /**
   * Items in exactly one of two spans' overlap sets: [entering (in `next` only), leaving (in
   * `prev` only)]. Membership `start < until && end > from` can differ only for an item with a
   * start in [min until, max until) or an end in (min from, max from]: two slices of the
   * transitions, so O(log n + k) like `changes`.
   */
  spanChanges(prev: TimeSpan, next: TimeSpan): [number[], number[]] {
    const entering: number[] = [];
    const leaving: number[] = [];
    if (prev.from === next.from && prev.until === next.until) return [entering, leaving];
    if (++this.call === 0xffffffff) {
      this.checked.fill(0);
      this.call = 1;
    }
    const call = this.call;
    const check = (k0: number, k1: number) => {
      for (let k = k0; k < k1; k++) {
        const i = this.tItem[k]!;
        if (this.checked[i] === call) continue;
        this.checked[i] = call;
        const before = this.overlaps(i, prev.from, prev.until);
        const after = this.overlaps(i, next.from, next.until);
        if (after && !before) entering.push(i);
        else if (before && !after) leaving.push(i);
      }
    };
    const [u0, u1] = [Math.min(prev.until, next.until), Math.max(prev.until, next.until)];
    check(lowerBound(this.tDay, u0), lowerBound(this.tDay, u1));
    const [f0, f1] = [Math.min(prev.from, next.from), Math.max(prev.from, next.from)];
    check(upperBound(this.tDay, f0), upperBound(this.tDay, f1));
    return [entering, leaving];
  }

  /** Items active at exactly one of a, b: [entering (active at b only), leaving (active at a only)]. */
  changes(a: number, b: number): [number[], number[]] {
    const entering: number[] = [];
    const leaving: number[] = [];
    if (a === b) return [entering, leaving];
    const lo = Math.min(a, b);
    const hi = Math.max(a, b);
    // Transitions at days in (lo, hi] are exactly those that can differ between lo and hi.
    const from = upperBound(this.tDay, lo);
    const to = upperBound(this.tDay, hi);
    if (++this.call === 0xffffffff) {
      this.checked.fill(0);
      this.call = 1;
    }
    const call = this.call;
    for (let k = from; k < to; k++) {
      const i = this.tItem[k]!;
      if (this.checked[i] === call) continue; // an item that both starts and ends in the range
      this.checked[i] = call;
      const atA = this.isActive(i, a);
      const atB = this.isActive(i, b);
      if (atB && !atA) entering.push(i);
      else if (atA && !atB) leaving.push(i);
    }
    return [entering, leaving];
  }

  /** The finite days at which anything starts or ends, sorted, without repeats. */
  changeDays(): number[] {
    const out: number[] = [];
    for (const d of this.tDay) if (out[out.length - 1] !== d) out.push(d);
    return out;
  }
}

/** Largest |day| packed into a sort key: years 0000-9999 are within ±3.7M days. */
const DAY_SPAN = 2 ** 22;

/**
 * Sorts integer codes (0 <= code < 2^22) by a day each (±Infinity allowed),
 * ties by code. Packs (day, code) into one float and uses the typed array's
 * native numeric sort, several times faster than a comparator sort at 100k
 * items (docs/PERFORMANCE.md). Falls back on a comparator when a code or a
 * day does not fit.
 */
function sortByDay(codes: Int32Array, dayOf: (code: number) => number): Int32Array {
  const keys = new Float64Array(codes.length);
  for (let k = 0; k < codes.length; k++) {
    const c = codes[k]!;
    const d = dayOf(c);
    const day = d === -Infinity ? -DAY_SPAN : d === Infinity ? DAY_SPAN - 1 : d;
    if (!(c < DAY_SPAN && Number.isInteger(day) && Math.abs(day) <= DAY_SPAN))
      return Int32Array.from(codes).sort((a, b) => dayOf(a) - dayOf(b) || a - b);
    keys[k] = (day + DAY_SPAN) * DAY_SPAN + c; // < 2^45: exact in a double
  }
  keys.sort();
  const out = new Int32Array(codes.length);
  for (let k = 0; k < keys.length; k++) out[k] = keys[k]! % DAY_SPAN;
  return out;
}

/** First index whose value is > x, in a sorted array. */
export function upperBound(arr: ArrayLike<number>, x: number): number {
  let lo = 0;
  let hi = arr.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (arr[mid]! <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** First index whose value is >= x, in a sorted array. */
export function lowerBound(arr: ArrayLike<number>, x: number): number {
  let lo = 0;
  let hi = arr.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (arr[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * A span of days `[from, until)`: what a view shows when it shows everything active at any time
 * within it (Gephi's range). A single day t is `[t, t + 1)`; see {@link shownSpan}.
 */
export interface TimeSpan {
  from: number;
  until: number;
}

/**
 * The span a view at `day` shows: the day alone, or with a window, every day from
 * `windowStart` to `day` inclusive, so relations active at any time in it are shown and short
 * events accumulate. Day numbers are whole, so `[day, day + 1)` holds exactly what is active at
 * `day`.
 */
export function shownSpan(day: number, windowStart: number = day): TimeSpan {
  return { from: Math.min(windowStart, day), until: day + 1 };
}

/** A day as the span of that day alone; a span as itself. */
export const asSpan = (when: number | TimeSpan): TimeSpan =>
  typeof when === 'number' ? shownSpan(when) : when;

/** The span a view at `day` shows with a window of `months` calendar months (0: the day alone). */
export function windowSpan(day: number, months: number): TimeSpan {
  return shownSpan(day, months > 0 ? addMonths(day, -months) : day);
}

export interface GraphState {
  actors: string[];
  relations: string[];
}

/** A relation pair whose sign changed: relations left and others with another polarity entered. */
export interface Flip {
  source: string;
  target: string;
  left: string[];
  entered: string[];
}

export interface GraphDiff {
  /** Active at t2, not at t1. */
  actorsEntered: string[];
  actorsLeft: string[];
  relationsEntered: string[];
  relationsLeft: string[];
  /** Actor pairs whose relations changed polarity between t1 and t2 (a subset of the above). */
  flips: Flip[];
}

export interface IndexedEvent {
  id: string;
  day: DayNumber;
}

export interface ActivityBin {
  start: DayNumber;
  end: DayNumber;
  positive: number;
  negative: number;
  neutral: number;
}

/** Polarities in the order `PackedIndex.relPolarity` codes them. */
export const POLARITIES: readonly Polarity[] = ['positive', 'negative', 'neutral'];

/**
 * Everything the index computes from a dataset, as typed arrays and numbers:
 * the dates parsed, the transitions and interval trees sorted, the polarities
 * and pairs resolved. Computing it is the index's whole cost (a second at a
 * million relations); building a `TemporalIndex` from it only wraps the arrays.
 * So a big import computes it in the worker and the library stores it with the
 * dataset: the page never sorts a million intervals, on import or on reload.
 */
export interface PackedIndex {
  actors: PackedIntervals;
  relations: PackedIntervals;
  /** Each relation's polarity, as an index into `POLARITIES`. */
  relPolarity: Uint8Array;
  /** Each relation's unordered actor pair as a number (for flips: no string keys per diff). */
  relPair: Float64Array;
  /** Sorted starts and ends of non-empty relation intervals, per polarity. */
  polarityStarts: Record<Polarity, Float64Array>;
  polarityEnds: Record<Polarity, Float64Array>;
  /** Events sorted by day (then id): their positions in `dataset.events`, and their days. */
  eventOrder: Int32Array;
  eventDays: Float64Array;
  start: number;
  end: number;
}

/** Computes the index's structures for a validated dataset (see {@link PackedIndex}). */
export function packIndex(dataset: Dataset): PackedIndex {
  const vocab = resolveVocabulary(dataset);
  const d = dataset;
  // Many intervals share a date (years, months, flips on the same day): parse each text once.
  const days = new Map<string, DayNumber>();
  const parse = (text: string | undefined, open: (t: undefined) => DayNumber) => {
    if (text === undefined) return open(text);
    let day = days.get(text);
    if (day === undefined) days.set(text, (day = toDay(text)));
    return day;
  };
  const from = (text: string | undefined) => parse(text, startDay);
  const until = (text: string | undefined) => parse(text, endDay);
  const actors = packIntervals(
    Float64Array.from(d.actors, (a) => from(a.from)),
    Float64Array.from(d.actors, (a) => until(a.until)),
  );
  const relations = packIntervals(
    Float64Array.from(d.relations, (r) => from(r.from)),
    Float64Array.from(d.relations, (r) => until(r.until)),
  );

  const actorNumber = new Map(d.actors.map((a, i) => [a.id, i]));
  const numberOf = (id: string) => {
    let k = actorNumber.get(id);
    if (k === undefined) actorNumber.set(id, (k = actorNumber.size));
    return k;
  };
  const relPair = new Float64Array(d.relations.length);
  const relPolarity = new Uint8Array(d.relations.length);
  const starts: Record<Polarity, number[]> = { positive: [], negative: [], neutral: [] };
  const ends: Record<Polarity, number[]> = { positive: [], negative: [], neutral: [] };
  const { start: rs, end: re } = relations;
  for (let i = 0; i < d.relations.length; i++) {
    const r = d.relations[i]!;
    const a = numberOf(r.source);
    const b = numberOf(r.target);
    relPair[i] = pairKey(a, b);
    const p = vocab.relationKinds.get(r.kind)?.polarity ?? 'neutral';
    relPolarity[i] = POLARITIES.indexOf(p);
    if (!(rs[i]! < re[i]!)) continue;
    starts[p].push(rs[i]!);
    ends[p].push(re[i]!);
  }
  const sorted = (xs: number[]) => new Float64Array(xs).sort();

  const eventDay = Float64Array.from(d.events, (e) => from(e.date));
  const eventOrder = Int32Array.from(d.events.keys()).sort(
    (i, j) => eventDay[i]! - eventDay[j]! || (d.events[i]!.id < d.events[j]!.id ? -1 : 1),
  );
  const eventDays = Float64Array.from(eventOrder, (i) => eventDay[i]!);

  return {
    ...indexSpan(d, [actors.start, rs, eventDays], [actors.end, re]),
    actors,
    relations,
    relPolarity,
    relPair,
    polarityStarts: {
      positive: sorted(starts.positive),
      negative: sorted(starts.negative),
      neutral: sorted(starts.neutral),
    },
    polarityEnds: {
      positive: sorted(ends.positive),
      negative: sorted(ends.negative),
      neutral: sorted(ends.neutral),
    },
    eventOrder,
    eventDays,
  };
}

/** An unordered pair of actor numbers as one number (exact: < 2^52). */
export function pairKey(a: number, b: number): number {
  return Math.min(a, b) * 2 ** 26 + Math.max(a, b);
}

/** The two actor numbers of a {@link pairKey}, smaller first. */
export function pairOfKey(key: number): [number, number] {
  const high = Math.floor(key / 2 ** 26);
  return [high, key - high * 2 ** 26];
}

/**
 * The index's span: the dataset's `period` when it has one, else from the earliest to the
 * latest finite day something holds on: `firstDays` are days things start or happen on (interval
 * starts, empty intervals included, and event days); `ends` are intervals' exclusive ends, whose
 * last day is the one before. So the span's last day, where the app opens and playback stops,
 * shows the relations that last longest, not the empty day after them (a dataset whose relations
 * all end, as every imported event table's do).
 */
export function indexSpan(
  dataset: Pick<Dataset, 'period'>,
  firstDays: readonly ArrayLike<number>[],
  ends: readonly ArrayLike<number>[],
): { start: number; end: number } {
  if (dataset.period)
    return { start: toDay(dataset.period.from), end: toDay(dataset.period.until) };
  let lo = Infinity;
  let hi = -Infinity;
  const include = (day: number) => {
    if (!Number.isFinite(day)) return;
    if (day < lo) lo = day;
    if (day > hi) hi = day;
  };
  for (const list of firstDays) for (let k = 0; k < list.length; k++) include(list[k]!);
  for (const list of ends) for (let k = 0; k < list.length; k++) include(list[k]! - 1);
  if (lo === Infinity) return { start: 0, end: 0 };
  return { start: lo, end: Math.max(lo, hi) };
}

export class TemporalIndex {
  private readonly actors: IntervalSet;
  private readonly relations: IntervalSet;
  private readonly relationList: Dataset['relations'];
  private readonly relPolarity: Uint8Array;
  private readonly relPair: Float64Array;
  private readonly polarityStarts: Record<Polarity, Float64Array>;
  private readonly polarityEnds: Record<Polarity, Float64Array>;
  readonly events: readonly IndexedEvent[];
  private readonly eventDays: Float64Array;
  /**
   * The span to explore: the dataset's `period` when it has one, else the
   * earliest and latest finite day mentioned by any actor, relation or event.
   */
  readonly start: DayNumber;
  readonly end: DayNumber;
  /**
   * True for a static dataset: no period, no events, and no actor or relation that starts or
   * ends. Every item is then always active, and there is no time to show.
   */
  readonly timeless: boolean;
  /** The structures this index wraps, to store with the dataset. */
  readonly packed: PackedIndex;

  /**
   * `packed` must be `packIndex(dataset)` (computed elsewhere: in the import
   * worker, or stored); without it, it is computed here. Wrapping is O(events).
   */
  constructor(dataset: Dataset, packed: PackedIndex = packIndex(dataset)) {
    this.packed = packed;
    this.actors = new IntervalSet(dataset.actors, packed.actors);
    this.relations = new IntervalSet(dataset.relations, packed.relations);
    this.relationList = dataset.relations;
    this.relPolarity = packed.relPolarity;
    this.relPair = packed.relPair;
    this.polarityStarts = packed.polarityStarts;
    this.polarityEnds = packed.polarityEnds;
    this.eventDays = packed.eventDays;
    this.events = Array.from(packed.eventOrder, (i, k) => ({
      id: dataset.events[i]!.id,
      day: packed.eventDays[k]! as DayNumber,
    }));
    this.start = packed.start as DayNumber;
    this.end = packed.end as DayNumber;
    this.timeless =
      dataset.period === undefined &&
      packed.eventDays.length === 0 &&
      packed.actors.tDay.length === 0 &&
      packed.relations.tDay.length === 0;
  }

  /** Actors and relations active at day t. */
  stateAt(t: DayNumber | number): GraphState {
    return {
      actors: this.actors.activeAt(t).map((i) => this.actors.idOf(i)),
      relations: this.relations.activeAt(t).map((i) => this.relations.idOf(i)),
    };
  }

  /** Whether a relation (by index in the dataset's list) is active at t. */
  relationActive(index: number, t: number): boolean {
    return this.relations.isActive(index, t);
  }

  /** Actors and relations active at some time in a span (see {@link shownSpan}). */
  stateDuring(span: TimeSpan): GraphState {
    return {
      actors: this.actorsDuring(span),
      relations: this.relations
        .overlapping(span.from, span.until)
        .map((i) => this.relations.idOf(i)),
    };
  }

  /** The actors alive at some time in a span. */
  actorsDuring(span: TimeSpan): string[] {
    return this.actors.overlapping(span.from, span.until).map((i) => this.actors.idOf(i));
  }

  /** The relations active at some time in a span, by index in the dataset's list, ascending. */
  relationIndicesDuring(span: TimeSpan): Int32Array {
    return Int32Array.from(this.relations.overlapping(span.from, span.until)).sort();
  }

  /** Whether a relation (by index in the dataset's list) is active at some time in a span. */
  relationActiveDuring(index: number, span: TimeSpan): boolean {
    return index >= 0 && this.relations.overlaps(index, span.from, span.until);
  }

  /** Whether an actor (by index in the dataset's list) is alive at some time in a span. */
  actorAliveDuring(index: number, span: TimeSpan): boolean {
    return index >= 0 && this.actors.overlaps(index, span.from, span.until);
  }

  /**
   * What changes when the shown span moves from `prev` to `next` (a day, a window, or one to
   * the other). O(log n + k). Flips are reported as by `diff`: a pair whose relation left while
   * one of another polarity entered.
   */
  diffSpans(prev: TimeSpan, next: TimeSpan): GraphDiff {
    return this.toDiff(this.actors.spanChanges(prev, next), this.relations.spanChanges(prev, next));
  }

  /** What changes when moving from t1 to t2 (either direction). O(log n + k). */
  diff(t1: DayNumber | number, t2: DayNumber | number): GraphDiff {
    return this.toDiff(this.actors.changes(t1, t2), this.relations.changes(t1, t2));
  }

  /** A diff from the item numbers that entered and left, as ids. */
  private toDiff(
    [actorsIn, actorsOut]: [number[], number[]],
    [relationsIn, relationsOut]: [number[], number[]],
  ): GraphDiff {
    return {
      actorsEntered: actorsIn.map((i) => this.actors.idOf(i)),
      actorsLeft: actorsOut.map((i) => this.actors.idOf(i)),
      relationsEntered: relationsIn.map((i) => this.relations.idOf(i)),
      relationsLeft: relationsOut.map((i) => this.relations.idOf(i)),
      flips: this.flips(relationsIn, relationsOut),
    };
  }

  private flips(entered: number[], left: number[]): Flip[] {
    if (entered.length === 0 || left.length === 0) return [];
    const leftByPair = new Map<number, number[]>();
    for (const i of left) {
      const k = this.relPair[i]!;
      const list = leftByPair.get(k);
      if (list) list.push(i);
      else leftByPair.set(k, [i]);
    }
    const out = new Map<number, Flip>();
    for (const i of entered) {
      const k = this.relPair[i]!;
      const gone = leftByPair.get(k)?.filter((j) => this.relPolarity[j] !== this.relPolarity[i]);
      if (!gone?.length) continue;
      const flip = out.get(k) ?? {
        source: this.relationList[i]!.source,
        target: this.relationList[i]!.target,
        left: gone.map((j) => this.relations.idOf(j)),
        entered: [],
      };
      flip.entered.push(this.relations.idOf(i));
      out.set(k, flip);
    }
    return [...out.values()];
  }

  /** The first event strictly after t, or undefined. Events on the same day come in id order. */
  nextEvent(t: DayNumber | number): IndexedEvent | undefined {
    return this.events[upperBound(this.eventDays, t)];
  }

  /** The last event strictly before t, or undefined. */
  previousEvent(t: DayNumber | number): IndexedEvent | undefined {
    return this.events[lowerBound(this.eventDays, t) - 1];
  }

  /** Events on day t. */
  eventsOn(t: DayNumber | number): IndexedEvent[] {
    return this.events.slice(lowerBound(this.eventDays, t), upperBound(this.eventDays, t));
  }

  /**
   * Relations active at some point in each bin, by polarity. `edges` are the
   * sorted bin boundaries: bin i is [edges[i], edges[i+1]). O(log n) per bin.
   */
  activity(edges: readonly number[]): ActivityBin[] {
    const count = (p: Polarity, lo: number, hi: number) =>
      // started before the bin ends, minus those that ended before it began
      lowerBound(this.polarityStarts[p], hi) - upperBound(this.polarityEnds[p], lo);
    const bins: ActivityBin[] = [];
    for (let i = 0; i + 1 < edges.length; i++) {
      const lo = edges[i]!;
      const hi = edges[i + 1]!;
      bins.push({
        start: lo as DayNumber,
        end: hi as DayNumber,
        positive: count('positive', lo, hi),
        negative: count('negative', lo, hi),
        neutral: count('neutral', lo, hi),
      });
    }
    return bins;
  }

  /** Every day at which an actor or relation starts or ends, sorted. */
  changeDays(): DayNumber[] {
    const all = [...this.actors.changeDays(), ...this.relations.changeDays()].sort((a, b) => a - b);
    return all.filter((d, i) => d !== all[i - 1]) as DayNumber[];
  }
}

/** Builds the index for a validated dataset; `packed`, when given, is its `packIndex` computed earlier. */
export function buildIndex(dataset: Dataset, packed?: PackedIndex): TemporalIndex {
  return new TemporalIndex(dataset, packed);
}
