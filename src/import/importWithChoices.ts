/**
 * The import with what the user chose in the import panel: a column mapping
 * for a table whose header no importer recognises (or one remembered for
 * that header), and the event-table options. Framework-free: the worker
 * runs it, and the tests call it directly.
 *
 * A table that is not recognised is not refused: the result carries its
 * sample (`needsMapping`) and the panel asks which column is which. A
 * mapped table goes through the existing importers (see
 * `core/io/column-mapping.ts`), with their precise problems, named after the
 * user's own columns.
 */
import {
  applyMapping,
  fitsHeader,
  headerKey,
  relabelProblems,
  type ColumnMapping,
} from '../core/io/column-mapping';
import type { Detection, FormatName } from '../core/io/detect';
import { isEventFormat } from '../core/io/event-files';
import type { EventImportOptions } from '../core/io/event-options';
import { sampleTable, type TableSample } from '../core/io/table-sample';
import { detectFormat, importTexts, type ImportInput, type ImportResult } from './importTexts';
import { detectStreamable, importGdeltStreams, type StreamedFile } from './importStreams';

/** What the user chose for an import (all optional: an import without choices is the plain one). */
export interface ImportChoices {
  /** The mapping the user made for the one table being imported. */
  mapping?: ColumnMapping;
  /** Mappings remembered in this browser, keyed by `headerKey`: used for a table not recognised. */
  remembered?: readonly (readonly [key: string, mapping: ColumnMapping])[];
  /** Options of an event table (defaults otherwise). */
  events?: EventImportOptions;
  /**
   * Read the files as this format instead of the detected one (the import
   * panel's "Read as", when detection was wrong; `--format` in the CLI).
   */
  format?: FormatName;
}

/** How a format's reason says the user chose it. */
const CHOSEN = 'chosen in the import panel';

/** How the file was read, beyond the dataset: what the import panel lets the user change. */
export interface ImportReading {
  /**
   * The sampled table, when it was (or is to be) read through a column mapping, or when a
   * relations table was refused for its header (the user may map its columns instead).
   */
  table?: TableSample;
  /** The mapping used, and whether it was remembered for this header rather than just made. */
  mapping?: { mapping: ColumnMapping; remembered: boolean };
  /** Whether the file was read as an event table (its options apply). */
  eventTable: boolean;
  /** What each file was read as, and why (detected from its content, or chosen). */
  formats?: Detection[];
}

export interface ChosenImportResult extends ImportResult {
  reading: ImportReading;
  /** A table whose header is not recognised, and no mapping for it: ask the user for one. */
  needsMapping?: TableSample;
}

/**
 * Imports the files with the user's choices. One file and a mapping: the
 * mapping is applied. One table that is not recognised: a remembered
 * mapping for its header is applied, else the result asks for a mapping.
 * Anything else is the plain import, with the event options.
 */
export function importWithChoices(
  inputs: readonly ImportInput[],
  choices: ImportChoices = {},
): ChosenImportResult {
  const [only] = inputs;
  if (inputs.length !== 1 || !only || choices.format) return plain(inputs, choices);
  const unrecognised = unrecognisedTable(only);
  if (choices.mapping) {
    const table = unrecognised ?? sampleTable(only);
    if (table) return mapped(only, table, choices.mapping, false, choices.events);
  }
  if (!unrecognised) return plain(inputs, choices);
  const key = headerKey(unrecognised.header);
  const remembered = choices.remembered?.find(
    ([k, mapping]) => k === key && fitsHeader(mapping, unrecognised.header.length),
  );
  if (remembered) return mapped(only, unrecognised, remembered[1], true, choices.events);
  return {
    errors: [],
    warnings: [],
    reading: { table: unrecognised, eventTable: false },
    needsMapping: unrecognised,
  };
}

/**
 * The import as detected. A relations table refused for its header (a
 * required column missing: an error at row 1) keeps its sample, so the panel
 * can offer to map its columns instead.
 */
function plain(inputs: readonly ImportInput[], choices: ImportChoices): ChosenImportResult {
  const result = importTexts(inputs, {
    events: choices.events,
    ...(choices.format ? { format: choices.format, formatChosenBy: CHOSEN } : {}),
  });
  const [only] = inputs;
  // Several files of one event format are one table of events: its options apply as to one.
  const formats = result.formats?.map((d) => d.format) ?? [];
  const eventTable =
    formats.length > 0 && formats.every((f) => f === formats[0] && isEventFormat(f));
  const headerRefused =
    inputs.length === 1 &&
    formats[0] === 'csv' &&
    !result.dataset &&
    result.errors.some((e) => e.path === 'row 1');
  const table = headerRefused ? sampleTable(only!) : undefined;
  const detected = result.formats ? { formats: result.formats } : {};
  return {
    ...result,
    reading: table ? { eventTable, table, ...detected } : { eventTable, ...detected },
  };
}

/**
 * The import of files that stream (GDELT exports: see importStreams.ts),
 * with the user's event options and chosen format; undefined when they do
 * not stream (another format, or a column mapping to apply), and the
 * files are to be read whole.
 */
export async function importStreamedWithChoices(
  files: readonly StreamedFile[],
  choices: ImportChoices = {},
  onFile?: (index: number, name: string) => void,
): Promise<ChosenImportResult | undefined> {
  if (choices.mapping) return undefined;
  const detections = await detectStreamable(files, choices.format, CHOSEN);
  if (!detections) return undefined;
  const result = await importGdeltStreams(files, detections, choices.events, { onFile });
  return { ...result, reading: { eventTable: true, formats: result.formats } };
}

/** The table read through a mapping by the importer of the mapping's shape. */
function mapped(
  input: ImportInput,
  table: TableSample,
  mapping: ColumnMapping,
  remembered: boolean,
  events: EventImportOptions | undefined,
): ChosenImportResult {
  const text = applyMapping(input.text, table.header, table.delimiter, mapping);
  // The format is given, not detected: the rewritten header is the importer's own, whatever
  // else the table's shape might suggest.
  const format = mapping.shape === 'events' ? 'events' : 'csv';
  const result = importTexts([{ name: input.name, text }], { events, format });
  return {
    ...result,
    errors: relabelProblems(result.errors, table.header, mapping),
    warnings: relabelProblems(result.warnings, table.header, mapping),
    reading: { table, mapping: { mapping, remembered }, eventTable: mapping.shape === 'events' },
  };
}

/**
 * The sample of a file that is a table no format recognises (detection
 * answers "not recognised" with the header it saw), else undefined: JSON,
 * GEXF and recognised tables go to their importers as before.
 */
function unrecognisedTable(input: ImportInput): TableSample | undefined {
  const detection = detectFormat(input.name, input.text);
  if (detection.format !== null || detection.header === undefined) return undefined;
  const sample = sampleTable(input);
  return sample && { ...sample, detected: detection.reason };
}
