/**
 * Events aggregated into relations (docs/FORMATS.md, "Event tables"): per
 * pair of actors (events in either direction count) and time window, the
 * mean score decides the kind; consecutive windows of one kind between one
 * pair merge into one relation.
 */
import type { EventRow } from './event-rows';

/** How events become relations; see `EVENT_IMPORT_DEFAULTS` for the defaults. */
export interface WindowRules {
  /** Length of a window in months. */
  windowMonths: number;
  /** Fewest events a pair needs in a window for a relation. */
  minEvents: number;
  /** Mean score at or above which a window is `cooperation`. */
  cooperationAt: number;
  /** Mean score at or below which a window is `hostility` (or `tension`). */
  hostilityAt: number;
  /** A window whose mean lies between the thresholds: `contact`, or no relation. */
  between: 'contact' | 'none';
}

export type EventKind = 'cooperation' | 'hostility' | 'tension' | 'contact';

/** One window of one pair. */
export interface EventWindow {
  /** First month of the window (months since January of year 0). */
  start: number;
  events: EventRow[];
  mean: number;
}

/** A relation: one kind over consecutive windows of one pair. */
export interface AggregatedRelation {
  /** Actor 1 and actor 2 of the pair's first event. */
  source: string;
  target: string;
  kind: EventKind;
  /** Months: `from` inclusive, `until` exclusive (the end of the last window). */
  from: number;
  until: number;
  windows: EventWindow[];
}

export interface Aggregation {
  relations: AggregatedRelation[];
  /** Pair windows with fewer than `minEvents` events, and how many events they hold. */
  sparse: { windows: number; events: number };
  /** Pair windows between the thresholds when `between` is `none`. */
  unsigned: { windows: number; events: number };
}

/**
 * The kind of a window: `cooperation` at or above `cooperationAt`;
 * at or below `hostilityAt`, `tension` when every event has a QuadClass and
 * none is material conflict (4), else `hostility`; in between `contact`, or
 * none when `between` is `none`.
 */
export function windowKind(
  events: readonly EventRow[],
  mean: number,
  rules: WindowRules,
): EventKind | undefined {
  if (mean >= rules.cooperationAt) return 'cooperation';
  if (mean <= rules.hostilityAt)
    return events.every((e) => e.quadClass !== undefined && e.quadClass !== 4)
      ? 'tension'
      : 'hostility';
  return rules.between === 'contact' ? 'contact' : undefined;
}

/** January of the earliest event's year: windows count from there. */
export function firstWindowStart(events: readonly EventRow[]): number {
  const first = events.reduce((m, e) => Math.min(m, e.month), Infinity);
  return Math.floor(first / 12) * 12;
}

/**
 * The mean score of events (a window's, a relation's), summed in whole thousandths (scores have
 * at most three decimals; Goldstein's have one): a sum of doubles depends on the order of the
 * events, so a mean exactly on a threshold could fall either side of it, and one exactly between
 * two tenths could be written either way in a note (0.3 and 0.6: 0.44999999999999996 summed as
 * doubles). The DuckDB import (scripts/duckdb/aggregate.sql) sums the same way.
 */
export function exactMean(events: readonly Pick<EventRow, 'score'>[]): number {
  const thousandths = events.reduce((s, e) => s + Math.round(e.score * 1000), 0);
  return thousandths / (1000 * events.length);
}

/** Aggregates events into relations, in order of each pair's first event, then time. */
export function aggregateEvents(events: readonly EventRow[], rules: WindowRules): Aggregation {
  const base = firstWindowStart(events);
  const size = rules.windowMonths;
  const pairs = new Map<
    string,
    { source: string; target: string; windows: Map<number, EventRow[]> }
  >();
  for (const e of events) {
    const key = JSON.stringify(e.actor1 < e.actor2 ? [e.actor1, e.actor2] : [e.actor2, e.actor1]);
    let pair = pairs.get(key);
    if (!pair) {
      pair = { source: e.actor1, target: e.actor2, windows: new Map() };
      pairs.set(key, pair);
    }
    const start = base + Math.floor((e.month - base) / size) * size;
    const list = pair.windows.get(start);
    if (list) list.push(e);
    else pair.windows.set(start, [e]);
  }

  const result: Aggregation = {
    relations: [],
    sparse: { windows: 0, events: 0 },
    unsigned: { windows: 0, events: 0 },
  };
  for (const { source, target, windows } of pairs.values()) {
    let current: AggregatedRelation | undefined;
    for (const start of [...windows.keys()].sort((a, b) => a - b)) {
      const list = windows.get(start)!;
      if (list.length < rules.minEvents) {
        result.sparse.windows++;
        result.sparse.events += list.length;
        continue;
      }
      const mean = exactMean(list);
      const kind = windowKind(list, mean, rules);
      if (kind === undefined) {
        result.unsigned.windows++;
        result.unsigned.events += list.length;
        continue;
      }
      const window = { start, events: list, mean };
      if (current && current.kind === kind && current.until === start) {
        current.windows.push(window);
        current.until = start + size;
      } else {
        current = { source, target, kind, from: start, until: start + size, windows: [window] };
        result.relations.push(current);
      }
    }
  }
  return result;
}

/** A month index as ISO `YYYY-MM`. */
export function monthIso(month: number): string {
  const year = Math.floor(month / 12);
  return `${String(year).padStart(4, '0')}-${String((month % 12) + 1).padStart(2, '0')}`;
}
