/**
 * What an aggregated relation says about the events behind it: the note
 * (counts and mean score, per window), and which quoted events become its
 * evidence.
 */
import { QUAD_CLASS_NAMES, type QuadClass } from './event-columns';
import type { EventRow } from './event-rows';
import { monthIso, type AggregatedRelation, type EventKind } from './event-windows';
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

function scoreWords(events: readonly EventRow[]): string {
  const derived = events.filter((e) => e.scoredFromQuadClass).length;
  if (derived === 0) return 'mean Goldstein score';
  if (derived === events.length) return 'mean score (from QuadClass)';
  return `mean score (Goldstein; ${plural(derived, 'event')} scored from QuadClass)`;
}

function quadClassLine(events: readonly EventRow[]): string | undefined {
  const counts = new Map<QuadClass | undefined, number>();
  for (const e of events) counts.set(e.quadClass, (counts.get(e.quadClass) ?? 0) + 1);
  if (counts.size === 1 && counts.has(undefined)) return undefined;
  const parts = ([1, 2, 3, 4] as const)
    .filter((q) => counts.has(q))
    .map((q) => `${counts.get(q)} ${QUAD_CLASS_NAMES[q]}`);
  if (counts.has(undefined)) parts.push(`${counts.get(undefined)} without`);
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
  const events = rel.windows.flatMap((w) => w.events);
  const scores = events.map((e) => e.score);
  const mean = scores.reduce((s, x) => s + x, 0) / scores.length;
  const low = scores.reduce((m, x) => Math.min(m, x), Infinity);
  const high = scores.reduce((m, x) => Math.max(m, x), -Infinity);
  const label = (start: number) => windowLabel(start, windowMonths);
  const span =
    rel.windows.length === 1
      ? `1 window of ${windowMonths} months (${label(rel.from)})`
      : `${rel.windows.length} windows of ${windowMonths} months (${label(rel.from)} to ${label(rel.until - windowMonths)})`;
  const lines = [
    `From ${plural(events.length, 'event')} in ${file} over ${span}: ${scoreWords(events)} ${signed(mean)}, from ${signed(low)} to ${signed(high)}.`,
  ];
  const quad = quadClassLine(events);
  if (quad) lines.push(quad);
  if (rel.windows.length > 1) {
    const listed = rel.windows
      .slice(0, MAX_LISTED_WINDOWS)
      .map((w) => `${label(w.start)}: ${plural(w.events.length, 'event')}, mean ${signed(w.mean)}`);
    const more = rel.windows.length - listed.length;
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
 * the others, each group by date and row.
 */
export function pickEvidence(rel: AggregatedRelation, max: number): EventRow[] {
  const sign = SIGN[rel.kind];
  const agrees = (e: EventRow) => sign === 0 || Math.sign(e.score) === sign;
  return rel.windows
    .flatMap((w) => w.events)
    .filter((e) => e.quote !== undefined)
    .sort(
      (a, b) =>
        Number(agrees(b)) - Number(agrees(a)) ||
        a.date.localeCompare(b.date) ||
        a.row.record.row - b.row.record.row,
    )
    .slice(0, max);
}

/** The note of one evidence item: the event's date, row, id and scores. */
export function evidenceNote(e: EventRow): string {
  const where = [`row ${e.row.record.row}`, ...(e.id !== undefined ? [`id ${e.id}`] : [])];
  const scores = [
    ...(e.scoredFromQuadClass ? [] : [`Goldstein ${signed(e.score)}`]),
    ...(e.quadClass !== undefined
      ? [`QuadClass ${e.quadClass} (${QUAD_CLASS_NAMES[e.quadClass]})`]
      : []),
  ];
  return `event of ${e.date} (${where.join(', ')}): ${scores.join(', ')}`;
}
