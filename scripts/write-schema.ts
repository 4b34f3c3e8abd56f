/** Writes graph-data/schema.json from the zod schema (`npm run schema`). */
import { writeFileSync } from 'node:fs';
import { schemaFileText, SCHEMA_PATH } from '../src/core/schema-file';

writeFileSync(SCHEMA_PATH, schemaFileText());
console.log(`wrote ${SCHEMA_PATH}`);
