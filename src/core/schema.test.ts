import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SCHEMA_PATH, schemaFileText } from './schema-file';

describe('graph-data/schema.json', () => {
  it('is the JSON Schema generated from the zod schema (run `npm run schema` if this fails)', () => {
    expect(readFileSync(SCHEMA_PATH, 'utf8')).toBe(schemaFileText());
  });

  it('describes the main lists and the date format', () => {
    const schema = JSON.parse(schemaFileText());
    expect(schema.required).toEqual(expect.arrayContaining(['title', 'actors']));
    expect(Object.keys(schema.properties)).toEqual(
      expect.arrayContaining([
        'sources',
        'actorTypes',
        'relationKinds',
        'actors',
        'relations',
        'events',
      ]),
    );
    expect(JSON.stringify(schema)).toContain('^\\\\d{4}(-\\\\d{2}(-\\\\d{2})?)?$');
  });
});
