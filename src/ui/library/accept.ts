/** The file types the import picker offers. */
export const IMPORT_ACCEPT = '.json,.csv,.tsv,.txt,.gexf,.xml,application/json,text/csv';
