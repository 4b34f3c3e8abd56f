/**
 * JSON export in our own format: what `parseDatasetJson` reads back.
 *
 * Key order and defaults come from the committed JSON Schema
 * (graph-data/schema.json, generated from the zod schema and checked equal
 * to it by schema.test.ts) rather than from the zod objects, so the export
 * code in the browser does not carry zod (about 25 KB gzipped).
 */
import datasetJsonSchema from '../../../graph-data/schema.json';
import type { Dataset } from '../schema';

/** The parts of a JSON Schema node the export reads. */
interface SchemaNode {
  type?: string;
  properties?: Record<string, SchemaNode>;
  items?: SchemaNode;
  default?: unknown;
}

/** True when the schema fills in `[]` for a missing value, so an empty list need not be written. */
function defaultsToEmptyList(schema: SchemaNode): boolean {
  return Array.isArray(schema.default) && schema.default.length === 0;
}

/** The value with object keys in the schema's order; keys the schema does not know come last. */
function ordered(value: unknown, schema: SchemaNode): unknown {
  if (Array.isArray(value))
    return schema.type === 'array' && schema.items
      ? value.map((v) => ordered(v, schema.items!))
      : value;
  if (typeof value !== 'object' || value === null || schema.type !== 'object') return value;
  const shape = schema.properties ?? {};
  const src = value as Record<string, unknown>;
  // Own keys only, collected in a Map and made an object by Object.fromEntries (which defines
  // properties): `in` and `out[key] =` would treat "constructor" or "__proto__" as built-ins.
  const out = new Map<string, unknown>();
  for (const key of [...Object.keys(shape), ...Object.keys(src)]) {
    if (out.has(key) || !Object.hasOwn(src, key) || src[key] === undefined) continue;
    const field = Object.hasOwn(shape, key) ? shape[key] : undefined;
    if (field && defaultsToEmptyList(field) && Array.isArray(src[key]) && src[key].length === 0)
      continue;
    out.set(key, field ? ordered(src[key], field) : src[key]);
  }
  return Object.fromEntries(out);
}

/**
 * The dataset as JSON in our format: 2-space indent, keys in schema order,
 * `$schema` left out, lists that default to empty (`evidence: []`) left out,
 * and a final newline. `validateDataset(JSON.parse(exportJson(d)))` gives
 * back exactly `d`.
 */
export function exportJson(dataset: Dataset): string {
  return `${JSON.stringify(ordered(withoutSchemaUrl(dataset), datasetJsonSchema as SchemaNode), null, 2)}\n`;
}

/** The dataset's fields but `$schema`, which an export leaves out. */
function withoutSchemaUrl(dataset: Dataset): Partial<Dataset> {
  const rest: Partial<Dataset> = { ...dataset };
  delete rest.$schema;
  return rest;
}

/**
 * exportJson's text in pieces: the top level's fields, and each item of its
 * lists on its own. The same bytes (a test holds them equal), for a writer
 * that streams a large dataset to a file without holding its whole text,
 * or an ordered copy of it, at once (`npm run import`, docs/SCALE.md).
 */
export function* exportJsonPieces(dataset: Dataset): Generator<string> {
  const schema = datasetJsonSchema as SchemaNode;
  const fieldSchemas = schema.properties ?? {};
  const rest = withoutSchemaUrl(dataset);
  // The top level's keys in order, each value left as it is (its defaults
  // kept, to leave out empty lists): lists are ordered an item at a time.
  const topLevel: SchemaNode = {
    type: 'object',
    properties: Object.fromEntries(
      Object.entries(fieldSchemas).map(([key, field]) => [key, { default: field.default }]),
    ),
  };
  const fields = Object.entries(ordered(rest, topLevel) as Record<string, unknown>);
  for (const [i, [key, value]] of fields.entries()) {
    const field = Object.hasOwn(fieldSchemas, key) ? fieldSchemas[key] : undefined;
    yield `${i === 0 ? '{' : ','}\n  ${JSON.stringify(key)}: `;
    if (Array.isArray(value) && value.length > 0) {
      const items = field?.type === 'array' ? field.items : undefined;
      for (const [j, item] of value.entries())
        yield `${j === 0 ? '[' : ','}\n    ${indented(JSON.stringify(items ? ordered(item, items) : item, null, 2), 4)}`;
      yield '\n  ]';
    } else yield indented(JSON.stringify(field ? ordered(value, field) : value, null, 2), 2);
  }
  yield fields.length === 0 ? '{}\n' : '\n}\n';
}

/** JSON text nested `depth` spaces deeper (JSON.stringify writes no line break inside a string). */
const indented = (json: string, depth: number) => json.replace(/\n/g, `\n${' '.repeat(depth)}`);
