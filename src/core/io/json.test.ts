import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { datasetArb } from '../../../tests/helpers/arbitraries';
import { datasetSchema, type Dataset } from '../schema';
import { parseDatasetJson, validateDataset } from '../validate';
import { exportJson, exportJsonPieces } from './json';
import { richDatasetArb } from '../../../tests/helpers/io-support';

/**
 * The export as it was written against the zod schema itself (key order and
 * empty default lists read from the zod objects). The export now reads the
 * committed JSON Schema instead, to keep zod out of the browser's export code;
 * it must give the same text.
 */
function exportJsonFromZod(dataset: Dataset): string {
  const inner = (schema: z.ZodType) => {
    let s = schema;
    while (s instanceof z.ZodOptional || s instanceof z.ZodDefault) s = s.unwrap() as z.ZodType;
    return s;
  };
  const defaultsToEmptyList = (schema: z.ZodType) => {
    if (!(schema instanceof z.ZodDefault)) return false;
    const d: unknown = schema.def.defaultValue;
    return Array.isArray(d) && d.length === 0;
  };
  const ordered = (value: unknown, schema: z.ZodType): unknown => {
    const s = inner(schema);
    if (Array.isArray(value))
      return s instanceof z.ZodArray ? value.map((v) => ordered(v, s.element as z.ZodType)) : value;
    if (typeof value !== 'object' || value === null || !(s instanceof z.ZodObject)) return value;
    const shape = s.shape as Record<string, z.ZodType>;
    const src = value as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const key of [...Object.keys(shape), ...Object.keys(src)]) {
      if (key in out || !(key in src) || src[key] === undefined) continue;
      const field = shape[key];
      if (field && defaultsToEmptyList(field) && Array.isArray(src[key]) && src[key].length === 0)
        continue;
      out[key] = field ? ordered(src[key], field) : src[key];
    }
    return out;
  };
  const rest: Partial<Dataset> = { ...dataset };
  delete rest.$schema;
  return `${JSON.stringify(ordered(rest, datasetSchema), null, 2)}\n`;
}

describe('exportJson', () => {
  it('writes exactly what the zod schema says (property, and the seed)', () => {
    fc.assert(
      fc.property(fc.oneof(datasetArb, richDatasetArb), (d) => {
        expect(exportJson(d)).toBe(exportJsonFromZod(d));
      }),
      { numRuns: 200 },
    );
    const seed = parseDatasetJson(readFileSync('graph-data/seed.json', 'utf8')).dataset!;
    expect(exportJson(seed)).toBe(exportJsonFromZod(seed));
  });

  it('in pieces, writes the same bytes (property, and the seed)', () => {
    const joined = (d: Dataset) => [...exportJsonPieces(d)].join('');
    fc.assert(
      fc.property(fc.oneof(datasetArb, richDatasetArb), (d) => {
        expect(joined(d)).toBe(exportJson(d));
      }),
      { numRuns: 200 },
    );
    const seed = parseDatasetJson(readFileSync('graph-data/seed.json', 'utf8')).dataset!;
    expect(joined(seed)).toBe(exportJson(seed));
    expect([...exportJsonPieces(seed)].length).toBeGreaterThan(seed.relations.length);
  });

  it('round-trips exactly through validateDataset (property)', () => {
    fc.assert(
      fc.property(fc.oneof(datasetArb, richDatasetArb), (d) => {
        const back = validateDataset(JSON.parse(exportJson(d)));
        expect(back.errors).toEqual([]);
        expect(back.dataset).toEqual(d);
      }),
      { numRuns: 200 },
    );
  });

  it('writes keys in schema order, omits $schema and empty default lists, indents by 2', () => {
    const seed = parseDatasetJson(readFileSync('graph-data/seed.json', 'utf8')).dataset!;
    const text = exportJson(seed);
    expect(text).not.toContain('$schema');
    expect(text.startsWith('{\n  "title": ')).toBe(true);
    expect(text.endsWith('}\n')).toBe(true);
    const top = Object.keys(JSON.parse(text));
    expect(top).toEqual([
      'title',
      'description',
      'period',
      'sources',
      'actorTypes',
      'relationKinds',
      'actors',
      'relations',
      'events',
      'stories',
    ]);
    const relation = JSON.parse(text).relations[0];
    expect(Object.keys(relation)).toEqual([
      'id',
      'source',
      'target',
      'kind',
      'from',
      'until',
      'strength',
      'label',
      'basis',
      'dateBasis',
      'reference',
      'evidence',
      'note',
    ]);
    expect(parseDatasetJson(text).dataset).toEqual({ ...seed, $schema: undefined });
  });

  it('leaves out lists that default to empty but keeps required ones', () => {
    const text = exportJson({
      title: 't',
      sources: [],
      actorTypes: [],
      relationKinds: [],
      actors: [],
      relations: [],
      events: [],
    });
    expect(JSON.parse(text)).toEqual({ title: 't', actors: [] });
  });
});
