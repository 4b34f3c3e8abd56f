/**
 * JSON export in our own format: what `parseDatasetJson` reads back.
 */
import { z } from 'zod';
import { datasetSchema, type Dataset } from '../schema';

/** Unwraps optional and default wrappers to the schema that describes the value. */
function inner(schema: z.ZodType): z.ZodType {
  let s = schema;
  while (s instanceof z.ZodOptional || s instanceof z.ZodDefault) s = s.unwrap() as z.ZodType;
  return s;
}

/** True when the schema fills in `[]` for a missing value, so an empty list need not be written. */
function defaultsToEmptyList(schema: z.ZodType): boolean {
  if (!(schema instanceof z.ZodDefault)) return false;
  const d: unknown = schema.def.defaultValue;
  return Array.isArray(d) && d.length === 0;
}

/** The value with object keys in the schema's order; keys the schema does not know come last. */
function ordered(value: unknown, schema: z.ZodType): unknown {
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
}

/**
 * The dataset as JSON in our format: 2-space indent, keys in schema order,
 * `$schema` left out, lists that default to empty (`evidence: []`) left out,
 * and a final newline. `validateDataset(JSON.parse(exportJson(d)))` gives
 * back exactly `d`.
 */
export function exportJson(dataset: Dataset): string {
  const rest: Partial<Dataset> = { ...dataset };
  delete rest.$schema;
  return `${JSON.stringify(ordered(rest, datasetSchema), null, 2)}\n`;
}
