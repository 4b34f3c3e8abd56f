/**
 * Import and export of datasets: JSON (ours), CSV (actors and relations
 * tables) and GEXF (Gephi). The rules are in docs/FORMATS.md.
 */
export { exportJson } from './json';
export { exportActorsCsv, exportRelationsCsv, type CsvExportOptions } from './csv-export';
export { importCsv, type CsvFile, type CsvImportInput } from './csv-import';
export { exportGexf } from './gexf-export';
export { importGexf } from './gexf-import';
export { EVENT_IMPORT_DEFAULTS, type EventImportOptions } from './events-import';
export { importEvents } from './event-tables';
export { importEventFiles } from './event-files';
export type { ImportResult } from './import-result';
