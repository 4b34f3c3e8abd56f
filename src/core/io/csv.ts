/**
 * CSV as RFC 4180 describes it, with the leniency spreadsheets need: comma or
 * semicolon delimiter (detected from the header line), a UTF-8 byte-order
 * mark, CRLF, LF or CR line ends, quoted fields that hold delimiters, quotes
 * (doubled) and line breaks. Every cell keeps its line and column so that
 * problems point at it.
 */

export type Delimiter = ',' | ';' | '\t';

export interface CsvCell {
  text: string;
  /** 1-based line and column of the cell's first character. */
  line: number;
  column: number;
}

export interface CsvRecord {
  cells: CsvCell[];
  /** 1-based record number as a spreadsheet shows it: the header is row 1. */
  row: number;
  /** Line where the record starts (differs from `row` after quoted line breaks). */
  line: number;
}

export interface CsvTable {
  delimiter: Delimiter;
  header: CsvRecord;
  /** Records after the header; blank lines are left out (their rows still count). */
  records: CsvRecord[];
}

export interface CsvSyntaxError {
  line: number;
  column: number;
  message: string;
}

/** The delimiter of a header line: the more frequent of `;` and `,` outside quotes (comma on a tie). */
export function detectDelimiter(text: string): Delimiter {
  const counts = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (const c of text) {
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '\n' || c === '\r')) break;
    else if (!quoted && (c === ',' || c === ';' || c === '\t')) counts[c]++;
  }
  // Tab-separated files (ICEWS, spreadsheet "TSV" exports) rarely have commas in the header.
  if (counts['\t'] > counts[','] && counts['\t'] > counts[';']) return '\t';
  return counts[';'] > counts[','] ? ';' : ',';
}

/**
 * Parses CSV text into a header and records. Syntax errors (a quoted field
 * never closed, text after a closing quote) are reported with their position;
 * parsing goes on so that every error is found. Undefined table: no header.
 */
export function parseCsv(input: string): { table?: CsvTable; errors: CsvSyntaxError[] } {
  const text = input.replace(/^\uFEFF/, '');
  const delimiter = detectDelimiter(text);
  const errors: CsvSyntaxError[] = [];
  const records: CsvRecord[] = [];
  let line = 1;
  let lineStart = 0;
  let i = 0;
  let row = 0;
  const n = text.length;

  // Where an unquoted field starting at `from` ends.
  const unquotedEnd = (from: number): number => {
    let j = from;
    while (j < n && text[j] !== delimiter && text[j] !== '\n' && text[j] !== '\r') j++;
    return j;
  };

  // Consumes one line break at i (CRLF, LF or CR), if there is one.
  const lineBreak = (): boolean => {
    const c = text[i];
    if (c !== '\n' && c !== '\r') return false;
    i += c === '\r' && text[i + 1] === '\n' ? 2 : 1;
    line++;
    lineStart = i;
    return true;
  };

  // A record's cells are gathered here, reused from record to record, and copied out at their
  // count: an array grown by push reserves 17 slots, three times what a five-column table needs,
  // for each of a million rows.
  const cells: CsvCell[] = [];
  while (i < n) {
    row++;
    let count = 0;
    const recordLine = line;
    for (;;) {
      const cell: CsvCell = { text: '', line, column: i - lineStart + 1 };
      if (text[i] === '"') {
        i++;
        let closed = false;
        // Copy runs between quotes and line breaks as slices: per-character
        // concatenation builds deep string ropes that cost seconds on big files.
        const parts: string[] = [];
        while (i < n) {
          let j = i;
          while (j < n && text[j] !== '"' && text[j] !== '\n' && text[j] !== '\r') j++;
          if (j > i) parts.push(text.slice(i, j));
          i = j;
          if (i >= n) break;
          const c = text[i]!;
          if (c === '"') {
            if (text[i + 1] === '"') {
              parts.push('"');
              i += 2;
              continue;
            }
            i++;
            closed = true;
            break;
          }
          const start = i;
          lineBreak();
          parts.push(text.slice(start, i));
        }
        cell.text = parts.join('');
        if (!closed)
          errors.push({
            line: cell.line,
            column: cell.column,
            message: 'a quoted field is never closed (a " is missing)',
          });
        else if (i < n && text[i] !== delimiter && text[i] !== '\n' && text[i] !== '\r') {
          errors.push({
            line,
            column: i - lineStart + 1,
            message: `text after the closing quote of a field; a field that has quotes must be quoted whole, with inner quotes doubled ("")`,
          });
          cell.text += text.slice(i, unquotedEnd(i));
          i = unquotedEnd(i);
        }
      } else {
        // Unquoted: a stray quote inside is kept as it is, as spreadsheets do.
        const end = unquotedEnd(i);
        cell.text = text.slice(i, end);
        i = end;
      }
      cells[count++] = cell;
      if (i < n && text[i] === delimiter) {
        i++;
        continue;
      }
      break;
    }
    lineBreak();
    const blank = count === 1 && cells[0]!.text === '';
    if (!blank || row === 1) records.push({ cells: cells.slice(0, count), row, line: recordLine });
  }

  const [header, ...rest] = records;
  if (!header) return { errors };
  return { table: { delimiter, header, records: rest }, errors };
}

/** Cells that start with one of these are read as formulas by spreadsheets. */
const FORMULA_START = /^'*[=+\-@\t\r]/;

/**
 * Formula-injection guard: a text cell that a spreadsheet would run as a
 * formula (it starts with `=`, `+`, `-`, `@`, tab or CR) gets a leading `'`.
 * So does a cell that already starts with `'`s followed by one of those, so
 * that {@link unguardCell} can always remove exactly one.
 */
export function guardCell(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** Inverse of {@link guardCell}: drops the one `'` in front of a formula character. */
export function unguardCell(text: string): string {
  return text.startsWith("'") && FORMULA_START.test(text) ? text.slice(1) : text;
}

/** A cell as RFC 4180 writes it: quoted when it holds the delimiter, a quote or a line break. */
export function quoteCell(text: string, delimiter: Delimiter = ','): string {
  return text.includes(delimiter) || /["\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * A table as CSV text: CRLF line ends (RFC 4180), a final line end, and a
 * UTF-8 byte-order mark unless `bom` is false (spreadsheets need it to read
 * UTF-8; our importer accepts text with or without it). Cells are written as
 * given: guard them first where needed.
 */
export function writeCsv(
  rows: readonly (readonly string[])[],
  { bom = true, delimiter = ',' }: { bom?: boolean; delimiter?: Delimiter } = {},
): string {
  const body = rows.map((r) => r.map((c) => quoteCell(c, delimiter)).join(delimiter)).join('\r\n');
  return `${bom ? '\uFEFF' : ''}${body}\r\n`;
}
