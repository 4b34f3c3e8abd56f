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
 * picked.sql). For a text export the second reads a copy of the picked
 * lines (copyLinesOfIds): splitting every line of the file into its 61
 * cells again is what made the second pass cost as much as the first, while
 * finding a line's GLOBALEVENTID needs only its first bytes.
 *
 * Order: DuckDB's CSV reader does not number rows, and numbering them
 * (`row_number() OVER ()`) would read the file on one thread. So events are
 * ordered by `pos`, the row's GLOBALEVENTID, which GDELT assigns in the
 * order it writes its exports, across all its files.
 */
import { once } from 'node:events';
import { closeSync, createReadStream, openSync, readSync, writeSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import type { DuckDBConnection } from '@duckdb/node-api';
import { GDELT_COLUMNS, GDELT_WIDTHS, type GdeltWidth } from '../../src/core/io/gdelt-columns';

/**
 * The columns every reader selects, in this order. `line` is known only
 * where the reader can tell it (Parquet rows); `pos` orders events (see
 * above) and is NULL for a row without a usable GLOBALEVENTID.
 */
export const EVENT_COLUMNS = [
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
  // What a table format's row tells besides (tableReaders.ts); GDELT's are
  // written by the runner from the columns above.
  'quoted',
  'quote',
  'source_text',
  'type1',
  'type2',
  'detail',
  'date_iso',
  'no_event',
  'row_weight',
  'problems',
] as const;

/** A file's two readers: every row, and only the rows aggregate.sql picked. */
export interface ReaderSelects {
  select: string;
  picked: string;
  /**
   * For a text export, `picked` reads `to`: the runner first copies there
   * the lines of `from` that may hold a picked GLOBALEVENTID (copyLinesOfIds).
   */
  pickedCopy?: { from: string; to: string };
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
    ${text('EventCode')}, ${text('SOURCEURL')}, ${parts.shortRow}, ${GDELT_TABLE_COLUMNS}`;
}

/**
 * The table formats' columns in a GDELT row: every event is quotable (its
 * coding), one row is one event, and its problems are found by checks.sql.
 */
const GDELT_TABLE_COLUMNS = `true, NULL::VARCHAR, NULL::VARCHAR, NULL::VARCHAR, NULL::VARCHAR,
    NULL::VARCHAR, NULL::VARCHAR, false, 1,
    NULL::STRUCT(column_name VARCHAR, value VARCHAR, message VARCHAR)[]`;

/**
 * Bytes DuckDB's CSV reader splits at a time. Its default (32 MB) spills
 * out of the processor's caches; 2 to 8 MB took a quarter less CPU to read
 * a 1M-row export (docs/SCALE.md, "What made it faster"). Above DuckDB's
 * longest line (2 MB by default), as it requires.
 */
const CSV_BUFFER_BYTES = 4 * 1024 * 1024;

/**
 * The read_csv of a GDELT export (tab-separated, no header; gzip when it
 * ends in .gz) as `read` columns; `rejects` lists the options that keep
 * DuckDB's rejected rows.
 */
function gdeltCsvSource(path: string, read: 58 | 61, rejects: string): string {
  const columns = GDELT_COLUMNS[read]
    .map((c) => `${sqlText(c)}: ${sqlText(gdeltType(c))}`)
    .join(', ');
  return `read_csv(${sqlText(path)}, delim = '\\t', header = false, quote = '', escape = '',
    auto_detect = false, dateformat = '%Y%m%d', columns = {${columns}},
    null_padding = ${read === 58}, buffer_size = ${CSV_BUFFER_BYTES}${rejects})`;
}

/**
 * The readers of a GDELT export. 57- and 58-column files are read as 58
 * columns with short rows padded, since 1.0 files may mix both; a row that
 * stops before DATEADDED is flagged. Bad cells and rows of the wrong width
 * land in the rejects table `rejects_<fileNo>` when a query reads the file.
 * The picked reader reads `copyPath`, where the runner copies the lines
 * that may be picked (copyLinesOfIds): the first pass has read and checked
 * each of them, so it keeps no rejects, and it keeps exactly the picked
 * rows by their parsed GLOBALEVENTID.
 */
export function gdeltCsvSelect(
  path: string,
  fileNo: number,
  width: GdeltWidth,
  copyPath: string,
): ReaderSelects {
  const read = width === 61 ? 61 : 58;
  const pos = posOf('GLOBALEVENTID');
  const selectFrom = (source: string) =>
    `${gdeltSelect(fileNo, (name) => name, {
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
  const rejects = `, store_rejects = true, rejects_limit = 1000,
    rejects_table = 'rejects_${fileNo}', rejects_scan = 'reject_scans_${fileNo}'`;
  return {
    select: selectFrom(gdeltCsvSource(path, read, rejects)),
    picked: `${selectFrom(gdeltCsvSource(copyPath, read, ''))} WHERE ${pos} IN (SELECT pos FROM ${WANTED})`,
    pickedCopy: { from: path, to: copyPath },
  };
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

const TAB = 0x09;
const LF = 0x0a;
const CR = 0x0d;
const DIGIT_0 = 0x30;
const DIGIT_9 = 0x39;

const NEWLINE = Buffer.from('\n');

/** Whether a position (GLOBALEVENTID) is one the second pass reads. */
export type PositionTest = (position: number) => boolean;

/** Widest span of positions tested with a bitmap (32 MB); a wider one uses a Set. */
const MAX_BITMAP_SPAN = 2 ** 28;

/**
 * A test for the given positions: a bit per position between the smallest
 * and the largest (the picks of an archive lie in the span of its ids), as a
 * Set's lookup of every line's id was most of the copy's time.
 */
export function positionTest(positions: readonly number[]): PositionTest {
  if (positions.length === 0) return () => false;
  const low = positions.reduce((a, b) => Math.min(a, b));
  const high = positions.reduce((a, b) => Math.max(a, b));
  if (high - low >= MAX_BITMAP_SPAN) {
    const set = new Set(positions);
    return (position) => set.has(position);
  }
  const bits = new Uint8Array(Math.floor((high - low) / 8) + 1);
  for (const p of positions) bits[Math.floor((p - low) / 8)]! |= 1 << ((p - low) % 8);
  return (position) => {
    const offset = position - low;
    return offset >= 0 && position <= high && (bits[offset >>> 3]! & (1 << (offset & 7))) !== 0;
  };
}

/** Bytes read (and copied out) at a time by copyLinesOfIds. */
const CHUNK_BYTES = 1 << 22;

/** The bytes of a file, decompressed when it ends in .gz, a chunk at a time. */
async function* chunksOf(path: string): AsyncGenerator<Buffer> {
  if (isGzip(path)) {
    yield* createReadStream(path).pipe(createGunzip()) as AsyncIterable<Buffer>;
    return;
  }
  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.allocUnsafe(CHUNK_BYTES);
    for (;;) {
      const read = readSync(fd, buffer, 0, CHUNK_BYTES, null);
      if (read === 0) return;
      yield buffer.subarray(0, read);
    }
  } finally {
    closeSync(fd);
  }
}

/**
 * Copies to `to` the lines of the GDELT export `from` (gzip or not) that
 * may hold one of the `wanted` GLOBALEVENTIDs, for the second pass to read
 * instead of the whole file. Only a line's first bytes are looked at: a
 * line whose first cell is plain digits (as GDELT writes its ids) is copied
 * when that number is wanted, and any other line is copied as it is (a
 * stray space, a sign: the picked reader parses the id as the first pass
 * did and keeps exactly the picked rows). Lines end at LF, CR or both, as
 * DuckDB's CSV reader reads them. Returns how many lines were copied.
 */
export async function copyLinesOfIds(
  from: string,
  to: string,
  wanted: PositionTest,
): Promise<number> {
  const out = openSync(to, 'w');
  const copy = Buffer.allocUnsafe(CHUNK_BYTES);
  let copyLength = 0;
  let copied = 0;
  const keep = (text: Buffer, start: number, end: number) => {
    const length = end - start + 1;
    if (copyLength + length > copy.length) {
      writeSync(out, copy, 0, copyLength);
      copyLength = 0;
    }
    if (length > copy.length) writeSync(out, Buffer.concat([text.subarray(start, end), NEWLINE]));
    else {
      copy.set(text.subarray(start, end), copyLength);
      copy[copyLength + length - 1] = LF;
      copyLength += length;
    }
    copied++;
  };
  /** Keeps the wanted lines of `text` that end in it (all, if `last`); returns where the rest starts. */
  const scan = (text: Buffer, last: boolean): number => {
    // GDELT's lines end at LF alone; CR is looked for again only past the last one found.
    let cr = text.indexOf(CR);
    let start = 0;
    while (start < text.length) {
      let end = text.indexOf(LF, start);
      if (cr >= 0 && cr < start) cr = text.indexOf(CR, start);
      if (cr >= 0 && (end < 0 || cr < end)) end = cr;
      if (end < 0) {
        if (!last) return start;
        end = text.length;
      }
      if (end > start && mayHoldWantedId(text, start, end, wanted)) keep(text, start, end);
      start = end + 1;
    }
    return text.length;
  };
  try {
    // The line a chunk ends inside; only it is copied, joined to the next
    // chunk's start (joining every chunk whole to it copied the file again).
    let pending: Buffer | undefined;
    for await (const chunk of chunksOf(from)) {
      let rest = chunk;
      if (pending) {
        const end = firstLineEnd(chunk);
        if (end < 0) {
          pending = Buffer.concat([pending, chunk]);
          continue;
        }
        scan(Buffer.concat([pending, chunk.subarray(0, end + 1)]), false);
        rest = chunk.subarray(end + 1);
      }
      const unfinished = scan(rest, false);
      // The chunk's buffer is read into again: keep a copy of the unfinished line.
      pending = unfinished < rest.length ? Buffer.from(rest.subarray(unfinished)) : undefined;
    }
    if (pending) scan(pending, true);
    writeSync(out, copy, 0, copyLength);
  } finally {
    closeSync(out);
  }
  return copied;
}

/** Where the first line of `text` ends (its first LF or CR), or -1. */
function firstLineEnd(text: Buffer): number {
  const lf = text.indexOf(LF);
  // A CR before it ends the line too; only the bytes before the LF are looked through.
  const cr = (lf < 0 ? text : text.subarray(0, lf)).indexOf(CR);
  return cr >= 0 ? cr : lf;
}

/**
 * Whether the line `text[start, end)` may hold a wanted GLOBALEVENTID: its
 * first cell is plain digits naming a wanted number, or is not plain digits.
 * Numbers from 2^40 on are no position (posOf), so never wanted, and below
 * it a double counts exactly.
 */
function mayHoldWantedId(text: Buffer, start: number, end: number, wanted: PositionTest): boolean {
  let id = 0;
  let at = start;
  for (; at < end; at++) {
    const byte = text[at]!;
    if (byte < DIGIT_0 || byte > DIGIT_9) break;
    id = id * 10 + (byte - DIGIT_0);
  }
  const plainDigits = at > start && at < end && text[at] === TAB;
  return !plainDigits || wanted(id);
}
