/**
 * GDELT raw event exports (docs/FORMATS.md, "GDELT"): tab-separated, no
 * header, one event a line, 57, 58 or 61 columns (`gdelt-columns.ts`).
 * Rows become events of the common event path (`events-import.ts`):
 * SQLDATE, Actor1Code/Actor2Code (their Name columns as labels),
 * GoldsteinScale, QuadClass and EventCode; SOURCEURL is the source of each
 * event's evidence. Rows with fewer than two actors are left out with one
 * counted warning.
 */
import type { CsvCell, CsvRecord, CsvTable } from './csv';
import { FieldTable, Row, type ColumnRef } from './csv-table';
import type { EventField } from './event-columns';
import { eventSettings, type EventImportOptions } from './event-options';
import { EventRowReader, LeftOutRows, reportSingleActorRows, type EventRow } from './event-rows';
import { readEventFiles, severalFilesTitle, type EventFilesImport } from './event-tables';
import { buildEventDataset } from './events-import';
import {
  GDELT_COLUMNS,
  GDELT_SHAPE_NAMES,
  GDELT_WIDTHS,
  isGdeltWidth,
  type GdeltWidth,
} from './gdelt-columns';
import { fileStem, plural, ProblemLog, type ImportResult } from './import-result';

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
 * width is an error at that row. Several exports: `importEventFiles` in
 * `event-files.ts`.
 */
export function importGdelt(
  file: { name: string; text: string },
  options: EventImportOptions = {},
): ImportResult {
  return readEventFiles(new GdeltImport(options), [file]);
}

/** One file of an import: its name, and what its first row told. */
interface GdeltFile {
  name: string;
  version?: '1.0' | '2.0';
  table?: FieldTable<EventField>;
  /** The table of the cells an event keeps once read (LATER_FIELDS). */
  keptTable?: FieldTable<EventField>;
  rows: number;
}

/**
 * GDELT exports read piece by piece (a file stream, a browser File's
 * stream, or a whole text as one piece): each line becomes an event as it
 * comes, and only the events are kept, each with the five cells problems
 * may point at (see LATER_FIELDS), never the text, the other cells or the
 * rows left out. So an
 * import holds a few times the file's size at most, where splitting the
 * whole text into rows of cells held sixteen times. Several files are one
 * table of events (GDELT publishes an export every 15 minutes); each file's
 * first row decides its version, and problems name the file.
 */
export class GdeltImport implements EventFilesImport {
  private readonly files: GdeltFile[] = [];
  private readonly events: EventRow[] = [];
  private readonly singleActor = new LeftOutRows();
  /**
   * Problems of the files' shape (an empty file, rows of the wrong width):
   * while there are any, the cells' problems are not reported.
   */
  private readonly widths = new ProblemLog();
  private readonly cells = new ProblemLog();
  private readonly reader = new EventRowReader('\t', (f) => GDELT_FIELDS.has(f), this.cells);
  private readonly shapes = new Set<GdeltWidth>();
  /** The end of the last piece, when it cuts a line (or may be half of a CRLF). */
  private rest = '';
  /** Whether nothing of the current file has been read yet (where a byte order mark may be). */
  private atStart = true;
  private line = 0;

  constructor(private readonly options: EventImportOptions = {}) {}

  startFile(name: string): void {
    this.files.push({ name, rows: 0 });
    this.rest = '';
    this.atStart = true;
    this.line = 0;
  }

  /** The next piece of the current file's text. */
  push(piece: string): void {
    let text = this.rest + piece;
    if (this.atStart && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    if (text !== '') this.atStart = false;
    const breaks = /\r\n|\n|\r/g;
    let start = 0;
    for (let m = breaks.exec(text); m; m = breaks.exec(text)) {
      // A CR ending the piece may be the first half of a CRLF: wait for the next piece.
      if (m[0] === '\r' && m.index === text.length - 1) break;
      this.readLine(text.slice(start, m.index));
      start = breaks.lastIndex;
    }
    this.rest = text.slice(start);
  }

  endFile(): void {
    if (this.rest !== '') this.readLine(this.rest.replace(/\r$/, ''));
    this.rest = '';
    const file = this.files.at(-1)!;
    if (file.rows === 0)
      this.widths.error(
        { file: file.name, path: '' },
        'the file is empty: a GDELT export has one event a line',
      );
  }

  /** The dataset of every file read, or the problems that stop it. */
  finish(): ImportResult {
    const names = this.files.map((f) => f.name);
    const label = names.join(', ');
    const log = new ProblemLog();
    const settings = eventSettings(this.options, label, log);
    log.errors.push(...this.widths.errors);
    if (!settings || log.errors.length > 0) return log.result(undefined);
    reportSingleActorRows(
      this.singleActor,
      'GDELT codes many events with one identified actor; a relation needs two',
      log,
    );
    this.reader.finish();
    log.errors.push(...this.cells.errors);
    log.warnings.push(...this.cells.warnings);
    if (log.errors.length > 0) return log.result(undefined);
    const versions = [...new Set(this.files.map((f) => f.version))].join(' and ');
    const rows = this.files.reduce((n, f) => n + f.rows, 0);
    return buildEventDataset({
      file: label,
      fileCount: names.length,
      events: this.events,
      has: (f) => GDELT_FIELDS.has(f),
      settings,
      log,
      format: {
        about: describeGdelt(
          versions,
          GDELT_WIDTHS.filter((w) => this.shapes.has(w)),
          rows,
        ),
        title: names.length > 1 ? severalFilesTitle(names) : fileStem(label),
        sources: {
          declared: [
            {
              id: FILE_SOURCE,
              title: `GDELT ${versions} event export ${label}`,
              note: 'Historical GDELT rows carry no SOURCEURL: the file itself is the source.',
            },
          ],
          title: (url) => `GDELT coding of ${url}`,
        },
      },
    });
  }

  /** One line: blank lines are skipped; a row of the file's width becomes an event, or a problem. */
  private readLine(text: string): void {
    this.line++;
    if (text.trim() === '') return;
    const file = this.files.at(-1)!;
    file.rows++;
    const cells = text.split('\t');
    const width = cells.length;
    if (!file.version) {
      file.version = width === 61 ? '2.0' : '1.0';
      file.table = gdeltTable(file.name, file.version);
      file.keptTable = keptTable(file.name);
    }
    if (!widthFits(width, file.version)) {
      this.widthProblem(file, width);
      return;
    }
    this.shapes.add(width as GdeltWidth);
    const row = new Row(file.table!, this.record(cells, file.version));
    if (!hasActor(row, 1) || !hasActor(row, 2)) return this.singleActor.add(row);
    const event = this.reader.read(row);
    if (event) this.events.push(keptAfterReading(withEvidence(event), file));
  }

  /**
   * The row as the event reader reads it: only the cells of the event
   * fields (KEPT_COLUMNS), each where the file has it (line, column).
   */
  private record(cells: readonly string[], version: '1.0' | '2.0'): CsvRecord {
    const kept = KEPT_COLUMNS[version];
    const record: CsvCell[] = [];
    let column = 1;
    let next = 0;
    // A 57-column row (GDELT 1.0 historical) stops before SOURCEURL: no cell for it.
    for (let i = 0; i < cells.length && next < kept.length; i++) {
      const text = cells[i]!;
      if (i === kept[next]) {
        record.push({ text: detached(text), line: this.line, column });
        next++;
      }
      column += text.length + 1;
    }
    return { cells: record, row: this.line, line: this.line };
  }

  private widthProblem(file: GdeltFile, width: number): void {
    const version = file.version!;
    const what = isGdeltWidth(width)
      ? `a ${GDELT_SHAPE_NAMES[width]}, but the first row makes this a GDELT ${version} export`
      : `GDELT ${version} rows have ${ALLOWED_WIDTHS[version].join(' or ')} (a truncated line, or not a GDELT export)`;
    this.widths.error(
      { file: file.name, line: this.line, path: `row ${this.line}` },
      `has ${plural(width, 'column')}: ${what}`,
      width,
    );
  }
}

const ALLOWED_WIDTHS = { '1.0': [57, 58], '2.0': [61] } as const;

const widthFits = (width: number, version: '1.0' | '2.0') =>
  (ALLOWED_WIDTHS[version] as readonly number[]).includes(width);

/** The event fields of a GDELT row, and the columns they are read from, by version. */
const FIELD_COLUMNS: readonly [EventField, string][] = [
  ...SHARED_FIELDS,
  ['evidenceSource', 'SOURCEURL'],
];
const GDELT_FIELDS: ReadonlySet<EventField> = new Set(FIELD_COLUMNS.map(([f]) => f));

/** The positions of the kept cells in a row of each version, in column order. */
const KEPT_COLUMNS = {
  '1.0': keptColumns(GDELT_COLUMNS[58]),
  '2.0': keptColumns(GDELT_COLUMNS[61]),
};

function keptColumns(names: readonly string[]): number[] {
  return FIELD_COLUMNS.map(([, name]) => names.indexOf(name)).sort((a, b) => a - b);
}

/**
 * A copy of a cell's text that does not hold on to the piece it was cut
 * from: V8 keeps a long substring as a view into its parent, so one kept
 * SOURCEURL would keep its whole piece of the file alive. Prepending a
 * character makes a new string, flattened (copied) by the slice.
 */
const detached = (text: string) => (text.length < 13 ? text : (' ' + text).slice(1));

/**
 * The cells an event's row is read through after it was read: where its
 * actors and its source are, for problems that point at them (validation's,
 * moved back to the row) and for the row itself.
 */
const LATER_FIELDS: readonly EventField[] = [
  'actor1',
  'actor1Name',
  'actor2',
  'actor2Name',
  'evidenceSource',
];

/** The table of the LATER_FIELDS cells, in that order. */
function keptTable(file: string): FieldTable<EventField> {
  const columns = new Map<EventField, ColumnRef>();
  LATER_FIELDS.forEach((field, index) => {
    const name = FIELD_COLUMNS.find(([f]) => f === field)![1];
    columns.set(field, { index, name });
  });
  const table: CsvTable = { delimiter: '\t', header: { cells: [], row: 0, line: 0 }, records: [] };
  return FieldTable.positional(file, table, columns);
}

/**
 * The event with a row of only the LATER_FIELDS cells: the date, id and
 * score cells are read by then (into the event), and a million events
 * holding them took a tenth of the import's memory.
 */
function keptAfterReading(e: EventRow, file: GdeltFile): EventRow {
  const { cells, row, line } = e.row.record;
  // Only SOURCEURL, the last, may be missing (a 57-column row): the others keep their places.
  const kept = LATER_FIELDS.flatMap((field) => {
    const cell = cells[file.table!.columns.get(field)!.index];
    return cell ? [cell] : [];
  });
  return { ...e, row: new Row(file.keptTable!, { cells: kept, row, line }) };
}

/** A table whose cells are the kept cells of a row (KEPT_COLUMNS), named after GDELT's columns. */
function gdeltTable(file: string, version: '1.0' | '2.0'): FieldTable<EventField> {
  const kept = KEPT_COLUMNS[version];
  const names = version === '2.0' ? GDELT_COLUMNS[61] : GDELT_COLUMNS[58];
  const columns = new Map<EventField, ColumnRef>();
  for (const [field, name] of FIELD_COLUMNS)
    columns.set(field, { index: kept.indexOf(names.indexOf(name)), name });
  const table: CsvTable = { delimiter: '\t', header: { cells: [], row: 0, line: 0 }, records: [] };
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
