/**
 * One entry point for the event formats (docs/FORMATS.md, "Several files of
 * one event format"): one file or several of one format, read as one table
 * of events, whatever the format. The app's import, its worker and
 * `npm run import` all come here.
 */
import { ACLED } from './acled';
import type { EventImportOptions } from './event-options';
import {
  EVENT_TABLE,
  EventTablesImport,
  readEventFiles,
  type EventFilesImport,
} from './event-tables';
import { GdeltImport } from './gdelt';
import { ICEWS } from './icews';
import type { ImportResult } from './import-result';
import { UCDP_GED } from './ucdp-ged';

/** The formats whose rows are events, aggregated into relations (the event options apply). */
export const EVENT_FORMATS = ['events', 'gdelt', 'icews', 'acled', 'ucdp-ged'] as const;

export type EventFormatName = (typeof EVENT_FORMATS)[number];

export const isEventFormat = (format: string | null): format is EventFormatName =>
  (EVENT_FORMATS as readonly (string | null)[]).includes(format);

/** An import of files of one event format, fed a file at a time. */
export function eventFilesImport(
  format: EventFormatName,
  options: EventImportOptions = {},
): EventFilesImport {
  switch (format) {
    case 'gdelt':
      return new GdeltImport(options);
    case 'events':
      return new EventTablesImport(EVENT_TABLE, options);
    case 'icews':
      return new EventTablesImport(ICEWS, options);
    case 'acled':
      return new EventTablesImport(ACLED, options);
    case 'ucdp-ged':
      return new EventTablesImport(UCDP_GED, options);
  }
}

/**
 * Files of one event format read as one table of events, in the order of
 * their names (see {@link byName}), so the dataset is the same whatever
 * order they were picked or listed in.
 */
export function importEventFiles(
  format: EventFormatName,
  files: readonly { name: string; text: string }[],
  options: EventImportOptions = {},
): ImportResult {
  return readEventFiles(eventFilesImport(format, options), byName(files));
}

/**
 * The files sorted by name (by code unit, not by locale, so every machine
 * agrees; files of the same name keep their order). Published splits are
 * named so that this is their order: `events.2017.tab`, `events.2018.tab`;
 * GDELT's `20240921000000.export.CSV`, `20240921001500.export.CSV`.
 */
export function byName<T extends { name: string }>(files: readonly T[]): T[] {
  return [...files].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
