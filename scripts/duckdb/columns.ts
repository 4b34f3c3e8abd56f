/**
 * Reading a DuckDB result into Node by columns, for the results with a row
 * per relation or per evidence item (35,518 and 143,050 rows for a million
 * GDELT rows). The binding's row objects (`getRowObjectsJson`) cost a
 * native call and a decoder call for every long text cell and a string for
 * every 64- and 128-bit number, and DuckDB's sort of those rows with all
 * their texts cost as much again (docs/SCALE.md, "Session 9"). Here a row's
 * texts come out of DuckDB joined into one value, cut apart in Node by
 * their byte lengths; numbers come out as doubles; and the rows are put in
 * order in Node, by numbers only.
 */
import type { DuckDBConnection, DuckDBMaterializedResult } from '@duckdb/node-api';

/** What to read: the rows of `from` (a table, or a query in parentheses). */
export interface ColumnsQuery<N extends string, T extends string> {
  from: string;
  /** Columns read as numbers (as DOUBLE: exact for whole numbers below 2^53). */
  numbers: readonly N[];
  /** Columns read as text. */
  texts: readonly T[];
  /** Number columns that order the rows, first key first; no two rows may share them all. */
  orderBy: readonly N[];
}

/** The columns of a result, row by row in order: numbers (NaN for NULL) and texts (undefined for NULL). */
export interface Columns<N extends string, T extends string> {
  rows: number;
  numbers: Record<N, Float64Array>;
  texts: Record<T, (string | undefined)[]>;
}

/** Reads `query.from` by columns, in the order of `query.orderBy`. */
export async function readColumns<N extends string, T extends string>(
  connection: DuckDBConnection,
  query: ColumnsQuery<N, T>,
): Promise<Columns<N, T>> {
  const { numbers, texts } = query;
  const lengths = texts.map((t) => `CAST(coalesce(strlen(${t}), -1) AS DOUBLE)`);
  const joined = texts.length > 0 ? [`concat(${texts.join(', ')})`] : [];
  const result = await connection.run(
    `SELECT ${[...numbers.map((n) => `CAST(${n} AS DOUBLE)`), ...lengths, ...joined].join(', ')}
     FROM ${query.from}`,
  );
  const read = readResult(result, numbers.length + texts.length, texts.length);
  const order = orderOf(
    result.rowCount,
    query.orderBy.map((n) => read.doubles[numbers.indexOf(n)]!),
  );
  const numberColumns: Partial<Record<N, Float64Array>> = {};
  numbers.forEach((n, i) => (numberColumns[n] = inOrder(read.doubles[i]!, order)));
  const textColumns: Partial<Record<T, (string | undefined)[]>> = {};
  texts.forEach((t, i) => (textColumns[t] = inOrder(read.texts[i]!, order)));
  return {
    rows: order.length,
    numbers: numberColumns as Record<N, Float64Array>,
    texts: textColumns as Record<T, (string | undefined)[]>,
  };
}

/**
 * `values` rearranged in `order`. A plain loop: `Float64Array.from(order,
 * mapFn)` and `Array.from(order, mapFn)` take V8's generic iterator path, and
 * were a third of reading the evidence of a million GDELT rows (docs/SCALE.md,
 * "Session 10").
 */
function inOrder<V extends Float64Array | (string | undefined)[]>(values: V, order: Int32Array): V {
  const out = (
    values instanceof Float64Array ? new Float64Array(order.length) : new Array(order.length)
  ) as V;
  for (let i = 0; i < order.length; i++) out[i] = values[order[i]!]!;
  return out;
}

/**
 * A result's first `doubleCount` columns (DOUBLE; NULL as NaN), the last
 * `textCount` of them the byte lengths of the texts joined in the column
 * after them, cut apart.
 */
function readResult(
  result: DuckDBMaterializedResult,
  doubleCount: number,
  textCount: number,
): { doubles: Float64Array[]; texts: (string | undefined)[][] } {
  const rows = result.rowCount;
  const doubles = Array.from({ length: doubleCount }, () => new Float64Array(rows));
  const texts = Array.from({ length: textCount }, () => new Array<string | undefined>(rows));
  const lengths = doubles.slice(doubleCount - textCount);
  let at = 0;
  for (let c = 0; c < result.chunkCount; c++) {
    const chunk = result.getChunk(c);
    // The binding asks DuckDB for a chunk's size at each read of rowCount.
    const chunkRows = chunk.rowCount;
    for (let i = 0; i < doubleCount; i++) {
      const vector = chunk.getColumnVector(i);
      const column = doubles[i]!;
      for (let r = 0; r < chunkRows; r++) {
        const value = vector.getItem(r);
        column[at + r] = typeof value === 'number' ? value : NaN;
      }
    }
    if (textCount > 0) {
      const vector = chunk.getColumnVector(doubleCount);
      for (let r = 0; r < chunkRows; r++) cutRow(String(vector.getItem(r)), lengths, at + r, texts);
    }
    at += chunkRows;
  }
  return { doubles, texts };
}

/**
 * Cuts row `row`'s joined texts by their byte lengths (-1: NULL). A row
 * that is all ASCII (as long in UTF-16 units as in UTF-8 bytes: any other
 * character takes more bytes than units) is sliced as it is.
 */
function cutRow(
  joined: string,
  lengths: readonly Float64Array[],
  row: number,
  texts: (string | undefined)[][],
): void {
  let bytes = 0;
  for (const l of lengths) bytes += Math.max(l[row]!, 0);
  const utf8 = joined.length === bytes ? undefined : Buffer.from(joined, 'utf8');
  let at = 0;
  for (let t = 0; t < lengths.length; t++) {
    const length = lengths[t]![row]!;
    if (length < 0) continue;
    texts[t]![row] = utf8 ? utf8.toString('utf8', at, at + length) : joined.slice(at, at + length);
    at += length;
  }
}

/** The indexes of `rows` rows sorted by the key columns, first key first. */
function orderOf(rows: number, keys: readonly Float64Array[]): Int32Array {
  const order = Int32Array.from({ length: rows }, (_, i) => i);
  return order.sort((a, b) => {
    for (const key of keys) {
      const d = key[a]! - key[b]!;
      if (d !== 0) return d;
    }
    return 0;
  });
}

/** Row `row` as one object of its columns, for code that reads a row by column names. */
export function rowAt<N extends string, T extends string>(
  columns: Columns<N, T>,
  row: number,
): Record<N, number> & Record<T, string | undefined> {
  const out: Record<string, number | string | undefined> = {};
  for (const n in columns.numbers) out[n] = columns.numbers[n][row];
  for (const t in columns.texts) out[t] = columns.texts[t][row];
  return out as Record<N, number> & Record<T, string | undefined>;
}
