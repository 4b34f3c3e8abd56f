/**
 * Event files read as one table of events (docs/FORMATS.md, "Several files
 * of one event format"). Published event data comes split: ICEWS by year,
 * ACLED and UCDP GED by region or year, GDELT every 15 minutes. Each file
 * of an import is read by its format's rules, its events gathered with the
 * others', and all of them aggregated once (`buildEventDataset`), so a
 * relation may rest on events of several files; each problem and each
 * evidence note names the file of its row.
 *
 * Also the generic event table (`importEvents`: any CSV with a date, two
 * actors and a score), read the same way.
 */
import type { CsvFile } from './csv-import';
import { EVENT_COLUMNS, type EventField } from './event-columns';
import { eventSettings, type EventImportOptions } from './event-options';
import { readEventRows, type EventRow, type HasColumn } from './event-rows';
import { buildEventDataset, readEventTable, type EventFormat } from './events-import';
import { fileStem, plural, ProblemLog, type ImportResult } from './import-result';

/**
 * An import of event files, fed one file at a time: `startFile`, the file's
 * text in one or more pieces (`push`), `endFile`; then `finish` aggregates
 * the events of every file read. GDELT's importer reads each piece as it
 * comes (a stream); the table formats read a file when it is whole.
 */
export interface EventFilesImport {
  startFile(name: string): void;
  push(piece: string): void;
  endFile(): void;
  finish(): ImportResult;
}

/** Reads whole files into an import, in the order given. */
export function readEventFiles(
  into: EventFilesImport,
  files: readonly { name: string; text: string }[],
): ImportResult {
  for (const file of files) {
    into.startFile(file.name);
    into.push(file.text);
    into.endFile();
  }
  return into.finish();
}

/** What a table format reads from one of its files. */
export interface EventFileRead {
  events: EventRow[];
  /** Whether this file's header has a column for a field. */
  has: HasColumn;
  /** Data rows read (events, rows left out and rows with problems alike). */
  rows: number;
}

/**
 * An event format whose files are tables with a header (ICEWS, ACLED, UCDP
 * GED, generic event tables): how one file becomes events, and what the
 * dataset says of the files it was read from.
 */
export interface EventTableFormat {
  /** The file's events; undefined when its header makes it unreadable (the errors are logged). */
  read(file: CsvFile, log: ProblemLog): EventFileRead | undefined;
  /** The dataset's description and sources, for the files read (names) and their rows. */
  describe(files: readonly string[], rows: number): EventFormat;
}

/**
 * Files of one table format read as one table of events. Each file keeps
 * its own header (columns may differ in order or in which optional columns
 * they have); its problems name it, and so do the evidence notes of its
 * events when there are several files. The text of a file is dropped once
 * its events are read.
 */
export class EventTablesImport implements EventFilesImport {
  private readonly files: string[] = [];
  private readonly reads: EventFileRead[] = [];
  private readonly log = new ProblemLog();
  private pieces: string[] = [];

  constructor(
    private readonly format: EventTableFormat,
    private readonly options: EventImportOptions = {},
  ) {}

  startFile(name: string): void {
    this.files.push(name);
    this.pieces = [];
  }

  push(piece: string): void {
    this.pieces.push(piece);
  }

  endFile(): void {
    const file = { name: this.files.at(-1)!, text: this.pieces.join('') };
    this.pieces = [];
    const read = this.format.read(file, this.log);
    if (read) this.reads.push(read);
  }

  finish(): ImportResult {
    const { files, reads, log } = this;
    const label = files.join(', ');
    const settings = eventSettings(this.options, label, log);
    if (!settings || log.errors.length > 0) return log.result(undefined);
    const rows = reads.reduce((n, r) => n + r.rows, 0);
    const described = this.format.describe(files, rows);
    return buildEventDataset({
      file: label,
      fileCount: files.length,
      events: reads.flatMap((r) => r.events),
      has: (field) => reads.some((r) => r.has(field)),
      settings,
      log,
      format: files.length > 1 ? { ...described, title: severalFilesTitle(files) } : described,
    });
  }
}

/** Files of one table format read as one table of events (see {@link EventTablesImport}). */
export function importEventTables(
  format: EventTableFormat,
  files: readonly CsvFile[],
  options: EventImportOptions = {},
): ImportResult {
  return readEventFiles(new EventTablesImport(format, options), files);
}

/** The title of a dataset read from several files: `2018.events and 2 more files`. */
export function severalFilesTitle(names: readonly string[]): string {
  const [first = '', ...rest] = names;
  return `${fileStem(first)} and ${plural(rest.length, 'more file')}`;
}

/** A generic event table: date, two actors, a Goldstein score, QuadClass or CAMEO code. */
export const EVENT_TABLE: EventTableFormat = {
  read(file, log) {
    const errorsBefore = log.errors.length;
    const table = readEventTable<never>(file, log);
    if (!table) return undefined;
    const has = (f: EventField) => table.columns.has(f);
    const events = readEventRows(table.rows(log), table.table.delimiter, has, log);
    if (log.errors.length === errorsBefore && table.table.records.length === 0)
      log.error(
        { file: file.name, path: '' },
        'the table has no events: there are no rows below the header',
      );
    if (!has('quote') && has('evidenceSource')) {
      const column = table.columns.get('evidenceSource')!;
      const cell = table.table.header.cells[column.index];
      log.warn(
        {
          file: file.name,
          line: cell?.line ?? 1,
          column: cell?.column ?? 1,
          path: `row 1, column "${column.name}"`,
        },
        `column "${column.name}" is not read: evidence needs a quote column (${EVENT_COLUMNS.quote.join(', ')})`,
      );
    }
    return { events, has, rows: table.table.records.length };
  },
  describe: () => ({}),
};

/**
 * Imports an event table, aggregating its events into relations per pair of
 * actors and time window; `options` override `EVENT_IMPORT_DEFAULTS`
 * (12-month windows, 2 events at least, mean Goldstein ≥ +1 cooperation,
 * ≤ −1 hostility or tension, contact in between). Actors come from the actor
 * columns: type `state` for a country code such as `USA`, else `other`.
 */
export function importEvents(file: CsvFile, options: EventImportOptions = {}): ImportResult {
  return importEventTables(EVENT_TABLE, [file], options);
}
