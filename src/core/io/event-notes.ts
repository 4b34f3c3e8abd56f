/**
 * What an aggregated relation says about the events behind it: the note
 * (counts and mean score, per window), and which quoted events become its
 * evidence.
 */
import { CAMEO_ROOT_NAMES } from './cameo';
import { QUAD_CLASS_NAMES, type QuadClass } from './event-columns';
import type { EventRow } from './event-rows';
import { exactMean, monthIso, type AggregatedRelation, type EventKind } from './event-windows';
import { plural } from './import-result';

/** Windows listed one by one in a note; the rest are summed up. */
const MAX_LISTED_WINDOWS = 12;

/** `+2.3`, `-4`, `0`. */
export function signed(x: number): string {
  const r = Math.round(x * 10) / 10 || 0;
  return r > 0 ? `+${r}` : String(r);
}

/** A window by its months: `2015` (a calendar year), `2015-03` (one month), `2015-01–2015-06`. */
export function windowLabel(start: number, months: number): string {
  if (months === 12 && start % 12 === 0) return monthIso(start).slice(0, 4);
  if (months === 1) return monthIso(start);
  return `${monthIso(start)}–${monthIso(start + months - 1)}`;
}

/**
 * What a relation's note says, counted: the in-browser import counts it from
 * its events (`relationCounts`), the DuckDB import (scripts/duckdb/) in SQL.
 */
export interface RelationCounts {
  events: number;
  mean: number;
  low: number;
  high: number;
  /** The score basis every event shares (ACLED's event type, GED), if any. */
  basis?: string;
  /** Events scored from their QuadClass, having no Goldstein value. */
  scoredFromQuadClass: number;
  /** Events per QuadClass; `none`: events without one. */
  quadClasses: Record<QuadClass | 'none', number>;
  from: number;
  until: number;
  /** Number of windows, and the first ones listed (at most MAX_LISTED_WINDOWS are shown). */
  windowCount: number;
  windows: readonly { start: number; events: number; mean: number }[];
}

/** The counts of an aggregated relation's note, from its events. */
export function relationCounts(rel: AggregatedRelation): RelationCounts {
  const events = rel.windows.flatMap((w) => w.events);
  const scores = events.map((e) => e.score);
  const basis = events[0]?.scoreBasis;
  const quadClasses = { 1: 0, 2: 0, 3: 0, 4: 0, none: 0 };
  for (const e of events) quadClasses[e.quadClass ?? 'none']++;
  return {
    events: events.length,
    mean: exactMean(events),
    low: scores.reduce((m, x) => Math.min(m, x), Infinity),
    high: scores.reduce((m, x) => Math.max(m, x), -Infinity),
    basis: basis !== undefined && events.every((e) => e.scoreBasis === basis) ? basis : undefined,
    scoredFromQuadClass: events.filter((e) => e.scoredFromQuadClass).length,
    quadClasses,
    from: rel.from,
    until: rel.until,
    windowCount: rel.windows.length,
    windows: rel.windows.map((w) => ({ start: w.start, events: w.events.length, mean: w.mean })),
  };
}

function scoreWords(c: RelationCounts): string {
  if (c.basis !== undefined) return `mean score (${c.basis})`;
  const derived = c.scoredFromQuadClass;
  if (derived === 0) return 'mean Goldstein score';
  if (derived === c.events) return 'mean score (from QuadClass)';
  return `mean score (Goldstein; ${plural(derived, 'event')} scored from QuadClass)`;
}

function quadClassLine({ quadClasses }: RelationCounts): string | undefined {
  const parts = ([1, 2, 3, 4] as const)
    .filter((q) => quadClasses[q] > 0)
    .map((q) => `${quadClasses[q]} ${QUAD_CLASS_NAMES[q]}`);
  if (parts.length === 0) return undefined;
  if (quadClasses.none > 0) parts.push(`${quadClasses.none} without`);
  return `QuadClass: ${parts.join(', ')}.`;
}

/**
 * The note of an aggregated relation: how many events, over which windows,
 * the mean score with its range, the QuadClass counts, the per-window counts
 * and means, and how many quoted events the evidence shows.
 */
export function relationNote(
  rel: AggregatedRelation,
  windowMonths: number,
  file: string,
  quoted: { shown: number; total: number },
): string {
  return relationNoteOf(relationCounts(rel), windowMonths, file, quoted);
}

/** {@link relationNote} from the counts. */
export function relationNoteOf(
  c: RelationCounts,
  windowMonths: number,
  file: string,
  quoted: { shown: number; total: number },
): string {
  const label = (start: number) => windowLabel(start, windowMonths);
  const span =
    c.windowCount === 1
      ? `1 window of ${windowMonths} months (${label(c.from)})`
      : `${c.windowCount} windows of ${windowMonths} months (${label(c.from)} to ${label(c.until - windowMonths)})`;
  const lines = [
    `From ${plural(c.events, 'event')} in ${file} over ${span}: ${scoreWords(c)} ${signed(c.mean)}, from ${signed(c.low)} to ${signed(c.high)}.`,
  ];
  const quad = quadClassLine(c);
  if (quad) lines.push(quad);
  if (c.windowCount > 1) {
    const listed = c.windows
      .slice(0, MAX_LISTED_WINDOWS)
      .map((w) => `${label(w.start)}: ${plural(w.events, 'event')}, mean ${signed(w.mean)}`);
    const more = c.windowCount - listed.length;
    lines.push(`Per window: ${listed.join('; ')}${more > 0 ? `; and ${more} more` : ''}.`);
  }
  if (quoted.total > quoted.shown)
    lines.push(`Evidence: ${quoted.shown} of ${quoted.total} quoted events.`);
  return lines.join('\n');
}

const SIGN: Record<EventKind, number> = { cooperation: 1, hostility: -1, tension: -1, contact: 0 };

/**
 * The quoted events a relation shows as evidence, at most `max`: first those
 * whose score has the sign of the relation's kind (any, for `contact`), then
 * the others, each group by date, then in input order.
 */
export function pickEvidence(rel: AggregatedRelation, max: number): EventRow[] {
  const sign = SIGN[rel.kind];
  const agrees = (e: EventRow) => sign === 0 || Math.sign(e.score) === sign;
  return rel.windows
    .flatMap((w) => w.events)
    .filter((e) => e.quote !== undefined)
    .sort(
      (a, b) =>
        // Ties keep the input order (the sort is stable): the row order of
        // one file, and file after file for several.
        Number(agrees(b)) - Number(agrees(a)) || a.date.localeCompare(b.date),
    )
    .slice(0, max);
}

/**
 * The note of one evidence item: the event's date, row (and its file, when
 * it is not the `imported` one: an import of several files), id, CAMEO
 * code, scores and what the format adds (`detail`).
 */
export function evidenceNote(e: EventRow, imported?: string): string {
  // Events of an import of several files name the file of their row.
  const file = e.row.whole().file;
  const of = imported !== undefined && file !== undefined && file !== imported ? ` of ${file}` : '';
  const where = [`row ${e.row.record.row}${of}`, ...(e.id !== undefined ? [`id ${e.id}`] : [])];
  const root = e.cameo === undefined ? undefined : CAMEO_ROOT_NAMES.get(e.cameo.slice(0, 2));
  const scores = [
    ...(e.cameo !== undefined ? [`CAMEO ${e.cameo}${root ? ` (${root})` : ''}`] : []),
    ...(e.scoreBasis !== undefined
      ? [`score ${signed(e.score)}`]
      : e.scoredFromQuadClass
        ? []
        : [`Goldstein ${signed(e.score)}`]),
    ...(e.quadClass !== undefined
      ? [`QuadClass ${e.quadClass} (${QUAD_CLASS_NAMES[e.quadClass]})`]
      : []),
  ];
  const detail = e.detail === undefined ? '' : `; ${e.detail}`;
  return `event of ${e.date} (${where.join(', ')}): ${scores.join(', ')}${detail}`;
}
