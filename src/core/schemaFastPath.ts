/**
 * The dataset schema's fast path. zod's `safeParse` builds a payload, an issues list and a
 * result object for every field of every item: at a million relations that was 2.2 GB of
 * short-lived objects and most of validation's time (docs/PERFORMANCE.md, "Session 10").
 *
 * Here the schema of `schema.ts` is compiled, once, into plain functions that check a value
 * and build what zod would output for it (keys in the schema's order, defaults filled), or
 * answer `REJECT`. They are derived from zod's own definitions (types, lengths, patterns,
 * bounds, enums, optional and default fields), so the schema stays the one statement of the
 * format; a construct they do not know (a union, a refinement other than the calendar check of
 * `isoDate`) compiles to no fast path, and zod reads that part.
 *
 * A value the fast path rejects is handed to zod, which decides and words the problems: an item
 * of a list on its own (its issues then prefixed with the list and index, as zod's array would),
 * anything else at the top level with the whole dataset. zod reports items in list order and
 * lists in the schema's order, so the issues are the same, in the same order, as zod's on the
 * whole dataset. The fast path may reject what zod accepts (it is cautious with code-point
 * lengths); it never accepts what zod would not. `schemaFastPath.test.ts` compares the two on
 * random valid and invalid datasets.
 */
import type { $ZodIssue } from 'zod/v4/core';
import { validDay } from './knownDays';
import { datasetSchema, isoDate, type Dataset } from './schema';

/** What a fast check answers for a value it does not accept as it stands. */
const REJECT = Symbol('reject');

/** Checks a value; answers what zod would output for it, or `REJECT`. */
type FastCheck = (value: unknown) => unknown;

/** The parts of zod's internal definitions read here (`schema._zod`, zod's API for tools). */
interface Schema {
  _zod: {
    def: SchemaDef;
    /** An enum's values, as zod's own check uses them. */
    values?: ReadonlySet<unknown>;
    optin?: 'optional' | 'defaulted';
    optout?: 'optional';
  };
  safeParse(
    value: unknown,
    params: { reportInput: boolean },
  ): { success: true; data: unknown } | { success: false; error: { issues: $ZodIssue[] } };
}

interface SchemaDef {
  type: string;
  checks?: Check[];
  coerce?: boolean;
  format?: string;
  innerType?: Schema;
  element?: Schema;
  shape?: Record<string, Schema>;
  catchall?: Schema;
  /** A getter: a fresh copy of the default each time, as zod hands it out. */
  defaultValue?: unknown;
}

interface Check {
  _zod: {
    def: {
      check: string;
      minimum?: number;
      maximum?: number;
      value?: unknown;
      inclusive?: boolean;
      format?: string;
      pattern?: RegExp;
    };
  };
}

const asSchema = (schema: unknown) => schema as Schema;

/** isoDate's calendar check (a refinement, opaque to the compiler): read by identity. */
const CALENDAR_CHECK = asSchema(isoDate)._zod.def.checks?.find(
  (c) => c._zod.def.check === 'custom',
);

function compile(schema: Schema): FastCheck | undefined {
  const def = schema._zod.def;
  switch (def.type) {
    case 'string':
      return compileString(def);
    case 'number':
      return compileNumber(def);
    case 'boolean':
      return def.coerce || def.checks?.length
        ? undefined
        : (v) => (typeof v === 'boolean' ? v : REJECT);
    case 'enum': {
      const values = schema._zod.values;
      if (!values || def.checks?.length) return undefined;
      return (v) => (values.has(v) ? v : REJECT);
    }
    case 'optional':
      return compileOptional(def);
    case 'default':
      return compileDefault(def);
    case 'array':
      return compileArray(def);
    case 'object':
      return compileObject(def);
    default:
      return undefined;
  }
}

function compileString(def: SchemaDef): FastCheck | undefined {
  if (def.coerce || def.format !== undefined) return undefined;
  const rules: ((s: string) => boolean)[] = [];
  for (const check of def.checks ?? []) {
    const rule = stringRule(check);
    if (!rule) return undefined;
    rules.push(rule);
  }
  return (v) => {
    if (typeof v !== 'string') return REJECT;
    for (const rule of rules) if (!rule(v)) return REJECT;
    return v;
  };
}

function stringRule(check: Check): ((s: string) => boolean) | undefined {
  const { check: kind, minimum, maximum, format, pattern } = check._zod.def;
  switch (kind) {
    // zod counts code points, not UTF-16 units, where the count is in doubt. A string within
    // the maximum in units is within it in code points; a string of at least twice the minimum
    // in units, or a non-empty one against a minimum of 1, reaches the minimum. The rest is
    // zod's to count.
    case 'max_length':
      return maximum === undefined ? undefined : (s) => s.length <= maximum;
    case 'min_length':
      return minimum === undefined
        ? undefined
        : (s) => s.length >= 2 * minimum || (minimum <= 1 && s.length >= minimum);
    case 'string_format':
      if (format !== 'regex' || !pattern) return undefined;
      return (s) => {
        pattern.lastIndex = 0; // as zod does, in case a pattern is global
        return pattern.test(s);
      };
    case 'custom':
      // The pattern rule before it has already matched YYYY, YYYY-MM or YYYY-MM-DD.
      return check === CALENDAR_CHECK ? (s) => validDay(s) !== undefined : undefined;
    default:
      return undefined;
  }
}

function compileNumber(def: SchemaDef): FastCheck | undefined {
  if (def.coerce) return undefined;
  const rules: ((n: number) => boolean)[] = [];
  for (const check of def.checks ?? []) {
    const { check: kind, value, inclusive } = check._zod.def;
    if (typeof value !== 'number') return undefined;
    if (kind === 'greater_than') rules.push(inclusive ? (n) => n >= value : (n) => n > value);
    else if (kind === 'less_than') rules.push(inclusive ? (n) => n <= value : (n) => n < value);
    else return undefined;
  }
  return (v) => {
    if (typeof v !== 'number' || !Number.isFinite(v)) return REJECT;
    for (const rule of rules) if (!rule(v)) return REJECT;
    return v;
  };
}

function compileOptional(def: SchemaDef): FastCheck | undefined {
  const inner = def.innerType && !def.checks?.length ? compile(def.innerType) : undefined;
  // An optional default substitutes for absence; no such field in the format.
  if (!inner || def.innerType!._zod.optin === 'defaulted') return undefined;
  return (v) => (v === undefined ? undefined : inner(v));
}

function compileDefault(def: SchemaDef): FastCheck | undefined {
  const inner = def.innerType && !def.checks?.length ? compile(def.innerType) : undefined;
  if (!inner) return undefined;
  return (v) => {
    const out = v === undefined ? undefined : inner(v);
    return out === undefined ? def.defaultValue : out;
  };
}

function compileArray(def: SchemaDef): FastCheck | undefined {
  const element = def.element && !def.checks?.length ? compile(def.element) : undefined;
  if (!element) return undefined;
  return (v) => {
    if (!Array.isArray(v)) return REJECT;
    const out: unknown[] = new Array(v.length);
    for (let i = 0; i < v.length; i++) {
      const item = element(v[i]);
      if (item === REJECT) return REJECT;
      out[i] = item;
    }
    return out;
  };
}

/** How an object's field is written to zod's output (`handlePropertyResult` in zod). */
type FieldMode = 'required' | 'optional' | 'defaulted';

function fieldMode(schema: Schema): FieldMode | undefined {
  const { optin, optout } = schema._zod;
  if (optin === undefined) return 'required';
  if (optin === 'optional' && optout === 'optional') return 'optional';
  if (optin === 'defaulted' && optout === undefined) return 'defaulted';
  return undefined;
}

interface Field {
  key: string;
  mode: FieldMode;
  check: FastCheck;
}

/** A strict object: unknown keys are zod's to report. */
function compileObject(def: SchemaDef): FastCheck | undefined {
  if (!def.shape || def.checks?.length || def.catchall?._zod.def.type !== 'never') return undefined;
  const fields: Field[] = [];
  for (const [key, schema] of Object.entries(def.shape)) {
    const mode = fieldMode(schema);
    const check = compile(schema);
    if (!mode || !check || key === '__proto__') return undefined;
    fields.push({ key, mode, check });
  }
  const known = new Set(fields.map((f) => f.key));
  return (v) => {
    if (!isPlainObject(v)) return REJECT;
    for (const key in v) if (!known.has(key)) return REJECT;
    const out: Record<string, unknown> = {};
    for (const { key, mode, check } of fields) {
      const present = key in v;
      if (!present && mode === 'optional') continue;
      if (!present && mode === 'required') return REJECT;
      const value = check(v[key]);
      if (value === REJECT) return REJECT;
      out[key] = value;
    }
    return out;
  };
}

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** A top-level field of the dataset, and how the fast path reads it. */
interface DatasetField {
  key: string;
  schema: Schema;
  mode: FieldMode;
  /** The whole field's check; undefined: zod reads this field (stories). */
  check?: FastCheck;
  /** For a list: each item's check and schema, so that one bad item is zod's alone. */
  items?: { check: FastCheck; schema: Schema };
}

function datasetFields(): DatasetField[] {
  const shape = asSchema(datasetSchema)._zod.def.shape!;
  return Object.entries(shape).map(([key, schema]): DatasetField => {
    const mode = fieldMode(schema);
    // A field written some other way than these three: zod reads the whole dataset.
    if (!mode) return { key, schema, mode: 'required' };
    const list = listOf(schema);
    const items = list && compile(list);
    return {
      key,
      schema,
      mode,
      check: compile(schema),
      ...(list && items ? { items: { check: items, schema: list } } : {}),
    };
  });
}

/** The element schema of a list field (an array, possibly optional or with a default). */
function listOf(schema: Schema): Schema | undefined {
  const def = schema._zod.def;
  if (def.type === 'optional' || def.type === 'default')
    return def.checks?.length ? undefined : listOf(def.innerType!);
  return def.type === 'array' && !def.checks?.length ? def.element : undefined;
}

let compiled: { fields: DatasetField[]; keys: Set<string> } | undefined;

export type DatasetParse =
  { success: true; data: Dataset; issues?: undefined } | { success: false; issues: $ZodIssue[] };

/**
 * `datasetSchema.safeParse(raw, { reportInput: true })`, with the same output and the same
 * issues in the same order, without zod's per-field objects for the items that are valid.
 */
export function parseDataset(raw: unknown): DatasetParse {
  compiled ??= (() => {
    const fields = datasetFields();
    return { fields, keys: new Set(fields.map((f) => f.key)) };
  })();
  if (!isPlainObject(raw)) return byZod(raw);
  for (const key in raw) if (!compiled.keys.has(key)) return byZod(raw);

  const out: Record<string, unknown> = {};
  const issues: $ZodIssue[] = [];
  for (const field of compiled.fields) {
    const { key, mode } = field;
    const present = key in raw;
    const value = raw[key];
    if (!present && mode === 'optional') continue;
    if (field.items && Array.isArray(value)) {
      out[key] = parseItems(value, key, field.items, issues);
    } else if (field.check) {
      const checked = present || mode === 'defaulted' ? field.check(value) : REJECT;
      // A top-level problem (a missing title, a list that is not a list): zod words it.
      if (checked === REJECT) return byZod(raw);
      out[key] = checked;
    } else {
      if (mode !== 'optional') return byZod(raw);
      const parsed = field.schema.safeParse(value, { reportInput: true });
      if (parsed.success) out[key] = parsed.data;
      else for (const issue of parsed.error.issues) issues.push(prefixed(issue, [key]));
    }
  }
  return issues.length > 0 ? { success: false, issues } : { success: true, data: out as Dataset };
}

/** A list's items: the fast check for each, zod for an item it rejects. */
function parseItems(
  list: readonly unknown[],
  key: string,
  items: { check: FastCheck; schema: Schema },
  issues: $ZodIssue[],
): unknown[] {
  const out: unknown[] = new Array(list.length);
  for (let i = 0; i < list.length; i++) {
    const fast = items.check(list[i]);
    if (fast !== REJECT) {
      out[i] = fast;
      continue;
    }
    const parsed = items.schema.safeParse(list[i], { reportInput: true });
    if (parsed.success) out[i] = parsed.data;
    else for (const issue of parsed.error.issues) issues.push(prefixed(issue, [key, i]));
  }
  return out;
}

function prefixed(issue: $ZodIssue, path: PropertyKey[]): $ZodIssue {
  return { ...issue, path: [...path, ...issue.path] };
}

function byZod(raw: unknown): DatasetParse {
  const parsed = datasetSchema.safeParse(raw, { reportInput: true });
  return parsed.success
    ? { success: true, data: parsed.data }
    : { success: false, issues: parsed.error.issues };
}
