/**
 * The DuckDB branch of `npm run import` (scripts/import.ts): which inputs
 * go through DuckDB, and the run that prints and writes like the in-memory
 * path does.
 */
import { statSync } from 'node:fs';
import type { EventImportOptions } from '../../src/core/io/event-options';
import type { Problem } from '../../src/core/problems';
import { MAX_IMPORT_BYTES } from '../../src/import/limits';
import { importWithDuckDb } from './importWithDuckDb';
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

/**
 * Imports with DuckDB and prints like the in-memory path: every problem
 * (`flagPath` names the flag behind an option's problem), then what was
 * written. Returns the exit status: 0 written, 1 errors in the input.
 */
export async function importLarge(
  cli: { files: readonly string[]; out: string; format?: string; events: EventImportOptions },
  flagPath: (p: Problem) => Problem,
): Promise<number> {
  if (cli.format !== undefined && cli.format !== 'gdelt') {
    console.log(
      `--engine duckdb reads GDELT exports (--format gdelt), not ${cli.format}; import smaller files with --engine memory`,
    );
    return 1;
  }
  console.log(`${cli.files.join(', ')}: read with DuckDB as GDELT event exports`);
  const result = await importWithDuckDb(cli.files, 'gdelt', cli.events);
  return writeImportResult(result, cli.out, flagPath);
}
