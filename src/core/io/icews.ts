/**
 * ICEWS coded event data (docs/FORMATS.md, "ICEWS"): tab-separated with a
 * header (`Event ID, Event Date, Source Name, Source Sectors, Source
 * Country, Event Text, CAMEO Code, Intensity, Target Name, …, Publisher`),
 * `NA` for a missing value. Rows become events of the common event-table
 * path: the source and target names are the actors, `Intensity` is the
 * Goldstein score and the CAMEO code's root gives the QuadClass.
 */
import type { Row } from './csv-table';
import { EVENT_COLUMNS, type EventField } from './event-columns';
import type { EventImportOptions } from './event-options';
import { readEventRows, type EventRow } from './event-rows';
import { importEventTables, type EventTableFormat } from './event-tables';
import { readEventTable } from './events-import';
import { plural, type ImportResult } from './import-result';
import { normaliseName } from './names';

/** The ICEWS columns read besides the event columns. */
const ICEWS_EXTRA = {
  eventText: ['event_text'],
  publisher: ['publisher'],
  story: ['story_id'],
  sentence: ['sentence_number'],
  country1: ['source_country'],
  country2: ['target_country'],
} as const;

export type IcewsField = EventField | keyof typeof ICEWS_EXTRA;

export const ICEWS_COLUMNS: Readonly<Record<IcewsField, readonly string[]>> = {
  ...EVENT_COLUMNS,
  ...ICEWS_EXTRA,
};

/** The header cells that make a table ICEWS (normalised). */
const ICEWS_SIGNATURE = ['event_id', 'event_date', 'source_name', 'target_name', 'cameo_code'];

/** Whether a header (its cells) is ICEWS's. */
export function isIcewsHeader(cells: readonly string[]): boolean {
  const names = new Set(cells.map(normaliseName));
  return ICEWS_SIGNATURE.every((n) => names.has(n));
}

/** The id of the source cited by events whose publisher is missing. */
const FILE_SOURCE = 'icews-file';

/** ICEWS files: each file's rows become events; the aggregation is the common one. */
export const ICEWS: EventTableFormat = {
  read(file, log) {
    const matched = readEventTable<keyof typeof ICEWS_EXTRA>(file, log, ICEWS_COLUMNS);
    if (!matched) return undefined;
    const table = matched.withMissing(['NA']);
    const has = (f: EventField) => table.columns.has(f);
    const rows = table.rows(log);
    const byRecord = new Map(rows.map((r) => [r.record, r]));
    const events = readEventRows(
      rows.map((r) => r.narrow<EventField>()),
      '\t',
      has,
      log,
    ).map((e) => withIcewsDetail(e, byRecord.get(e.row.record)!));
    return { events, has, rows: rows.length };
  },
  describe: (files, rows) => ({
    about:
      `ICEWS coded events (${plural(rows, 'row')}). Actors are the source and target ` +
      `names; an actor whose name is its country's is a state. Scores are the Intensity ` +
      `(Goldstein scale); the QuadClass comes from the CAMEO code's root. ICEWS publishes no ` +
      `words of its stories: each quote is the event as ICEWS coded it (source · event text · ` +
      `target), verbatim from the file, and its source is the story's publisher. "NA" is read ` +
      `as no value.`,
    sources: {
      declared: [{ id: FILE_SOURCE, title: `ICEWS coded events ${files.join(', ')}` }],
      title: (publisher) => `ICEWS coding of a story by ${publisher}`,
    },
  }),
};

/** Imports one ICEWS file (several: `importEventFiles` in `event-files.ts`). */
export function importIcews(
  file: { name: string; text: string },
  options: EventImportOptions = {},
): ImportResult {
  return importEventTables(ICEWS, [file], options);
}

/** The quote, source, story and actor types of an ICEWS event, from its own cells. */
function withIcewsDetail(e: EventRow, row: Row<IcewsField>): EventRow {
  const eventText = row.text('eventText')?.trim();
  const quote = [e.name1 ?? e.actor1, ...(eventText ? [eventText] : []), e.name2 ?? e.actor2];
  const story = row.word('story');
  const sentence = row.word('sentence');
  const detail = [
    ...(story !== undefined ? [`story ${story}`] : []),
    ...(sentence !== undefined ? [`sentence ${sentence}`] : []),
  ].join(', ');
  // A country that acts as itself ("Japan", country Japan) is a state.
  const stateIf = (name: string | undefined, country: string | undefined) =>
    name !== undefined && name === country ? 'state' : undefined;
  return {
    ...e,
    quote: quote.join(' · '),
    source: row.word('publisher') ?? FILE_SOURCE,
    detail: detail || undefined,
    type1: stateIf(e.name1, row.word('country1')),
    type2: stateIf(e.name2, row.word('country2')),
  };
}
