/**
 * The first rows of a delimited table, for the column-mapping step of the
 * import: its header, enough rows to preview and to check a mapping against,
 * and how many rows there are in all. Small enough to send from the import
 * worker to the page whatever the table's size or width.
 */
import { parseCsv, type Delimiter } from './csv';

export interface SampleRow {
  /** The row number as a spreadsheet shows it and the importers report it (the header is row 1). */
  row: number;
  cells: string[];
}

export interface TableSample {
  file: string;
  delimiter: Delimiter;
  /** The header cells as the file writes them. */
  header: string[];
  /** The first data rows. */
  rows: SampleRow[];
  /** Data rows in the whole table (blank lines not counted). */
  totalRows: number;
  /** What format detection made of the file, when it recognised none (why it is to be mapped). */
  detected?: string;
}

/** Most data rows sampled: enough to catch a bad column choice, few enough to check at each change. */
export const SAMPLE_ROWS = 1000;
/** Most cells sampled in all, so that a table with thousands of columns stays small. */
export const SAMPLE_CELLS = 100_000;
/** Longest cell text kept: a preview needs no more, and checks read short cells (dates, scores). */
export const SAMPLE_CELL_CHARS = 1000;

/** Where the header ends in a CSV text (quoted line breaks belong to it), and how many it spans. */
export function headerExtent(text: string): { end: number; lineBreaks: number } {
  let quoted = false;
  let lineBreaks = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (c === '\n' || c === '\r') {
      if (!quoted) return { end: i, lineBreaks };
      if (!(c === '\r' && text[i + 1] === '\n')) lineBreaks++;
    }
  }
  return { end: text.length, lineBreaks };
}

/**
 * The sample of a CSV or TSV text, or undefined when it is not a table one
 * could map: no header, or fewer than two columns (a source and a target).
 * Syntax errors do not prevent a sample: the import reports them.
 */
export function sampleTable(file: { name: string; text: string }): TableSample | undefined {
  const { table } = parseCsv(file.text);
  if (!table) return undefined;
  const header = table.header.cells.map((c) => c.text);
  if (header.filter((h) => h.trim() !== '').length < 2) return undefined;
  const rowLimit = Math.max(10, Math.min(SAMPLE_ROWS, Math.floor(SAMPLE_CELLS / header.length)));
  const rows = table.records.slice(0, rowLimit).map((r) => ({
    row: r.row,
    cells: r.cells.slice(0, header.length).map((c) => c.text.slice(0, SAMPLE_CELL_CHARS)),
  }));
  return {
    file: file.name,
    delimiter: table.delimiter,
    header,
    rows,
    totalRows: table.records.length,
  };
}
