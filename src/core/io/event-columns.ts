/**
 * The columns of an event table (GDELT, ICEWS and the like: one row per coded
 * event between two actors) and the header names accepted for each, matched
 * after {@link normaliseName} (case, spaces, `-`, `_` and `.` do not matter).
 * See docs/FORMATS.md, "Event tables".
 */
import { parseCsv } from './csv';
import { RELATION_COLUMNS } from './csv-columns';
import { normaliseName } from './names';

export const EVENT_COLUMNS = {
  id: ['id', 'event_id', 'eventid', 'globaleventid'],
  date: ['date', 'day', 'sqldate', 'event_date', 'eventdate'],
  actor1: [
    'actor1',
    'actor_1',
    'actor1code',
    'actor1_code',
    'actor_1_code',
    'actor_a',
    'source',
    'source_actor',
    'source_code',
  ],
  actor1Name: ['actor1name', 'actor1_name', 'actor_1_name', 'source_name'],
  actor2: [
    'actor2',
    'actor_2',
    'actor2code',
    'actor2_code',
    'actor_2_code',
    'actor_b',
    'target',
    'target_actor',
    'target_code',
  ],
  actor2Name: ['actor2name', 'actor2_name', 'actor_2_name', 'target_name'],
  goldstein: ['goldstein', 'goldsteinscale', 'goldstein_scale', 'score', 'intensity'],
  quadClass: ['quadclass', 'quad_class'],
  cameoCode: ['cameo_code', 'cameocode', 'eventcode', 'event_code'],
  quote: ['quote', 'evidence', 'text', 'sentence', 'excerpt'],
  evidenceSource: ['evidence_source', 'quote_source', 'sourceurl', 'source_url', 'url'],
} as const;

export type EventField = keyof typeof EVENT_COLUMNS;

/** QuadClass codes as GDELT and ICEWS define them. */
export const QUAD_CLASS_NAMES = {
  1: 'verbal cooperation',
  2: 'material cooperation',
  3: 'verbal conflict',
  4: 'material conflict',
} as const;

export type QuadClass = keyof typeof QUAD_CLASS_NAMES;

/**
 * The score an event counts for when it has a QuadClass but no Goldstein
 * value: the mean Goldstein value of the CAMEO root codes in its class
 * (01–05, 06–08, 09–13, 14–20), rounded to one decimal.
 */
export const QUAD_CLASS_SCORE: Readonly<Record<QuadClass, number>> = {
  1: 2.3,
  2: 6,
  3: -3.8,
  4: -7.7,
};

/** What a QuadClass cell may hold, for messages. */
export const QUAD_CLASS_HELP = `expected 1 (${QUAD_CLASS_NAMES[1]}), 2 (${QUAD_CLASS_NAMES[2]}), 3 (${QUAD_CLASS_NAMES[3]}) or 4 (${QUAD_CLASS_NAMES[4]})`;

/** The fields a header names (normalised header cells → event fields). */
export function eventFieldsOf(headerCells: readonly string[]): Set<EventField> {
  const names = new Set(headerCells.map(normaliseName));
  const fields = new Set<EventField>();
  for (const field of Object.keys(EVENT_COLUMNS) as EventField[])
    if (EVENT_COLUMNS[field].some((n) => names.has(n))) fields.add(field);
  return fields;
}

/**
 * Whether a CSV text is an event table: its header has a column for each of
 * the two actors (code or name) and a Goldstein, QuadClass or CAMEO code
 * column, and no `kind` column (a relations table has one). Only the first
 * line is read.
 */
export function isEventTable(text: string): boolean {
  const firstLine = /^[^\r\n]*/.exec(text.replace(/^\uFEFF/, ''))?.[0] ?? '';
  const cells = parseCsv(firstLine).table?.header.cells.map((c) => c.text) ?? [];
  const kindNames: readonly string[] = RELATION_COLUMNS.kind;
  if (cells.some((c) => kindNames.includes(normaliseName(c)))) return false;
  const f = eventFieldsOf(cells);
  return (
    (f.has('actor1') || f.has('actor1Name')) &&
    (f.has('actor2') || f.has('actor2Name')) &&
    (f.has('goldstein') || f.has('quadClass') || f.has('cameoCode'))
  );
}
