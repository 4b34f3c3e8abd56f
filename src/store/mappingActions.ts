/**
 * What the import panel does with a table it had to ask about, and with an
 * event table's options: import with the user's column mapping, go back to
 * change it, re-run with other options. Each goes through `importFiles`, so
 * a failed run leaves the dataset on screen and in the library as it was.
 */
import type { ColumnMapping } from '../core/io/column-mapping';
import { suggestMapping } from '../core/io/column-mapping';
import type { EventImportOptions } from '../core/io/event-options';
import { rerunImport } from './datasetActions';
import { useStore } from './store';

/** Imports the table the panel asked about, read through the user's mapping. */
export function importWithMapping(mapping: ColumnMapping, events: EventImportOptions): void {
  void rerunImport({ mapping, events });
}

/** Re-runs the import the panel shows with other event options. */
export function reimportWithOptions(events: EventImportOptions): void {
  void rerunImport({ events });
}

/** Reopens the column mapping of the import the panel shows, starting from the mapping it used. */
export function editMapping(): void {
  const status = useStore.getState().importStatus;
  if (status.phase !== 'done' && status.phase !== 'failed') return;
  const table = status.reading?.table;
  if (!table) return;
  const mapping = status.reading?.mapping?.mapping ?? suggestMapping(table.header);
  useStore.setState({
    importStatus: {
      phase: 'mapping',
      files: status.files,
      table,
      mapping,
      events: status.events ?? {},
    },
  });
}
