/**
 * GDELT raw event exports (docs/FORMATS.md, "GDELT"): tab-separated, no
 * header, one event a line, 57, 58 or 61 columns (`gdelt-columns.ts`).
 * Rows become events of the common event-table path (`events-import.ts`):
 * SQLDATE, Actor1Code/Actor2Code (their Name columns as labels),
 * GoldsteinScale, QuadClass and EventCode; SOURCEURL is the source of each
 * event's evidence. Rows with fewer than two actors are left out with one
 * counted warning.
 */
import type { CsvCell, CsvRecord, CsvTable } from './csv';
import { FieldTable, Row, type ColumnRef } from './csv-table';
import type { EventField } from './event-columns';
import { eventSettings, type EventImportOptions } from './event-options';
import { readEventRows, reportSingleActorRows, type EventRow } from './event-rows';
import { buildEventDataset } from './events-import';
import {
  GDELT_COLUMNS,
  GDELT_SHAPE_NAMES,
  GDELT_WIDTHS,
  isGdeltWidth,
  type GdeltWidth,
} from './gdelt-columns';
import { plural, ProblemLog, type ImportResult } from './import-result';

/** Where the event fields are in every shape (the first 35 columns are shared). */
const SHARED_FIELDS: readonly [EventField, string][] = [
  ['id', 'GLOBALEVENTID'],
  ['date', 'SQLDATE'],
  ['actor1', 'Actor1Code'],
  ['actor1Name', 'Actor1Name'],
  ['actor2', 'Actor2Code'],
  ['actor2Name', 'Actor2Name'],
  ['cameoCode', 'EventCode'],
  ['quadClass', 'QuadClass'],
  ['goldstein', 'GoldsteinScale'],
];

/** The id of the source cited by events without a SOURCEURL (the historical back-files). */
const FILE_SOURCE = 'gdelt-export';

/**
 * The shape of a text's first line when it is a GDELT export row: 57, 58
 * or 61 tab-separated cells, a numeric GLOBALEVENTID and a YYYYMMDD
 * SQLDATE. Undefined otherwise.
 */
export function gdeltShapeOf(text: string): GdeltWidth | undefined {
  const first = /^[^\r\n]*/.exec(text.replace(/^\uFEFF/, ''))?.[0] ?? '';
  const cells = first.split('\t');
  if (!isGdeltWidth(cells.length)) return undefined;
  return /^\d+$/.test(cells[0]!) && /^\d{8}$/.test(cells[1]!) ? cells.length : undefined;
}

/**
 * Imports a GDELT 1.0 or 2.0 export. The first row decides the version;
 * 1.0 files may mix historical (57) and daily (58) rows; a row of another
 * width is an error at that row.
 */
export function importGdelt(
  file: { name: string; text: string },
  options: EventImportOptions = {},
): ImportResult {
  const log = new ProblemLog();
  const settings = eventSettings(options, file.name, log);
  const records = splitTsv(file.text);
  if (records.length === 0) {
    log.error(
      { file: file.name, path: '' },
      'the file is empty: a GDELT export has one event a line',
    );
    return log.result(undefined);
  }
  const version = records[0]!.cells.length === 61 ? '2.0' : '1.0';
  checkWidths(file.name, records, version, log);
  if (!settings || log.errors.length > 0) return log.result(undefined);

  const table = gdeltTable(file.name, records, version);
  const has = (f: EventField) => table.columns.has(f);
  const rows = records.map((r) => new Row(table, r));
  const isPaired = (r: Row<EventField>) => hasActor(r, 1) && hasActor(r, 2);
  const paired = rows.filter(isPaired);
  reportSingleActorRows(
    rows.filter((r) => !isPaired(r)),
    'GDELT codes many events with one identified actor; a relation needs two',
    log,
  );
  const events = readEventRows(paired, '\t', has, log).map(withEvidence);
  if (log.errors.length > 0) return log.result(undefined);
  const shapes = GDELT_WIDTHS.filter((w) => records.some((r) => r.cells.length === w));
  return buildEventDataset({
    file: file.name,
    events,
    has,
    settings,
    log,
    format: {
      about: describeGdelt(version, shapes, records.length),
      sources: {
        declared: [
          {
            id: FILE_SOURCE,
            title: `GDELT ${version} event export ${file.name}`,
            note: 'Historical GDELT rows carry no SOURCEURL: the file itself is the source.',
          },
        ],
        title: (url) => `GDELT coding of ${url}`,
      },
    },
  });
}

/** Lines split at tabs; GDELT quotes nothing, so a `"` is text. Blank lines are skipped. */
function splitTsv(text: string): CsvRecord[] {
  const records: CsvRecord[] = [];
  text
    .replace(/^\uFEFF/, '')
    .split(/\r\n|\n|\r/)
    .forEach((lineText, i) => {
      if (lineText.trim() === '') return;
      const line = i + 1;
      const cells: CsvCell[] = [];
      let column = 1;
      for (const cellText of lineText.split('\t')) {
        cells.push({ text: cellText, line, column });
        column += cellText.length + 1;
      }
      records.push({ cells, row: line, line });
    });
  return records;
}

/** Every row must have a width of the file's version: 57 or 58 for 1.0, 61 for 2.0. */
function checkWidths(
  file: string,
  records: readonly CsvRecord[],
  version: '1.0' | '2.0',
  log: ProblemLog,
): void {
  const allowed: readonly number[] = version === '2.0' ? [61] : [57, 58];
  for (const r of records) {
    const width = r.cells.length;
    if (allowed.includes(width)) continue;
    const what = isGdeltWidth(width)
      ? `a ${GDELT_SHAPE_NAMES[width]}, but the first row makes this a GDELT ${version} export`
      : `GDELT ${version} rows have ${allowed.join(' or ')} (a truncated line, or not a GDELT export)`;
    log.error(
      { file, line: r.line, path: `row ${r.row}` },
      `has ${plural(width, 'column')}: ${what}`,
      width,
    );
  }
}

function gdeltTable(
  file: string,
  records: CsvRecord[],
  version: '1.0' | '2.0',
): FieldTable<EventField> {
  const names = version === '2.0' ? GDELT_COLUMNS[61] : GDELT_COLUMNS[58];
  const columns = new Map<EventField, ColumnRef>();
  for (const [field, name] of [...SHARED_FIELDS, ['evidenceSource', 'SOURCEURL'] as const])
    columns.set(field, { index: names.indexOf(name), name });
  const table: CsvTable = { delimiter: '\t', header: { cells: [], row: 0, line: 0 }, records };
  return FieldTable.positional(file, table, columns);
}

const hasActor = (row: Row<EventField>, side: 1 | 2) =>
  row.word(`actor${side}`) !== undefined || row.word(`actor${side}Name`) !== undefined;

/**
 * GDELT publishes no words of its articles, so an event's quote is its
 * coding, verbatim from the row: actor 1, the CAMEO event code, actor 2
 * (names where GDELT gives them). Its source is the article GDELT coded it
 * from (SOURCEURL), or the file for rows without one.
 */
function withEvidence(e: EventRow): EventRow {
  const label = (side: 1 | 2) =>
    e.row.text(`actor${side}Name`)?.trim() || e.row.word(`actor${side}`)!;
  const code = e.row.word('cameoCode');
  const quote = [label(1), ...(code !== undefined ? [code] : []), label(2)].join(' · ');
  return { ...e, quote, source: e.source ?? FILE_SOURCE };
}

function describeGdelt(version: string, shapes: readonly GdeltWidth[], rows: number): string {
  const kinds = shapes.map((w) => GDELT_SHAPE_NAMES[w].replace(/ row /, ' rows ')).join(' and ');
  return (
    `GDELT ${version} raw event export (${plural(rows, 'row')}: ${kinds}). ` +
    `Actors are GDELT's CAMEO actor codes (Actor1Code, Actor2Code), labelled with their names; ` +
    `scores are GoldsteinScale, with QuadClass. GDELT publishes no words of its articles: each ` +
    `quote is the event as GDELT coded it (actor · CAMEO event code · actor), verbatim from the ` +
    `file, and its source is the article GDELT coded it from (SOURCEURL). Cite: The GDELT Project.`
  );
}
