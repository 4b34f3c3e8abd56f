/**
 * One entry point for every import format: detects what each file is and
 * hands it to the core importer for that format. Framework-free, so the
 * worker, the validate CLI and the tests all use it.
 */
import type { Problem } from '../core/problems';
import type { Dataset } from '../core/schema';
import { importAcled } from '../core/io/acled';
import { importCsv } from '../core/io/csv-import';
import {
  detectFormat,
  FORMATS,
  type Detected,
  type Detection,
  type FormatName,
  FORMAT_NAMES,
} from '../core/io/detect';
import { importEvents, type EventImportOptions } from '../core/io/events-import';
import { importGdelt, importGdeltFiles } from '../core/io/gdelt';
import { importGexf } from '../core/io/gexf-import';
import { importIcews } from '../core/io/icews';
import { importUcdpConflicts } from '../core/io/ucdp';
import { importUcdpGed } from '../core/io/ucdp-ged';
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
  /** What each file was read as, and why (detected from its content, or given). */
  formats?: Detection[];
}

/** Options of the formats that have some (event formats: how events become relations). */
export interface ImportOptions {
  events?: EventImportOptions;
  /** Read every file as this format instead of detecting it (`--format` in the CLI). */
  format?: FormatName;
  /** Who chose `format`, as its reason says (default: `--format NAME`). */
  formatChosenBy?: string;
}

export { detectFormat, type Detection, type FormatName } from '../core/io/detect';

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
  return withLegalText(
    importAny(inputs, options),
    fileOfPath(inputs),
    inputs.map((f) => f.name).join(', '),
  );
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
export function withLegalText(
  result: ImportResult,
  fileOf: (path: string) => string,
  label: string,
): ImportResult {
  if (!result.dataset) return result;
  const clean = cleanStrings(result.dataset, fileOf);
  if (clean.value === result.dataset) return result;
  const warnings = [...result.warnings, ...clean.warnings];
  const recheck = validateDataset(clean.value, label);
  if (recheck.errors.length > 0) return { errors: [...result.errors, ...recheck.errors], warnings };
  return { dataset: clean.value, errors: result.errors, warnings };
}

/** The file a dataset path came from: with two CSV tables, actors come from the actors table. */
function fileOfPath(inputs: readonly ImportInput[]): (path: string) => string {
  if (inputs.length === 1) return () => inputs[0]!.name;
  if (inputs.every((f) => detectFormat(f.name, f.text).format === 'gdelt')) {
    const label = inputs.map((f) => f.name).join(', ');
    return () => label;
  }
  const relations = inputs.find((f) => isRelationsTable(f.text));
  const actors = inputs.find((f) => f !== relations);
  return (path) =>
    (path.startsWith('actors') ? actors?.name : relations?.name) ??
    inputs.map((f) => f.name).join(', ');
}

/** Formats whose file is a whole dataset on its own (everything but CSV tables). */
const SINGLE_FILE: ReadonlySet<FormatName> = new Set(FORMAT_NAMES.filter((f) => f !== 'csv'));

function importAny(inputs: readonly ImportInput[], options: ImportOptions): ImportResult {
  if (inputs.length === 0) return refuse('', 'no file was given');
  const detections = inputs.map((f): Detection =>
    options.format
      ? {
          format: options.format,
          reason: `read as ${FORMATS[options.format]} (${options.formatChosenBy ?? `--format ${options.format}`})`,
        }
      : detectFormat(f.name, f.text),
  );
  const withFormats = (r: ImportResult): ImportResult => ({ ...r, formats: detections });
  const unknown = detections.findIndex((d) => d.format === null);
  if (unknown >= 0)
    return withFormats(refuse(inputs[unknown]!.name, `is ${detections[unknown]!.reason}`));
  const formats = (detections as Detected[]).map((d) => d.format);
  if (inputs.length === 1) return withFormats(importOne(inputs[0]!, formats[0]!, options));
  const severalGdelt = gdeltTogether(inputs, detections as Detected[]);
  if (severalGdelt !== 'not gdelt')
    return withFormats(severalGdelt ?? importGdeltFiles(inputs, options.events));
  const alone = formats.findIndex((f) => SINGLE_FILE.has(f));
  if (alone >= 0)
    return withFormats(
      refuse(
        inputs.map((f) => f.name).join(', '),
        `${inputs[alone]!.name} is ${FORMATS[formats[alone]!]}, a dataset on its own; import it without other files (only a relations CSV takes an actors CSV)`,
      ),
    );
  if (inputs.length === 2) return withFormats(importTables(inputs));
  return withFormats(
    refuse(
      inputs.map((f) => f.name).join(', '),
      'import one dataset at a time: one file, or a relations CSV with an actors CSV',
    ),
  );
}

/** One file, read as its format. */
function importOne(file: ImportInput, format: FormatName, options: ImportOptions): ImportResult {
  switch (format) {
    case 'json':
      return parseDatasetJson(file.text, file.name);
    case 'gexf':
      return importGexf(file.text, file.name);
    case 'csv':
      return importCsv({ relations: file });
    case 'events':
      return importEvents(file, options.events);
    case 'gdelt':
      return importGdelt(file, options.events);
    case 'icews':
      return importIcews(file, options.events);
    case 'acled':
      return importAcled(file, options.events);
    case 'ucdp-ged':
      return importUcdpGed(file, options.events);
    case 'ucdp-acd':
    case 'ucdp-nonstate':
      return importUcdpConflicts(file, format);
  }
}

/**
 * Several files read together as one table of events: GDELT exports (GDELT
 * publishes one every 15 minutes). Undefined when they all are; the
 * refusal naming the first file of another format when some are; `not
 * gdelt` when none is.
 */
export function gdeltTogether(
  files: readonly { name: string }[],
  detections: readonly Detected[],
): ImportResult | undefined | 'not gdelt' {
  const gdelt = detections.findIndex((d) => d.format === 'gdelt');
  if (gdelt < 0) return 'not gdelt';
  const other = detections.findIndex((d) => d.format !== 'gdelt');
  if (other < 0) return undefined;
  return refuse(
    files[other]!.name,
    `is ${FORMATS[detections[other]!.format]} (${detections[other]!.reason}), not a GDELT export like ${files[gdelt]!.name}: several files are read together only when all are GDELT exports; import it on its own`,
  );
}

/** Whether a CSV's header names relation endpoints (a relations table, not an actors table). */
function isRelationsTable(text: string): boolean {
  const header = (text.split(/\r?\n/, 1)[0] ?? '').toLowerCase();
  return /(^|[,;\t]\s*"?)(source|target|actor ?1|actor ?2|from_actor|to_actor)"?\s*([,;\t]|$)/.test(
    header,
  );
}

/** A relations CSV and its actors CSV, whichever order they come in. */
function importTables(inputs: readonly ImportInput[]): ImportResult {
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
