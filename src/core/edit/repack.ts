/**
 * The temporal index's structures after an edit, derived from those before it
 * in time linear in the dataset's size, without sorting it again.
 *
 * Items are numbered by their position in `dataset.actors` and
 * `dataset.relations`, so an edit renumbers the items after the one it adds or
 * removes. Each structure is a sorted array; the result is exactly what
 * `packIndex` computes for the edited dataset (the unit tests compare them):
 * - entries of items the edit left alone are kept in order and renumbered (the
 *   renumbering keeps their order, so they stay sorted);
 * - entries of removed items are dropped, those of added and changed items
 *   ("fresh") computed and sorted (a handful), then merged in;
 * - the interval tree's max ends are re-derived in one pass (`buildMaxEnd`).
 * So adding one relation to 10k costs a few copies of 10k numbers, not a sort.
 */
import { endDay, startDay, toDay } from '../dates';
import type { Dataset, Polarity } from '../schema';
import {
  buildMaxEnd,
  indexSpan,
  pairKey,
  pairOfKey,
  POLARITIES,
  type PackedIndex,
  type PackedIntervals,
} from '../temporal';
import { resolveVocabulary } from '../vocabulary';
import type { Edit, EditableList } from './edit';
import { itemEdits } from './apply';

/**
 * How a list's items after an edit relate to those before: `origin[j]` is the
 * number before of item j (-1 for an added item), `fresh[j]` is 1 for an item
 * added or changed, whose entries must be computed anew.
 */
export interface ListTrace {
  origin: Int32Array;
  fresh: Uint8Array;
  /** For each number before: the number after, or -1 for a removed item. */
  next: Int32Array;
  /** True when every kept item kept its number (nothing inserted or removed before it). */
  sameNumbers: boolean;
}

/** Follows `edit`'s adds, removes and updates of `list` (length `before` when it starts). */
export function traceList(edit: Edit, list: EditableList, before: number): ListTrace {
  let origin = new Int32Array(before);
  for (let i = 0; i < before; i++) origin[i] = i;
  let fresh = new Uint8Array(before);
  for (const e of itemEdits(edit)) {
    if (e.list !== list) continue;
    if (e.op === 'update') fresh[e.index] = 1;
    else if (e.op === 'add') {
      origin = spliced(origin, e.index, 1, -1);
      fresh = spliced(fresh, e.index, 1, 1);
    } else {
      origin = spliced(origin, e.index, -1);
      fresh = spliced(fresh, e.index, -1);
    }
  }
  const next = new Int32Array(before).fill(-1);
  let sameNumbers = true;
  for (let j = 0; j < origin.length; j++) {
    const i = origin[j]!;
    if (i < 0) continue;
    next[i] = j;
    if (i !== j) sameNumbers = false;
  }
  return { origin, fresh, next, sameNumbers };
}

/** A copy of `array` with one slot inserted at `at` (`delta` 1, holding `value`) or removed (-1). */
function spliced<T extends Int32Array | Uint8Array>(
  array: T,
  at: number,
  delta: 1 | -1,
  value = 0,
): T {
  const out = new (array.constructor as new (n: number) => T)(array.length + delta);
  out.set(array.subarray(0, at));
  if (delta === 1) {
    out[at] = value;
    out.set(array.subarray(at), at + 1);
  } else out.set(array.subarray(at + 1), at);
  return out;
}

/** Whether old item `i` is still there, unchanged: its entries can be kept. */
const kept = (trace: ListTrace, i: number) => {
  const j = trace.next[i]!;
  return j >= 0 && trace.fresh[j] === 0;
};

/**
 * `packIndex(after)`, from `packed` = `packIndex(before)` and `edit`, which
 * turned `before` into `after`.
 */
export function repackIndex(
  packed: PackedIndex,
  before: Dataset,
  after: Dataset,
  edit: Edit,
): PackedIndex {
  const actors = traceList(edit, 'actors', before.actors.length);
  const relations = traceList(edit, 'relations', before.relations.length);
  const events = traceList(edit, 'events', before.events.length);
  const vocabulary = resolveVocabulary(after);
  markKindChanges(before, after, relations);

  const actorIntervals = repackIntervals(packed.actors, actors, after.actors);
  const relationIntervals = repackIntervals(packed.relations, relations, after.relations);
  const polarityOf = (kind: string) =>
    POLARITIES.indexOf(vocabulary.relationKinds.get(kind)?.polarity ?? 'neutral');

  // Each relation's polarity and actor pair: kept ones copied (pairs renumbered), fresh ones computed.
  const n = after.relations.length;
  const relPolarity = new Uint8Array(n);
  const relPair = new Float64Array(n);
  let actorNumbers: Map<string, number> | undefined;
  const actorNumber = (id: string) => {
    actorNumbers ??= new Map(after.actors.map((a, k) => [a.id, k]));
    return actorNumbers.get(id) ?? after.actors.length; // a valid dataset names only its actors
  };
  for (let j = 0; j < n; j++) {
    const i = relations.origin[j]!;
    const renumbered =
      i >= 0 && relations.fresh[j] === 0 ? renumberPair(packed.relPair[i]!, actors) : -1;
    if (renumbered >= 0) {
      relPolarity[j] = packed.relPolarity[i]!;
      relPair[j] = renumbered;
    } else {
      const r = after.relations[j]!;
      relPolarity[j] = polarityOf(r.kind);
      relPair[j] = pairKey(actorNumber(r.source), actorNumber(r.target));
    }
  }

  const { eventOrder, eventDays } = repackEvents(packed, events, after);
  return {
    ...indexSpan(
      after,
      [actorIntervals.start, relationIntervals.start, eventDays],
      [actorIntervals.end, relationIntervals.end],
    ),
    actors: actorIntervals,
    relations: relationIntervals,
    relPolarity,
    relPair,
    ...repackPolarityDays(packed, before, relations, relationIntervals, relPolarity),
    eventOrder,
    eventDays,
  };
}

/** Relations whose kind's polarity changed count as changed: their polarity is recomputed. */
function markKindChanges(before: Dataset, after: Dataset, relations: ListTrace): void {
  if (before.relationKinds === after.relationKinds) return;
  const was = resolveVocabulary(before).relationKinds;
  const is = resolveVocabulary(after).relationKinds;
  const changed = new Set<string>();
  for (const id of new Set([...was.keys(), ...is.keys()]))
    if (was.get(id)?.polarity !== is.get(id)?.polarity) changed.add(id);
  if (changed.size === 0) return;
  after.relations.forEach((r, j) => {
    if (changed.has(r.kind)) relations.fresh[j] = 1;
  });
}

/** A kept relation's pair with its actors' new numbers; -1 when an actor is gone (then recomputed). */
function renumberPair(key: number, actors: ListTrace): number {
  if (actors.sameNumbers) return key;
  const [a, b] = pairOfKey(key);
  const [x, y] = [actors.next[a] ?? -1, actors.next[b] ?? -1];
  return x >= 0 && y >= 0 ? pairKey(x, y) : -1;
}

/** The intervals of one list after the edit (see the file's comment). */
function repackIntervals(
  packed: PackedIntervals,
  trace: ListTrace,
  items: readonly { from?: string; until?: string }[],
): PackedIntervals {
  const n = items.length;
  const start = new Float64Array(n);
  const end = new Float64Array(n);
  const freshItems: number[] = [];
  for (let j = 0; j < n; j++) {
    const i = trace.origin[j]!;
    if (i >= 0 && trace.fresh[j] === 0) {
      start[j] = packed.start[i]!;
      end[j] = packed.end[i]!;
    } else {
      start[j] = startDay(items[j]!.from);
      end[j] = endDay(items[j]!.until);
      freshItems.push(j);
    }
  }

  // Transitions, ordered by (day, code) with code 2j for a start and 2j + 1 for an end.
  // Plain loops over typed arrays: this runs on every edit, over every transition.
  const keptCodes = new Int32Array(packed.tItem.length);
  let keptCount = 0;
  for (let k = 0; k < packed.tItem.length; k++) {
    const i = packed.tItem[k]!;
    if (!kept(trace, i)) continue;
    const isEnd = packed.tDay[k] !== packed.start[i] ? 1 : 0;
    keptCodes[keptCount++] = 2 * trace.next[i]! + isEnd;
  }
  const freshCodes: number[] = [];
  for (const j of freshItems) {
    if (!(start[j]! < end[j]!)) continue; // empty: never active, never changes
    if (Number.isFinite(start[j])) freshCodes.push(2 * j);
    if (Number.isFinite(end[j])) freshCodes.push(2 * j + 1);
  }
  const dayOfCode = (c: number) => ((c & 1) === 0 ? start[c >> 1]! : end[c >> 1]!);
  const codes = mergeSorted(
    keptCodes.subarray(0, keptCount),
    freshCodes,
    (a, b) => byDay(dayOfCode(a), dayOfCode(b)) || a - b,
  );
  const tDay = new Float64Array(codes.length);
  const tItem = new Int32Array(codes.length);
  for (let k = 0; k < codes.length; k++) {
    tDay[k] = dayOfCode(codes[k]!);
    tItem[k] = codes[k]! >> 1;
  }

  // Items by start, ties by number.
  const keptByStart = new Int32Array(packed.byStart.length);
  keptCount = 0;
  for (let k = 0; k < packed.byStart.length; k++) {
    const i = packed.byStart[k]!;
    if (kept(trace, i)) keptByStart[keptCount++] = trace.next[i]!;
  }
  const byStart = mergeSorted(
    keptByStart.subarray(0, keptCount),
    freshItems,
    (a, b) => byDay(start[a]!, start[b]!) || a - b,
  );
  return { start, end, tDay, tItem, byStart, maxEnd: buildMaxEnd(start, end, byStart) };
}

/** Days compared, infinities included (−∞ − −∞ is NaN, so not by subtraction alone). */
const byDay = (a: number, b: number) => (a < b ? -1 : a > b ? 1 : 0);

/** `kept` (already sorted) and `fresh` (sorted here) merged into one sorted array. */
function mergeSorted(
  kept: Int32Array,
  fresh: number[],
  compare: (a: number, b: number) => number,
): Int32Array {
  fresh.sort(compare);
  const out = new Int32Array(kept.length + fresh.length);
  let a = 0;
  let b = 0;
  for (let k = 0; k < out.length; k++)
    out[k] =
      b >= fresh.length || (a < kept.length && compare(kept[a]!, fresh[b]!) <= 0)
        ? kept[a++]!
        : fresh[b++]!;
  return out;
}

/**
 * The sorted starts and ends per polarity (the histogram's): the values of
 * removed and changed relations taken out, those of fresh relations put in,
 * each list merged in one pass.
 */
function repackPolarityDays(
  packed: PackedIndex,
  before: Dataset,
  trace: ListTrace,
  intervals: PackedIntervals,
  relPolarity: Uint8Array,
): Pick<PackedIndex, 'polarityStarts' | 'polarityEnds'> {
  const out: Record<Polarity, { gone: number[]; come: number[] }>[] = [0, 1].map(() => ({
    positive: { gone: [], come: [] },
    negative: { gone: [], come: [] },
    neutral: { gone: [], come: [] },
  }));
  const [starts, ends] = out as [(typeof out)[0], (typeof out)[0]];
  for (let i = 0; i < before.relations.length; i++) {
    if (kept(trace, i) || !(packed.relations.start[i]! < packed.relations.end[i]!)) continue;
    const p = POLARITIES[packed.relPolarity[i]!]!;
    starts[p].gone.push(packed.relations.start[i]!);
    ends[p].gone.push(packed.relations.end[i]!);
  }
  for (let j = 0; j < trace.fresh.length; j++) {
    if (!trace.fresh[j] || !(intervals.start[j]! < intervals.end[j]!)) continue;
    const p = POLARITIES[relPolarity[j]!]!;
    starts[p].come.push(intervals.start[j]!);
    ends[p].come.push(intervals.end[j]!);
  }
  const update = (days: Record<Polarity, Float64Array>, change: (typeof out)[0]) =>
    Object.fromEntries(
      POLARITIES.map((p) => [p, replaceValues(days[p], change[p].gone, change[p].come)]),
    ) as Record<Polarity, Float64Array>;
  return {
    polarityStarts: update(packed.polarityStarts, starts),
    polarityEnds: update(packed.polarityEnds, ends),
  };
}

/** The sorted `values` with one occurrence of each of `gone` removed and `come` added, still sorted. */
function replaceValues(values: Float64Array, gone: number[], come: number[]): Float64Array {
  if (gone.length === 0 && come.length === 0) return values;
  gone.sort(byDay);
  come.sort(byDay);
  const out = new Float64Array(values.length - gone.length + come.length);
  let g = 0;
  let c = 0;
  let k = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    while (g < gone.length && gone[g]! < v) g++; // a value to remove that is not there: ignore it
    if (g < gone.length && gone[g] === v) {
      g++;
      continue;
    }
    while (c < come.length && come[c]! < v) out[k++] = come[c++]!;
    out[k++] = v;
  }
  while (c < come.length) out[k++] = come[c++]!;
  return out;
}

/** Events by day, then id: kept ones renumbered in order, fresh ones merged in. */
function repackEvents(
  packed: PackedIndex,
  trace: ListTrace,
  after: Dataset,
): Pick<PackedIndex, 'eventOrder' | 'eventDays'> {
  const day = new Float64Array(after.events.length);
  const keptOrder = new Int32Array(packed.eventOrder.length);
  let keptCount = 0;
  for (let k = 0; k < packed.eventOrder.length; k++) {
    const i = packed.eventOrder[k]!;
    if (!kept(trace, i)) continue;
    keptOrder[keptCount++] = trace.next[i]!;
    day[trace.next[i]!] = packed.eventDays[k]!;
  }
  const freshEvents: number[] = [];
  for (let j = 0; j < trace.fresh.length; j++) {
    if (!trace.fresh[j]) continue;
    freshEvents.push(j);
    day[j] = toDay(after.events[j]!.date);
  }
  const events = after.events;
  const order = mergeSorted(
    keptOrder.subarray(0, keptCount),
    freshEvents,
    (a, b) => day[a]! - day[b]! || (events[a]!.id < events[b]!.id ? -1 : 1),
  );
  const eventDays = new Float64Array(order.length);
  for (let k = 0; k < order.length; k++) eventDays[k] = day[order[k]!]!;
  return { eventOrder: order, eventDays };
}
