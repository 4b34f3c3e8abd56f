/**
 * The import for event archives too large for memory (docs/SCALE.md): DuckDB
 * (embedded, no server) streams the files from disk, in bounded memory,
 * through the SQL of aggregate.sql, the same rules as the app's event-table
 * import; this runner turns its tables into an Allegiance dataset (actors,
 * relations with their notes and evidence, sources) and validates it.
 * Bad rows are errors with their file, line, column and value.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import type { Problem } from '../../src/core/problems';
import type { Dataset, Evidence, Relation, Source } from '../../src/core/schema';
import { CAMEO_ROOT_NAMES, cameoRoot } from '../../src/core/io/cameo';
import { QUAD_CLASS_NAMES, type QuadClass } from '../../src/core/io/event-columns';
import { GDELT_COLUMNS } from '../../src/core/io/gdelt-columns';
import { relationNoteOf, signed } from '../../src/core/io/event-notes';
import {
  eventSettings,
  type EventImportOptions,
  type EventImportSettings,
} from '../../src/core/io/event-options';
import { monthIso, type EventKind } from '../../src/core/io/event-windows';
import {
  fileStem,
  plural,
  ProblemLog,
  type ImportResult,
  type Location,
} from '../../src/core/io/import-result';
import {
  all,
  num,
  relatedActors,
  relationCountsOf,
  reportLeftOutRows,
  reportLeftOutWindows,
  validatedDataset,
  windowsByRelation,
  type Json,
} from './tables';
import {
  copyLinesOfIds,
  eventsView,
  firstLine,
  gdeltCsvSelect,
  gdeltParquetSelect,
  gdeltWidth,
  isParquet,
  linesOfEventIds,
  positionTest,
  type ReaderSelects,
} from './readers';
import { buildTableDataset } from './tableDataset';
import { readColumns, rowAt } from './columns';
import { MAX_TABLE_FILES, tableReader, type TableFormatName } from './tableReaders';
import { byName } from '../../src/core/io/event-files';

const sql = (name: string) => readFileSync(new URL(`./${name}`, import.meta.url), 'utf8');

/**
 * Inputs this runner reads: GDELT event exports (TSV, gzip or not) and
 * GDELT-named Parquet; and the event tables (generic, ICEWS, ACLED, UCDP
 * GED: CSV or TSV with a header, gzip or not), read by tableReaders.ts.
 */
export type DuckDbFormat = 'gdelt' | TableFormatName;

/** How DuckDB may use the machine; the defaults keep a 10M-row archive under 1 GB. */
export interface DuckDbResources {
  /** Worker threads (default: 2). */
  threads?: number;
  /** DuckDB's memory limit, e.g. `'600MB'`; above it, work spills to `tempDirectory`. */
  memoryLimit?: string;
  /** Where DuckDB spills (default: a fresh folder in the system's temp folder, removed after). */
  tempDirectory?: string;
}

export type DuckDbImportOptions = EventImportOptions & DuckDbResources;

/**
 * DuckDB's memory limit for the table formats. Their rows are numbered in
 * file order, which keeps more of DuckDB's buffers resident than its limit
 * counts: on a million ICEWS rows (186 MB, 47,664 relations) the import
 * peaked at 970 MB with 600 MB and at 779 MB with this, building the
 * dataset included (250 MB saved nothing more: docs/SCALE.md).
 */
const TABLE_MEMORY_LIMIT = '350MB';

/** Row problems reported one by one; beyond this they are counted. */
const MAX_LISTED_PROBLEMS = 100;

/**
 * Imports event files with DuckDB: reads them (see readers.ts), reports bad
 * rows, then aggregates with aggregate.sql and builds the dataset. `format`
 * `gdelt` covers 57-, 58- and 61-column exports and GDELT-named Parquet
 * files; the table formats read their files in the order of their names,
 * as the in-memory import does (event-files.ts, byName). The dataset is
 * returned only without errors.
 */
export async function importWithDuckDb(
  given: readonly string[],
  format: DuckDbFormat = 'gdelt',
  options: DuckDbImportOptions = {},
): Promise<ImportResult> {
  const log = new ProblemLog();
  const table = format !== 'gdelt';
  const files = table
    ? byName(given.map((path) => ({ name: basename(path), path }))).map((f) => f.path)
    : given;
  const label = files.map((f) => basename(f)).join(', ');
  const settings = eventSettings(options, label, log);
  if (!settings) return log.result(undefined);
  if (files.length === 0) {
    log.error({ path: '' }, 'no input file given');
    return log.result(undefined);
  }
  if (table && files.length > MAX_TABLE_FILES) {
    log.error(
      { file: label, path: '' },
      `the DuckDB import reads at most ${MAX_TABLE_FILES} files of one table format at once, not ${files.length}; join some of them first`,
    );
    return log.result(undefined);
  }
  // Messages name a table's file by its base name, as the in-memory import does.
  const names = table ? files.map((f) => basename(f)) : files;
  const spill = options.tempDirectory ?? mkdtempSync(join(tmpdir(), 'allegiance-duckdb-'));
  const instance = await DuckDBInstance.create(':memory:', {
    threads: String(options.threads ?? 2),
    memory_limit: options.memoryLimit ?? (table ? TABLE_MEMORY_LIMIT : '600MB'),
    temp_directory: spill,
    // Events are ordered by pos (readers.ts), not by the order DuckDB reads them in.
    preserve_insertion_order: 'false',
  });
  const connection = await instance.connect();
  let open = true;
  const close = () => {
    if (!open) return;
    open = false;
    connection.closeSync();
    instance.closeSync();
  };
  try {
    if (table) {
      await connection.run(sql('formats.sql'));
      // A table's rows are numbered in file order (tableReaders.ts).
      await connection.run('SET preserve_insertion_order = true');
    }
    const selects = table
      ? await tableSelects(format, files, log)
      : await readerSelects(connection, files, spill, log);
    if (log.errors.length > 0) return log.result(undefined);
    await connection.run(eventsView(selects.map((s) => s.select)));
    await connection.run(settingsVariables(settings));
    try {
      // The first pass over the files; the rest of aggregate.sql reads its result.
      await connection.run(sql('aggregate.sql'));
    } catch (e) {
      log.error(
        { file: label, path: '' },
        `could not be read: ${e instanceof Error ? e.message : String(e)}`,
      );
      return log.result(undefined);
    }
    const [counted] = await all(connection, 'SELECT * FROM counted');
    await reportRejected(
      connection,
      names,
      selects.filter((s) => s.csv).map((s) => s.fileNo),
      table,
      log,
    );
    if (num(counted!.problem_rows) > 0) await reportProblems(connection, names, table, log);
    if (log.errors.length > 0) {
      // Rejected cells and checked rows, found in two passes, listed in file order.
      const place = (p: Problem) => [names.indexOf(p.file ?? ''), p.line ?? Infinity] as const;
      log.errors.sort((a, b) => place(a)[0] - place(b)[0] || place(a)[1] - place(b)[1]);
      return log.result(undefined);
    }
    // The second pass: the rows picked as evidence and to name the actors,
    // read from a copy of the lines that hold them (copyPickedLines).
    // DuckDB cannot estimate a CSV file's rows, and would hash the events
    // rather than the few picks; keep the picks as the hashed side.
    const [relations] = await all(connection, 'SELECT count(*) AS n FROM relations');
    if (num(relations!.n) > 0) {
      await copyPickedLines(connection, selects);
      await connection.run("SET disabled_optimizers = 'build_side_probe_side'");
      await connection.run(
        eventsView(
          selects.map((s) => s.picked),
          'picked_events',
        ),
      );
      await connection.run(sql('picked.sql'));
    }
    if (table)
      return await buildTableDataset(connection, format, names, settings, counted!, log, close);
    return await buildDataset(connection, files, label, settings, counted!, log, close);
  } finally {
    close();
    // A folder the caller gave stays; only the copies made in it go.
    if (options.tempDirectory)
      for (const fileNo of files.keys()) rmSync(pickedCopyPath(spill, fileNo), { force: true });
    else rmSync(spill, { recursive: true, force: true });
  }
}

/**
 * The SELECT that reads each file (readers.ts), after checking what can be
 * checked without reading it all: a Parquet file's columns, an export's
 * width by its first row.
 */
async function readerSelects(
  connection: DuckDBConnection,
  files: readonly string[],
  spill: string,
  log: ProblemLog,
): Promise<(ReaderSelects & { fileNo: number; csv: boolean })[]> {
  const selects: (ReaderSelects & { fileNo: number; csv: boolean })[] = [];
  for (const [fileNo, path] of files.entries()) {
    const whole = { file: path, path: '' };
    try {
      if (isParquet(path)) {
        const read = await gdeltParquetSelect(connection, path, fileNo);
        if ('missing' in read)
          log.error(
            whole,
            `missing GDELT ${read.missing.length === 1 ? 'column' : 'columns'} ${read.missing.join(', ')}: a Parquet input needs GDELT's column names (GLOBALEVENTID, SQLDATE, Actor1Code, Actor2Code, GoldsteinScale, QuadClass; Actor1Name, Actor2Name, EventCode and SOURCEURL when present)`,
          );
        else selects.push({ ...read, fileNo, csv: false });
        continue;
      }
      const width = gdeltWidth(await firstLine(path));
      if (typeof width === 'string') {
        log.error({ file: path, line: 1, path: 'row 1' }, width);
        continue;
      }
      const copy = pickedCopyPath(spill, fileNo);
      selects.push({ ...gdeltCsvSelect(path, fileNo, width, copy), fileNo, csv: true });
    } catch (e) {
      log.error(whole, `could not be read: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  return selects;
}

/** The readers of a table format's files (tableReaders.ts), each checked by its header. */
async function tableSelects(
  format: TableFormatName,
  files: readonly string[],
  log: ProblemLog,
): Promise<(ReaderSelects & { fileNo: number; csv: boolean })[]> {
  const selects: (ReaderSelects & { fileNo: number; csv: boolean })[] = [];
  for (const [fileNo, path] of files.entries()) {
    try {
      const read = await tableReader(format, path, fileNo, log);
      if (read) selects.push({ ...read, fileNo, csv: true });
    } catch (e) {
      log.error(
        { file: basename(path), path: '' },
        `could not be read: ${e instanceof Error ? e.message : String(e)}`,
      );
    }
  }
  return selects;
}

/** Where the lines of input `fileNo` that the second pass reads are copied (readers.ts). */
const pickedCopyPath = (spill: string, fileNo: number) => join(spill, `picked-lines-${fileNo}.tsv`);

/**
 * Copies the lines the second pass reads out of each text export: those
 * with a GLOBALEVENTID in wanted_positions (readers.ts, copyLinesOfIds).
 * Positions are below 2^40, so a double holds each exactly.
 */
async function copyPickedLines(
  connection: DuckDBConnection,
  selects: readonly ReaderSelects[],
): Promise<void> {
  const copies = selects.flatMap((s) => (s.pickedCopy ? [s.pickedCopy] : []));
  if (copies.length === 0) return;
  const result = await connection.runAndReadAll(
    'SELECT CAST(pos AS DOUBLE) AS pos FROM wanted_positions',
  );
  const wanted = positionTest(result.getColumnsJS()[0] as number[]);
  for (const { from, to } of copies) await copyLinesOfIds(from, to, wanted);
}

interface RejectedRow {
  file_no: number;
  line: number;
  error_type: string;
  error_message: string;
  csv_line: string | null;
}

/**
 * Rows DuckDB's CSV reader refused: a cell that is not a date or a number,
 * or a row of the wrong width. DuckDB may number a second
 * error on one line one too high; the line's start (its byte position)
 * tells which errors share a line, and the smallest number is its own.
 */
async function reportRejected(
  connection: DuckDBConnection,
  files: readonly string[],
  fileNos: readonly number[],
  table: boolean,
  log: ProblemLog,
): Promise<void> {
  if (fileNos.length === 0) return;
  const union = fileNos
    .map(
      (n) => `SELECT ${n} AS file_no, line, line_byte_position, column_idx,
        CAST(error_type AS VARCHAR) AS error_type, error_message, csv_line FROM rejects_${n}`,
    )
    .join(' UNION ALL ');
  const result = await connection.runAndReadAll(
    `WITH rejected AS (${union})
     SELECT file_no, min(line) OVER (PARTITION BY file_no, line_byte_position) AS line,
       error_type, error_message, csv_line
     FROM rejected ORDER BY file_no, line, column_idx`,
  );
  // A short row is one rejected row per missing column: report it once.
  const rows = (result.getRowObjectsJson() as unknown as RejectedRow[]).filter(
    (r, i, all) =>
      r.error_type === 'CAST' ||
      !all.some(
        (o, j) =>
          j < i && o.error_type === r.error_type && o.file_no === r.file_no && o.line === r.line,
      ),
  );
  for (const r of rows.slice(0, MAX_LISTED_PROBLEMS)) {
    const file = files[Number(r.file_no)]!;
    const line = Number(r.line);
    if (table) {
      log.error(
        { file, line, path: `row ${line}` },
        tableRejectMessage(r),
        r.csv_line ?? undefined,
      );
      continue;
    }
    const cells = (r.csv_line ?? '').split('\t');
    // A cast error is at its cell; a row of the wrong width, at the row.
    // DuckDB's column_idx and column_name count only the columns a query
    // reads (1.5.6), so they may name another column; its message names the right one.
    const cast = r.error_type === 'CAST';
    const column = /converting column "([^"]+)"/.exec(r.error_message)?.[1];
    const index = cast && column ? GDELT_COLUMNS[61].indexOf(column) : -1;
    const at: Location = {
      file,
      line,
      // The character where the cell starts, as the app's import counts columns.
      ...(index >= 0
        ? { column: cells.slice(0, index).join('\t').length + (index > 0 ? 2 : 1) }
        : {}),
      path: index >= 0 ? `row ${line}, column "${column}"` : `row ${line}`,
    };
    if (cast) {
      const value = cells[index] ?? '';
      log.error(at, `${JSON.stringify(value)} ${castProblem(column ?? '')}`, value);
    } else
      log.error(
        at,
        `the row has ${cells.length} tab-separated columns; ${widthRule(r.error_type)}`,
        r.csv_line ?? undefined,
      );
  }
  if (rows.length > MAX_LISTED_PROBLEMS)
    log.error(
      { path: '' },
      `and ${rows.length - MAX_LISTED_PROBLEMS} more rejected cells or rows (only the first ${MAX_LISTED_PROBLEMS} are listed)`,
    );
}

/**
 * A table row DuckDB's CSV reader refused: every cell is text, so the row
 * has more cells than the header (csv-table.ts says the same), or its
 * quotes or bytes are broken (DuckDB's words).
 */
function tableRejectMessage(r: RejectedRow): string {
  if (r.error_type === 'TOO MANY COLUMNS')
    return 'has more cells than the header has columns (a delimiter too many, or a field that should be quoted)';
  return `could not be read: ${r.error_message}`;
}

function castProblem(column: string): string {
  if (column === 'GLOBALEVENTID')
    return 'is not a GLOBALEVENTID: GDELT numbers its events with whole numbers (the DuckDB import orders events by them)';
  if (column === 'SQLDATE') return 'is not a date (GDELT writes YYYYMMDD, e.g. 20150218)';
  if (column === 'GoldsteinScale') return 'is not a number (Goldstein scores run from -10 to +10)';
  return `cannot be read as column ${column}`;
}

function widthRule(errorType: string): string {
  const what = errorType === 'TOO MANY COLUMNS' ? 'too many' : 'too few';
  return `${what} for this file's GDELT shape (57 or 58 columns for GDELT 1.0, 61 for 2.0)`;
}

interface CheckedRow {
  file_no: number;
  line: number | null;
  event_id: string | null;
  column_name: string | null;
  value: string | null;
  message: string;
}

/**
 * Problems of rows DuckDB read (checks.sql), in input order, each with its
 * line: Parquet rows know theirs; GDELT export rows are found by their
 * GLOBALEVENTID (a row without one: the first such row) in a line-by-line
 * read of the file.
 */
async function reportProblems(
  connection: DuckDBConnection,
  files: readonly string[],
  table: boolean,
  log: ProblemLog,
): Promise<void> {
  await connection.run(sql('checks.sql'));
  const total = Number(
    (await connection.runAndReadAll('SELECT count(*) AS n FROM problems')).getRowObjectsJson()[0]
      ?.n ?? 0,
  );
  if (total === 0) {
    // aggregate.sql and checks.sql test rows by one condition; should they ever disagree, say so.
    log.error(
      { file: files.join(', '), path: '' },
      'rows were counted as bad but none could be listed: the DuckDB import cannot tell which; import the files with --engine memory',
    );
    return;
  }
  const rows = (
    await connection.runAndReadAll(
      `SELECT file_no, line, event_id, column_name, value, message FROM problems
       ORDER BY file_no, line, pos, problem_no, column_name LIMIT ${MAX_LISTED_PROBLEMS}`,
    )
  ).getRowObjectsJson() as unknown as CheckedRow[];
  const lines = new Map<number, Map<string, number>>();
  for (const fileNo of new Set(rows.filter((r) => r.line === null).map((r) => Number(r.file_no)))) {
    // A row without an id is looked for as the first row whose id cell is empty.
    const ids = rows.filter((r) => Number(r.file_no) === fileNo).map((r) => r.event_id ?? '');
    lines.set(fileNo, await linesOfEventIds(files[fileNo]!, new Set(ids)));
  }
  for (const r of rows) {
    const fileNo = Number(r.file_no);
    if (table) {
      // A table's problem names its row and column (none: the whole row) as the in-memory import does.
      const line = Number(r.line);
      const at: Location = {
        file: files[fileNo]!,
        line,
        path: r.column_name === null ? `row ${line}` : `row ${line}, column "${r.column_name}"`,
      };
      log.error(at, r.message, r.value ?? undefined);
      continue;
    }
    const line = r.line !== null ? Number(r.line) : lines.get(fileNo)?.get(r.event_id ?? '');
    const where =
      line !== undefined ? `row ${line}` : `the row with GLOBALEVENTID ${r.event_id ?? '(none)'}`;
    const at: Location = {
      file: files[fileNo]!,
      ...(line !== undefined && r.line === null ? { line } : {}),
      path: `${where}, column "${r.column_name}"`,
    };
    // DuckDB writes a double as `12.0`; the file said `12`, as JavaScript writes it.
    const value =
      r.value !== null && r.column_name === 'GoldsteinScale' && Number.isFinite(Number(r.value))
        ? String(Number(r.value))
        : r.value;
    const text = value === null ? r.message : `${JSON.stringify(value)} ${r.message}`;
    log.error(at, text, value ?? undefined);
  }
  if (total > rows.length)
    log.error(
      { path: '' },
      `and ${total - rows.length} more rows with problems (only the first ${rows.length} are listed)`,
    );
}

/** The import's options as the variables aggregate.sql reads. */
function settingsVariables(s: EventImportSettings): string {
  return [
    `SET VARIABLE window_months = ${s.windowMonths}::INTEGER`,
    `SET VARIABLE min_events = ${s.minEvents}::INTEGER`,
    `SET VARIABLE cooperation_at = ${s.cooperationAt}::DOUBLE`,
    `SET VARIABLE hostility_at = ${s.hostilityAt}::DOUBLE`,
    `SET VARIABLE between_contact = ${s.between === 'contact'}`,
    `SET VARIABLE max_evidence = ${s.maxEvidence}::INTEGER`,
  ].join(';\n');
}

/**
 * The dataset from aggregate.sql's tables, validated. `release` closes
 * DuckDB once its tables are read, so that its memory is given back before
 * the dataset is built (as tableDataset.ts does).
 */
async function buildDataset(
  connection: DuckDBConnection,
  files: readonly string[],
  label: string,
  settings: EventImportSettings,
  counted: Json,
  log: ProblemLog,
  release: () => void,
): Promise<ImportResult> {
  const whole = { file: label, path: '' };
  reportLeftOutRows(counted, label, 'GDELT codes many events with one identified actor', log);
  const relationRows = await readColumns(connection, RELATIONS);
  await reportLeftOutWindows(connection, settings, label, log);
  if (relationRows.rows === 0) {
    log.error(
      whole,
      num(counted.events) === 0
        ? 'the files have no events between two actors, so there is nothing to aggregate'
        : `no pair of actors has ${settings.minEvents} events in one window of ${settings.windowMonths} months, so there is no relation; lower minEvents or widen windowMonths`,
    );
    return log.result(undefined);
  }
  const windows = await windowsByRelation(connection);
  const sources = new GdeltSources(label);
  const evidence = await evidenceByRelation(connection, sources);
  const actors = await relatedActors(connection, label, log);
  release();
  const relations: Relation[] = [];
  for (let i = 0; i < relationRows.rows; i++) {
    const r = rowAt(relationRows, i);
    const no = num(r.relation_no);
    const picked = evidence.get(no) ?? [];
    const counts = relationCountsOf(r, windows);
    relations.push({
      id: `r${no}`,
      source: String(r.source),
      target: String(r.target),
      kind: String(r.kind) as EventKind,
      from: monthIso(counts.from),
      until: monthIso(counts.until),
      evidence: picked,
      note: relationNoteOf(counts, settings.windowMonths, label, {
        shown: picked.length,
        // Every GDELT event is quotable (its coding), as in the app's import.
        total: num(r.events),
      }),
    });
  }
  const raw: Dataset = {
    title: titleOf(files),
    description: describe(num(counted.events), label, settings),
    sources: sources.list(),
    actorTypes: [],
    relationKinds: [],
    actors,
    relations,
    events: [],
  };
  return validatedDataset(raw, label, log);
}

/** aggregate.sql's relations, by columns (columns.ts), in their order. */
const RELATIONS = {
  from: 'relations',
  numbers: [
    'relation_no',
    'from_month',
    'until_month',
    'window_count',
    'events',
    'mean_score',
    'low_score',
    'high_score',
    'scored_from_quad_class',
    'quad_1',
    'quad_2',
    'quad_3',
    'quad_4',
    'quad_none',
  ],
  texts: ['source', 'target', 'kind'],
  orderBy: ['relation_no'],
} as const;

/** One picked event, as its evidence item quotes and notes it. */
interface PickedEvent {
  eventId: string | undefined;
  /** YYYY-MM-DD */
  date: string;
  score: number;
  scoredFromQuadClass: boolean;
  quadClass: QuadClass | undefined;
  actor1: string;
  actor2: string;
  name1: string | undefined;
  name2: string | undefined;
  eventCode: string | undefined;
  sourceUrl: string | undefined;
}

/**
 * Each relation's evidence (picked.sql, evidence), in the order of its rank:
 * each picked event quoted, noted and cited as it is read, so that only the
 * evidence items outlive the read, not a record of every picked event beside
 * them. Read in the order of relations then ranks, the sources are cited in
 * the order the app's import cites them (relation by relation).
 */
async function evidenceByRelation(
  connection: DuckDBConnection,
  sources: GdeltSources,
): Promise<Map<number, Evidence[]>> {
  const { rows, numbers, texts } = await readColumns(connection, {
    from: `(SELECT relation_no, rank, event_id, strftime(event_date, '%Y-%m-%d') AS date, score,
      scored_from_quad_class, quad_class, actor1, actor2, name1, name2, event_code, source_url
      FROM evidence)`,
    numbers: ['relation_no', 'rank', 'score', 'scored_from_quad_class', 'quad_class'],
    texts: ['event_id', 'date', 'actor1', 'actor2', 'name1', 'name2', 'event_code', 'source_url'],
    orderBy: ['relation_no', 'rank'],
  });
  const out = new Map<number, Evidence[]>();
  for (let i = 0; i < rows; i++) {
    const quad = numbers.quad_class[i]!;
    const event: PickedEvent = {
      eventId: texts.event_id[i],
      date: texts.date[i]!,
      score: numbers.score[i]!,
      scoredFromQuadClass: numbers.scored_from_quad_class[i] === 1,
      quadClass: Number.isNaN(quad) ? undefined : (quad as QuadClass),
      actor1: texts.actor1[i]!,
      actor2: texts.actor2[i]!,
      name1: texts.name1[i],
      name2: texts.name2[i],
      eventCode: texts.event_code[i],
      sourceUrl: texts.source_url[i],
    };
    const item: Evidence = {
      source: sources.cite(event.sourceUrl),
      quote: codingQuote(event),
      note: evidenceNoteOf(event),
    };
    const relation = numbers.relation_no[i]!;
    const list = out.get(relation);
    if (list) list.push(item);
    else out.set(relation, [item]);
  }
  return out;
}

/**
 * What an evidence item quotes. GDELT publishes no words of its articles,
 * so the quote is the event as GDELT coded it, verbatim from the row:
 * actor 1 · CAMEO event code · actor 2, names where GDELT gives them (as
 * src/core/io/gdelt.ts quotes it).
 */
function codingQuote(e: PickedEvent): string {
  const label1 = e.name1?.trim() || e.actor1;
  const label2 = e.name2?.trim() || e.actor2;
  return [label1, ...(e.eventCode !== undefined ? [e.eventCode] : []), label2].join(' · ');
}

/** The note of one evidence item: the event's date, id, CAMEO code and scores (as event-notes.ts writes it). */
function evidenceNoteOf(e: PickedEvent): string {
  const code = e.eventCode;
  const root = code !== undefined ? cameoRoot(code) : undefined;
  const rootName = root ? CAMEO_ROOT_NAMES.get(code!.slice(0, 2)) : undefined;
  const quad = e.quadClass;
  const scores = [
    ...(root ? [`CAMEO ${code}${rootName ? ` (${rootName})` : ''}`] : []),
    ...(e.scoredFromQuadClass ? [] : [`Goldstein ${signed(e.score)}`]),
    ...(quad !== undefined ? [`QuadClass ${quad} (${QUAD_CLASS_NAMES[quad]})`] : []),
  ];
  return `event of ${e.date}${e.eventId ? ` (id ${e.eventId})` : ''}: ${scores.join(', ')}`;
}

/**
 * The sources evidence cites, as src/core/io/gdelt.ts declares them: an
 * article's URL becomes `url-1`, `url-2`… in order of first citation; a
 * SOURCEURL that is not a URL is a source by that name; rows without one
 * (the 1.0 historical back-files) cite the export itself.
 */
class GdeltSources {
  private readonly byText = new Map<string, Source>();
  private urls = 0;

  constructor(private readonly files: string) {}

  cite(text: string | undefined): string {
    const key = text ?? FILE_SOURCE;
    const known = this.byText.get(key);
    if (known) return known.id;
    const source: Source =
      text === undefined
        ? {
            id: FILE_SOURCE,
            title: `GDELT event export ${this.files}`,
            note: 'Historical GDELT rows carry no SOURCEURL: the file itself is the source.',
          }
        : /^https?:\/\//i.test(text)
          ? { id: `url-${++this.urls}`, title: shorten(`GDELT coding of ${text}`), url: text }
          : { id: text, title: shorten(`GDELT coding of ${text}`) };
    this.byText.set(key, source);
    return source.id;
  }

  list(): Source[] {
    return [...this.byText.values()];
  }
}

const FILE_SOURCE = 'gdelt-export';
const shorten = (title: string) => (title.length > 200 ? `${title.slice(0, 199)}…` : title);

function titleOf(files: readonly string[]): string {
  const stems = files.map((f) => fileStem(f.replace(/\.gz$/i, '')));
  return stems.length === 1
    ? stems[0]!
    : `${stems[0]} and ${plural(stems.length - 1, 'more file')}`;
}

function describe(count: number, file: string, s: EventImportSettings): string {
  const between = s.between === 'contact' ? 'contact' : 'no relation';
  return (
    `Relations aggregated with DuckDB from ${plural(count, 'event')} in ${file}. For each pair of actors ` +
    `(events in either direction) and each window of ${s.windowMonths} months with at least ` +
    `${s.minEvents} events, a mean score of ${s.cooperationAt} or more is cooperation, ` +
    `${s.hostilityAt} or less hostility (tension when every event of the window has a QuadClass ` +
    `and none is material conflict), and in between ${between}. Consecutive windows of one ` +
    `kind make one relation.`
  );
}
