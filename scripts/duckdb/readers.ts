/**
 * The readers of the DuckDB import: each input file becomes a SELECT of the
 * columns aggregate.sql and checks.sql read, and the view `events` is their
 * UNION ALL. Nothing is copied into a table: each query that reads `events`
 * streams the files again, and DuckDB reads only the columns it uses.
 * GDELT exports are read with DuckDB's CSV reader (gzip too) with explicit
 * columns and types, so that a cell that is not a date or a number is one of
 * DuckDB's rejected rows with its line; GDELT-named Parquet files (as
 * BigQuery exports them) with its Parquet reader.
 *
 * Each reader comes in two: one that reads every row (the view `events`, for
 * aggregate.sql and checks.sql) and one that reads only the rows whose
 * GLOBALEVENTID aggregate.sql picked (the view `picked_events`, for
 * picked.sql). The second filters on the raw id before any other cell is
 * turned into a value, so the rows it skips cost only their parsing.
 *
 * Order: DuckDB's CSV reader does not number rows, and numbering them
 * (`row_number() OVER ()`) would read the file on one thread. So events are
 * ordered by `pos`, the row's GLOBALEVENTID, which GDELT assigns in the
 * order it writes its exports, across all its files.
 */
import { once } from 'node:events';
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import type { DuckDBConnection } from '@duckdb/node-api';
import { GDELT_COLUMNS, GDELT_WIDTHS, type GdeltWidth } from '../../src/core/io/gdelt-columns';

/**
 * The columns every reader selects, in this order. `line` is known only
 * where the reader can tell it (Parquet rows); `pos` orders events (see
 * above) and is NULL for a row without a usable GLOBALEVENTID.
 */
const EVENT_COLUMNS = [
  'file_no',
  'line',
  'pos',
  'event_id',
  'event_date',
  'date_text',
  'actor1',
  'actor2',
  'name1',
  'name2',
  'goldstein',
  'goldstein_text',
  'quad_class',
  'quad_text',
  'event_code',
  'source_url',
  'short_row',
] as const;

/** A file's two readers: every row, and only the rows aggregate.sql picked. */
export interface ReaderSelects {
  select: string;
  picked: string;
}

/** The table of positions aggregate.sql picked, which the `picked` readers read. */
const WANTED = 'wanted_positions';

/**
 * The view `events` (or `picked_events`) over the readers' SELECTs (one
 * per file, in input order).
 */
export const eventsView = (selects: readonly string[], name = 'events') =>
  `CREATE OR REPLACE TEMP VIEW ${name} (${EVENT_COLUMNS.join(', ')}) AS\n${selects.join('\nUNION ALL\n')}`;

/** Both readers of a source: the picked one keeps the rows whose position is wanted. */
const bothReaders = (select: string, pos: string): ReaderSelects => ({
  select,
  picked: `${select} WHERE ${pos} IN (SELECT pos FROM ${WANTED})`,
});

/**
 * GLOBALEVENTIDs that order events: whole numbers from 0 to below 2^40
 * (GDELT's are around 10^9), so that aggregate.sql's evidence key (days
 * × 2^40 + id) fits a BIGINT; NULL, reported by checks.sql, for others.
 */
const posOf = (id: string) => `CASE WHEN ${id} >= 0 AND ${id} < ${2 ** 40} THEN ${id} END`;

/** A SQL string literal. */
export const sqlText = (s: string) => `'${s.replace(/'/g, "''")}'`;

const isGzip = (path: string) => /\.gz$/i.test(path);
export const isParquet = (path: string) => /\.parquet$/i.test(path);

/** The first line of a text file, gzip or not (reads only the start of the file). */
export async function firstLine(path: string): Promise<string> {
  const file = createReadStream(path);
  const lines = createInterface({
    input: isGzip(path) ? file.pipe(createGunzip()) : file,
    crlfDelay: Infinity,
  });
  try {
    for await (const line of lines) return line;
    return '';
  } finally {
    lines.close();
    file.destroy();
  }
}

/** The GDELT shape of a file by its first row's column count, or why it is not one. */
export function gdeltWidth(line: string): GdeltWidth | string {
  const count = line.split('\t').length;
  if ((GDELT_WIDTHS as readonly number[]).includes(count)) return count as GdeltWidth;
  return `the first row has ${count} tab-separated ${count === 1 ? 'column' : 'columns'}; a GDELT event export has 57 (1.0 historical), 58 (1.0 daily) or 61 (2.0) columns and no header`;
}

/**
 * The DuckDB type each GDELT column is read as; the rest are text. QuadClass
 * stays text, checked in checks.sql: DuckDB 1.5.6 names the wrong column in
 * the reject table for a cast error in a column after one it skips.
 */
function gdeltType(column: string): string {
  if (column === 'GLOBALEVENTID') return 'BIGINT';
  if (column === 'SQLDATE') return 'DATE';
  if (column === 'GoldsteinScale') return 'DOUBLE';
  return 'VARCHAR';
}

/**
 * A cell's text as the app reads a word: trimmed, NULL when empty. GDELT's
 * cells have no spaces around them; trimming only those that do saves a
 * copy of every string (a fifth of the pass's time).
 */
const word = (expression: string) =>
  `CASE WHEN starts_with(${expression}, ' ') OR ends_with(${expression}, ' ')
    THEN nullif(trim(${expression}), '') ELSE nullif(${expression}, '') END`;

const QUAD_CLASSES = "('1', '2', '3', '4')";

/** QuadClass from its text: 1 to 4, else NULL (and checks.sql reports the text). */
const quadOf = (text: string) =>
  `CASE WHEN ${text} IN ${QUAD_CLASSES} THEN CAST(${text} AS UTINYINT)
    WHEN ${word(text)} IN ${QUAD_CLASSES} THEN CAST(${word(text)} AS UTINYINT) END`;

/** How a reader reads the order, the date, the scores and whether the row was cut short. */
interface GdeltParts {
  line: string;
  pos: string;
  date: string;
  dateText: string;
  goldstein: string;
  goldsteinText: string;
  quad: string;
  quadText: string;
  shortRow: string;
}

/**
 * The event columns (EVENT_COLUMNS) selected from a GDELT-named source;
 * `column` gives the expression for a GDELT column (NULL for one a source
 * lacks). An actor is its code, else its name, as in the app's import.
 */
function gdeltSelect(fileNo: number, column: (name: string) => string, parts: GdeltParts): string {
  const text = (name: string) => word(`CAST(${column(name)} AS VARCHAR)`);
  return `SELECT ${fileNo}, ${parts.line}, ${parts.pos}, ${text('GLOBALEVENTID')},
    ${parts.date}, ${parts.dateText},
    coalesce(${text('Actor1Code')}, ${text('Actor1Name')}),
    coalesce(${text('Actor2Code')}, ${text('Actor2Name')}),
    ${text('Actor1Name')}, ${text('Actor2Name')},
    ${parts.goldstein}, ${parts.goldsteinText},
    ${parts.quad}, ${parts.quadText},
    ${text('EventCode')}, ${text('SOURCEURL')}, ${parts.shortRow}`;
}

/**
 * The SELECT that reads a GDELT export (tab-separated, no header; gzip when
 * it ends in .gz). 57- and 58-column files are read as 58 columns with
 * short rows padded, since 1.0 files may mix both; a row that stops before
 * DATEADDED is flagged. Bad cells and rows of the wrong width land in the
 * rejects table `rejects_<fileNo>` when a query reads the file.
 */
export function gdeltCsvSelect(path: string, fileNo: number, width: GdeltWidth): ReaderSelects {
  const read = width === 61 ? 61 : 58;
  const columns = GDELT_COLUMNS[read]
    .map((c) => `${sqlText(c)}: ${sqlText(gdeltType(c))}`)
    .join(', ');
  const source = `read_csv(${sqlText(path)}, delim = '\\t', header = false, quote = '', escape = '',
    auto_detect = false, dateformat = '%Y%m%d', columns = {${columns}},
    null_padding = ${read === 58}, store_rejects = true, rejects_limit = 1000,
    rejects_table = 'rejects_${fileNo}', rejects_scan = 'reject_scans_${fileNo}')`;
  const pos = posOf('GLOBALEVENTID');
  const select = `${gdeltSelect(fileNo, (name) => name, {
    line: 'NULL::BIGINT',
    pos,
    date: 'SQLDATE',
    dateText: 'NULL::VARCHAR',
    goldstein: 'GoldsteinScale',
    goldsteinText: 'NULL::VARCHAR',
    quad: quadOf('QuadClass'),
    quadText: word('QuadClass'),
    shortRow: 'DATEADDED IS NULL',
  })} FROM ${source}`;
  return bothReaders(select, pos);
}

/** GDELT columns a Parquet file must have (by name, any case). */
const PARQUET_REQUIRED = [
  'GLOBALEVENTID',
  'SQLDATE',
  'Actor1Code',
  'Actor2Code',
  'GoldsteinScale',
  'QuadClass',
];

/**
 * The SELECT that reads a Parquet file with GDELT's column names (as
 * BigQuery exports `gdelt-bq.gdeltv2.events`), or the required columns it
 * lacks. Types vary between exports, so each value is cast here and a value
 * that does not cast is kept as text for checks.sql; rows are numbered from 1.
 */
export async function gdeltParquetSelect(
  connection: DuckDBConnection,
  path: string,
  fileNo: number,
): Promise<ReaderSelects | { missing: string[] }> {
  const described = await connection.runAndReadAll(
    `DESCRIBE SELECT * FROM read_parquet(${sqlText(path)})`,
  );
  const have = new Set(
    described.getRowObjectsJson().map((r) => String(r.column_name).toLowerCase()),
  );
  const missing = PARQUET_REQUIRED.filter((c) => !have.has(c.toLowerCase()));
  if (missing.length > 0) return { missing };
  const column = (name: string) => (have.has(name.toLowerCase()) ? name : 'NULL');
  const text = (name: string) => word(`CAST(${column(name)} AS VARCHAR)`);
  const pos = posOf(`TRY_CAST(${text('GLOBALEVENTID')} AS BIGINT)`);
  const select = gdeltSelect(fileNo, column, {
    line: 'file_row_number + 1',
    pos,
    date: `CAST(coalesce(try_strptime(${text('SQLDATE')}, '%Y%m%d'), TRY_CAST(${text('SQLDATE')} AS DATE)) AS DATE)`,
    dateText: text('SQLDATE'),
    goldstein: `TRY_CAST(${text('GoldsteinScale')} AS DOUBLE)`,
    goldsteinText: text('GoldsteinScale'),
    quad: quadOf(text('QuadClass')),
    quadText: text('QuadClass'),
    shortRow: 'false',
  });
  return bothReaders(`${select} FROM read_parquet(${sqlText(path)}, file_row_number = true)`, pos);
}

/**
 * Lines (1-based) of the given GLOBALEVENTIDs in a GDELT export (`''`:
 * the first row without one), found by reading it again line by line:
 * DuckDB's CSV reader does not number rows, and this runs only to place
 * errors, for a few ids.
 */
export async function linesOfEventIds(
  path: string,
  ids: ReadonlySet<string>,
): Promise<Map<string, number>> {
  const found = new Map<string, number>();
  if (ids.size === 0) return found;
  const file = createReadStream(path);
  const lines = createInterface({
    input: isGzip(path) ? file.pipe(createGunzip()) : file,
    crlfDelay: Infinity,
  });
  let n = 0;
  try {
    for await (const line of lines) {
      n++;
      const id = line.slice(0, line.indexOf('\t')).trim();
      if (ids.has(id) && !found.has(id)) {
        found.set(id, n);
        if (found.size === ids.size) break;
      }
    }
  } finally {
    lines.close();
    file.destroy();
    if (!file.closed) await once(file, 'close').catch(() => undefined);
  }
  return found;
}
