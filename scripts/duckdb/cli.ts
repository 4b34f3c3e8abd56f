/**
 * The DuckDB branch of `npm run import` (scripts/import.ts): which inputs
 * go through DuckDB, and the run that prints and writes like the in-memory
 * path does.
 */
import { createReadStream, statSync } from 'node:fs';
import { basename } from 'node:path';
import { createGunzip } from 'node:zlib';
import { detectFormat, FORMATS, type Detection } from '../../src/core/io/detect';
import type { EventImportOptions } from '../../src/core/io/event-options';
import type { Problem } from '../../src/core/problems';
import { MAX_IMPORT_BYTES } from '../../src/import/limits';
import { importWithDuckDb, type DuckDbFormat } from './importWithDuckDb';
import { isTableFormat, TABLE_FORMATS } from './tableReaders';
import { isParquet } from './readers';
import { writeImportResult } from '../import-output';

export const ENGINES = ['memory', 'duckdb'] as const;
export type Engine = (typeof ENGINES)[number];

/**
 * DuckDB when asked (`--engine duckdb`), or, unless `--engine memory` says
 * otherwise, for what the in-memory path should not hold: inputs that
 * together exceed the app's import limit (the text, its parse and the
 * dataset take about ten times the file), gzip and Parquet files.
 */
export function usesDuckDb(files: readonly string[], engine: Engine | undefined): boolean {
  if (engine !== undefined) return engine === 'duckdb';
  const bytes = files.reduce((sum, f) => sum + sizeOf(f), 0);
  return bytes > MAX_IMPORT_BYTES || files.some((f) => /\.gz$/i.test(f) || isParquet(f));
}

const sizeOf = (path: string) => {
  try {
    return statSync(path).size;
  } catch {
    return 0; // Unreadable: the import reports it at the file.
  }
};

/** Bytes of a file's start that detection reads (decompressed, for gzip). */
const HEAD_BYTES = 64 * 1024;

/** The first bytes of a file as text, decompressed when it ends in .gz. */
async function headText(path: string): Promise<string> {
  const input = createReadStream(path, /\.gz$/i.test(path) ? {} : { end: HEAD_BYTES - 1 });
  const stream = /\.gz$/i.test(path) ? input.pipe(createGunzip()) : input;
  const chunks: Buffer[] = [];
  let length = 0;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      chunks.push(chunk);
      length += chunk.length;
      if (length >= HEAD_BYTES) break;
    }
  } finally {
    input.destroy();
  }
  return new TextDecoder().decode(Buffer.concat(chunks).subarray(0, HEAD_BYTES));
}

/**
 * The event format DuckDB reads the files as, each with why: `--format`,
 * else detected from each file's first bytes as the app detects it
 * (src/core/io/detect.ts; a gzip file's decompressed start; a Parquet file
 * is a GDELT table). Undefined when some file is not an event format
 * DuckDB reads, or the files are of different formats: the in-memory path
 * then reports it (and holds each file to the size limit).
 */
export async function duckDbFormatOf(
  files: readonly string[],
  format: string | undefined,
): Promise<{ format: DuckDbFormat; reasons: string[] } | undefined> {
  if (format !== undefined) {
    if (format !== 'gdelt' && !isTableFormat(format)) return undefined;
    return { format, reasons: files.map(() => `read as ${FORMATS[format]} (--format ${format})`) };
  }
  const detections: Detection[] = [];
  for (const path of files) {
    if (isParquet(path))
      detections.push({ format: 'gdelt', reason: 'Parquet: read as a GDELT event table' });
    else {
      try {
        detections.push(detectFormat(basename(path), await headText(path)));
      } catch {
        return undefined; // Unreadable: the in-memory path says why.
      }
    }
  }
  const formats = new Set(detections.map((d) => d.format));
  const [only] = formats;
  if (formats.size !== 1 || only === null || only === undefined) return undefined;
  if (only !== 'gdelt' && !isTableFormat(only)) return undefined;
  return { format: only, reasons: detections.map((d) => d.reason) };
}

/**
 * Imports with DuckDB and prints like the in-memory path: what each file
 * was read as and why, every problem (`flagPath` names the flag behind an
 * option's problem), then what was written. Returns the exit status: 0
 * written, 1 errors in the input.
 */
export async function importLarge(
  cli: { files: readonly string[]; out: string; format?: string; events: EventImportOptions },
  flagPath: (p: Problem) => Problem,
): Promise<number> {
  const read = await duckDbFormatOf(cli.files, cli.format);
  if (!read) {
    console.log(
      `${cli.files.join(', ')}: DuckDB reads event files of one format (${['gdelt', ...Object.keys(TABLE_FORMATS)].join(', ')}); these are not, so import them with --engine memory (uncompressed, each file up to the app's size limit)`,
    );
    return 1;
  }
  cli.files.forEach((f, i) => console.log(`${basename(f)}: ${read.reasons[i]}; read with DuckDB`));
  const result = await importWithDuckDb(cli.files, read.format, cli.events);
  return writeImportResult(result, cli.out, flagPath);
}
