/**
 * One entry point for every import format: detects what each file is and
 * hands it to the core importer for that format. Framework-free, so the
 * worker, the validate CLI and the tests all use it.
 */
import type { Problem } from '../core/problems';
import type { Dataset } from '../core/schema';
import { importCsv } from '../core/io/csv-import';
import {
  detectFormat,
  FORMATS,
  type Detected,
  type Detection,
  type FormatName,
  FORMAT_NAMES,
} from '../core/io/detect';
import {
  byName,
  importEventFiles,
  isEventFormat,
  type EventFormatName,
} from '../core/io/event-files';
import type { EventImportOptions } from '../core/io/event-options';
import { importGexf } from '../core/io/gexf-import';
import { importUcdpConflicts } from '../core/io/ucdp';
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
 * Imports one dataset from one file (JSON, GEXF, CSV relations, an event
 * file of any event format), two CSV tables (actors and relations), or
 * several files of one event format (one table of events). `options.events`
 * tells how events become relations (defaults otherwise).
 */
export function importTexts(
  inputs: readonly ImportInput[],
  options: ImportOptions = {},
): ImportResult {
  const result = importAny(inputs, options);
  return {
    ...withLegalText(result, fileOfPath(inputs, result.formats), names(inputs)),
    ...(result.formats && { formats: result.formats }),
  };
}

const names = (files: readonly { name: string }[]) => files.map((f) => f.name).join(', ');

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

/**
 * The file a dataset path came from: with two CSV tables, actors come from
 * the actors table; a dataset of several event files comes from all of them.
 */
function fileOfPath(
  inputs: readonly ImportInput[],
  formats: readonly Detection[] = [],
): (path: string) => string {
  if (inputs.length === 1) return () => inputs[0]!.name;
  if (formats.length > 0 && formats.every((d) => isEventFormat(d.format))) {
    const label = names(byName(inputs));
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
  const together = eventFilesTogether(inputs, detections as Detected[]);
  if (together && 'refused' in together) return withFormats(together.refused);
  if (together) return withFormats(importEventFiles(together.format, inputs, options.events));
  const conflictTables = severalConflictTables(inputs, formats);
  if (conflictTables) return withFormats(conflictTables);
  const alone = formats.findIndex((f) => SINGLE_FILE.has(f));
  if (alone >= 0)
    return withFormats(
      refuse(
        names(inputs),
        `${inputs[alone]!.name} is ${FORMATS[formats[alone]!]}, a dataset on its own; import it without other files (only a relations CSV takes an actors CSV, and files of one event format are read together)`,
      ),
    );
  if (inputs.length === 2) return withFormats(importTables(inputs));
  return withFormats(
    refuse(
      names(inputs),
      'import one dataset at a time: one file, a relations CSV with an actors CSV, or files of one event format',
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
    case 'gdelt':
    case 'icews':
    case 'acled':
    case 'ucdp-ged':
      return importEventFiles(format, [file], options.events);
    case 'ucdp-acd':
    case 'ucdp-nonstate':
      return importUcdpConflicts(file, format);
  }
}

/**
 * Whether several files are read together as one table of events: when all
 * are of one event format (published event data comes split by year, by
 * region, or for GDELT every 15 minutes), that format; when only some are,
 * the refusal naming the first file of another format and what it is; when
 * none is, undefined.
 */
export function eventFilesTogether(
  files: readonly { name: string }[],
  detections: readonly Detected[],
): { format: EventFormatName } | { refused: ImportResult } | undefined {
  const first = detections.findIndex((d) => isEventFormat(d.format));
  if (first < 0) return undefined;
  const format = detections[first]!.format as EventFormatName;
  const other = detections.findIndex((d) => d.format !== format);
  if (other < 0) return { format };
  const { format: otherFormat, reason } = detections[other]!;
  return {
    refused: refuse(
      files[other]!.name,
      `is ${FORMATS[otherFormat]} (${reason}), not ${FORMATS[format]} like ${files[first]!.name}: several files are read together only when all are of one event format; import it on its own`,
    ),
  };
}

/**
 * The refusal of several files of one UCDP conflict table (ACD or
 * Non-State). UCDP publishes each table whole, every year in one file (the
 * ACD from 1946, the Non-State table from 1989), and each version replaces
 * the last: two files would be two versions, and reading them together
 * would count the same conflict-years twice. Undefined when the files are
 * anything else.
 */
function severalConflictTables(
  inputs: readonly ImportInput[],
  formats: readonly FormatName[],
): ImportResult | undefined {
  const [format] = formats;
  if ((format !== 'ucdp-acd' && format !== 'ucdp-nonstate') || formats.some((f) => f !== format))
    return undefined;
  return refuse(
    names(inputs),
    `${inputs.length === 2 ? 'both' : `all ${inputs.length}`} files are ${FORMATS[format].replace(/^an? /, '')}s, and UCDP publishes each of these tables whole (every year in one file, each version replacing the last): read together they would count the same conflict-years twice; import one file, the version you mean`,
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
