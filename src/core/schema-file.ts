/** The committed JSON Schema file: its path and exact text. */
import { datasetJsonSchema } from './schema';

export const SCHEMA_PATH = 'graph-data/schema.json';

export function schemaFileText(): string {
  return `${JSON.stringify(datasetJsonSchema(), null, 2)}\n`;
}
