/**
 * One entry point for every import format: detects what each file is and
 * hands it to the core importer for that format. Framework-free, so the
 * worker, the validate CLI and the tests all use it.
 */
import type { Problem } from '../core/problems';
import type { Dataset } from '../core/schema';
import { importCsv } from '../core/io/csv-import';
import { isEventTable } from '../core/io/event-columns';
import { importEvents, type EventImportOptions } from '../core/io/events-import';
import { importGexf } from '../core/io/gexf-import';
import { cleanStrings } from '../core/io/text-rules';
import { parseDatasetJson, validateDataset } from '../core/validate';

export interface ImportInput {
  name: string;
  text: string;
}

export interface ImportResult {
  dataset?: Dataset;
  errors: Problem[];
  warnings: Problem[];
}

export type ImportFormat = 'json' | 'csv' | 'gexf' | 'events';

/** Options of the formats that have some (event tables: how events become relations). */
export interface ImportOptions {
  events?: EventImportOptions;
}

/**
 * The format of a file, from its extension, else from its first characters;
 * a CSV whose header has two actor columns and a Goldstein or QuadClass
 * column (and no kind) is an event table.
 */
export function detectFormat(name: string, text: string): ImportFormat | null {
  const format = fileFormat(name, text);
  return format === 'csv' && isEventTable(text) ? 'events' : format;
}

function fileFormat(name: string, text: string): ImportFormat | null {
  const ext = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase();
  if (ext === 'json') return 'json';
  if (ext === 'gexf' || ext === 'xml') return 'gexf';
  if (ext === 'csv' || ext === 'tsv' || ext === 'txt') return 'csv';
  const start = text.trimStart()[0];
  if (start === '{' || start === '[') return 'json';
  if (start === '<') return 'gexf';
  return text.includes(',') || text.includes(';') ? 'csv' : null;
}

const refuse = (file: string, message: string): ImportResult => ({
  errors: [{ severity: 'error', file, path: '', message }],
  warnings: [],
});

/**
 * Imports one dataset from one file (JSON, GEXF, CSV relations, CSV event
 * table) or two CSV tables (actors and relations). `options.events` tells
 * how an event table's events become relations (defaults otherwise).
 */
export function importTexts(
  inputs: readonly ImportInput[],
  options: ImportOptions = {},
): ImportResult {
  return withLegalText(importAny(inputs, options), inputs);
}

/**
 * The boundary where text enters: every string of the imported dataset
 * follows the one rule of core/io/text-rules.ts (characters XML 1.0 does not
 * allow are replaced by U+FFFD, with a warning naming the file, field,
 * position and code point), whatever the format, so validation's consumers,
 * the store, the library and the exports never see such a character.
 * Replacing can make two ids equal (`a\ud800` and `a\ud801`), so a changed
 * dataset is validated again and refused if it no longer holds together.
 */
function withLegalText(result: ImportResult, inputs: readonly ImportInput[]): ImportResult {
  if (!result.dataset) return result;
  const clean = cleanStrings(result.dataset, fileOfPath(inputs));
  if (clean.value === result.dataset) return result;
  const warnings = [...result.warnings, ...clean.warnings];
  const recheck = validateDataset(clean.value, inputs.map((f) => f.name).join(', '));
  if (recheck.errors.length > 0) return { errors: [...result.errors, ...recheck.errors], warnings };
  return { dataset: clean.value, errors: result.errors, warnings };
}

/** The file a dataset path came from: with two CSV tables, actors come from the actors table. */
function fileOfPath(inputs: readonly ImportInput[]): (path: string) => string {
  if (inputs.length === 1) return () => inputs[0]!.name;
  const relations = inputs.find((f) => isRelationsTable(f.text));
  const actors = inputs.find((f) => f !== relations);
  return (path) =>
    (path.startsWith('actors') ? actors?.name : relations?.name) ??
    inputs.map((f) => f.name).join(', ');
}

function importAny(inputs: readonly ImportInput[], options: ImportOptions): ImportResult {
  if (inputs.length === 0) return refuse('', 'no file was given');
  const formats = inputs.map((f) => detectFormat(f.name, f.text));
  const unknown = inputs.findIndex((_, i) => formats[i] === null);
  if (unknown >= 0)
    return refuse(
      inputs[unknown]!.name,
      'is not a format Allegiance reads (JSON, CSV or GEXF, by extension or content)',
    );
  if (inputs.length === 1) {
    const [file] = inputs as [ImportInput];
    if (formats[0] === 'json') return parseDatasetJson(file.text, file.name);
    if (formats[0] === 'events') return importEvents(file, options.events);
    return importOther(formats[0]!, inputs);
  }
  if (formats.includes('events'))
    return refuse(
      inputs.map((f) => f.name).join(', '),
      'an event table is imported on its own (its actors come from its actor columns); import it without other files',
    );
  if (formats.every((f) => f === 'csv') && inputs.length === 2) return importOther('csv', inputs);
  return refuse(
    inputs.map((f) => f.name).join(', '),
    'import one dataset at a time: one JSON or GEXF file, or a relations CSV with an optional actors CSV',
  );
}

/** Whether a CSV's header names relation endpoints (a relations table, not an actors table). */
function isRelationsTable(text: string): boolean {
  const header = (text.split(/\r?\n/, 1)[0] ?? '').toLowerCase();
  return /(^|[,;\t]\s*"?)(source|target|actor ?1|actor ?2|from_actor|to_actor)"?\s*([,;\t]|$)/.test(
    header,
  );
}

function importOther(format: ImportFormat, inputs: readonly ImportInput[]): ImportResult {
  if (format === 'gexf') return importGexf(inputs[0]!.text, inputs[0]!.name);
  if (inputs.length === 1) return importCsv({ relations: inputs[0]! });
  const relations = inputs.filter((f) => isRelationsTable(f.text));
  if (relations.length !== 1)
    return refuse(
      inputs.map((f) => f.name).join(', '),
      relations.length === 0
        ? 'neither CSV has source and target columns, so neither is a relations table'
        : 'both CSVs have source and target columns; give one relations table and one actors table',
    );
  return importCsv({ relations: relations[0]!, actors: inputs.find((f) => f !== relations[0]) });
}
