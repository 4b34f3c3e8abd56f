import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { seededRandom } from './layout';
import { datasetSchema } from './schema';
import { parseDataset } from './schemaFastPath';

type Json = Record<string, unknown>;
const seed = JSON.parse(readFileSync('graph-data/seed.json', 'utf8')) as Json;

/** zod on the whole dataset: what the fast path must give, output and issues alike. */
function expectSameAsZod(raw: unknown): void {
  const zod = datasetSchema.safeParse(raw, { reportInput: true });
  const fast = parseDataset(raw);
  expect(fast.success).toBe(zod.success);
  if (zod.success && fast.success) {
    // Key order too (JSON text), and keys present with undefined (toStrictEqual).
    expect(JSON.stringify(fast.data)).toBe(JSON.stringify(zod.data));
    expect(fast.data).toStrictEqual(zod.data);
  } else if (!zod.success && !fast.success) {
    expect(fast.issues).toStrictEqual(zod.error.issues);
  }
}

/** Values that break one rule or another of the schema, or pass where a field allows them. */
const ODD_VALUES: unknown[] = [
  undefined,
  null,
  '',
  'x',
  'x'.repeat(201),
  'x'.repeat(501),
  'x'.repeat(5001),
  '😀'.repeat(150), // 300 UTF-16 units, 150 code points: zod counts code points
  '😀'.repeat(260),
  '\ud800',
  '1994',
  '1994-13',
  '1994-02-30',
  '2000-02-29',
  '1994-1-1',
  'not a date',
  42,
  -1,
  0,
  0.5,
  1,
  2,
  NaN,
  Infinity,
  true,
  false,
  [],
  ['a'],
  {},
  { source: 'x', quote: 'y' },
  '#1f77b4',
  '#12345g',
  'quote',
  'history',
  'positive',
  'hexagon',
  'dashed',
  'numeric',
];

/** The dataset's lists, as the seed has them all. */
const LISTS = Object.keys(seed).filter((key) => Array.isArray(seed[key]));

/** One random change somewhere in the dataset: a field's value, a missing or unknown key, an item or a list replaced. */
function mutate(data: Json, random: () => number): void {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const odd = () => structuredClone(pick(ODD_VALUES));
  const target = pick([...LISTS, 'top']);
  let holder: Json = data;
  if (target !== 'top') {
    const list = data[target];
    if (!Array.isArray(list) || list.length === 0 || random() < 0.05) {
      data[target] = odd();
      return;
    }
    const i = Math.floor(random() * list.length);
    if (random() < 0.05 || !isObject(list[i])) {
      list[i] = odd();
      return;
    }
    holder = list[i] as Json;
    const nested = Object.values(holder).filter(
      (v): v is Json[] => Array.isArray(v) && v.length > 0 && typeof v[0] === 'object',
    );
    const inner = nested.length > 0 && random() < 0.3 ? pick(pick(nested)) : undefined;
    if (isObject(inner)) holder = inner; // an evidence item, a story step
  }
  const keys = Object.keys(holder);
  const r = random();
  if (r < 0.1) holder.surprise = odd();
  else if (r < 0.25 && keys.length > 0) delete holder[pick(keys)];
  else holder[keys.length > 0 && random() < 0.85 ? pick(keys) : 'period'] = odd();
}

const isObject = (v: unknown): v is Json =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

afterEach(() => {
  vi.restoreAllMocks();
});

/** The zod release whose internal definitions (`_zod.def`) schemaFastPath.ts was written against. */
const ZOD_CHECKED = '4.6.7';

describe('the dataset schema fast path', () => {
  it(`reads zod's internal definitions as zod ${ZOD_CHECKED} has them, for every list but the stories`, () => {
    const { version } = JSON.parse(readFileSync('node_modules/zod/package.json', 'utf8')) as {
      version: string;
    };
    expect(
      version,
      `schemaFastPath.ts reads zod's internal definitions, checked against zod ${ZOD_CHECKED}: ` +
        `read its compile functions against zod ${version}, run these tests, then pin the new version`,
    ).toBe(ZOD_CHECKED);
    // A definition read under another name compiles to no fast path: zod then reads every item
    // of that list, correct but as slow as before, and only this says so.
    const items = Object.entries(datasetSchema.shape).flatMap(([key, field]) => {
      let schema: z.ZodType = field;
      while (schema instanceof z.ZodOptional || schema instanceof z.ZodDefault)
        schema = schema.unwrap() as z.ZodType;
      return key !== 'stories' && schema instanceof z.ZodArray
        ? [{ key, parse: vi.spyOn(schema.element as z.ZodType, 'safeParse') }]
        : [];
    });
    expect(items.map((i) => i.key).sort()).toEqual(
      ['actorTypes', 'actors', 'events', 'relationKinds', 'relations', 'sources'].sort(),
    );
    expect(parseDataset(seed).success).toBe(true);
    for (const { key, parse } of items)
      expect(
        parse,
        `the fast path no longer compiles the ${key} items: zod's _zod.def changed`,
      ).not.toHaveBeenCalled();
  });

  it('gives zod’s output for a valid dataset, without calling zod on the dataset', () => {
    const whole = vi.spyOn(datasetSchema, 'safeParse');
    const fast = parseDataset(seed);
    expect(whole).not.toHaveBeenCalled();
    whole.mockRestore();
    expectSameAsZod(seed);
    expect(fast.success).toBe(true);
  });

  it('fills defaults with fresh lists and keeps keys given as undefined, as zod does', () => {
    const raw = {
      title: 'T',
      actors: [{ id: 'a', label: 'A', type: 'state', note: undefined }],
      relations: [{ id: 'r', source: 'a', target: 'a', kind: 'alliance' }],
      relationKinds: [{ id: 'k', label: 'K', polarity: 'neutral' }],
    };
    expectSameAsZod(raw);
    const parsed = parseDataset(raw);
    expect(parsed.success && parsed.data.sources).not.toBe(parsed.success && parsed.data.events);
  });

  it('agrees with zod on 400 randomly broken datasets (issues word for word, in order)', () => {
    const random = seededRandom(20);
    let failures = 0;
    for (let n = 0; n < 400; n++) {
      const data = structuredClone(seed);
      const changes = 1 + Math.floor(random() * 4);
      for (let c = 0; c < changes; c++) mutate(data, random);
      expectSameAsZod(data);
      if (!datasetSchema.safeParse(data).success) failures++;
    }
    // Most mutations break the dataset; some (a valid value in an optional field) do not.
    expect(failures).toBeGreaterThan(200);
    expect(failures).toBeLessThan(400);
  });

  it('agrees with zod on inputs that are not a dataset at all', () => {
    for (const raw of [null, 3, 'text', [], {}, { title: 'T' }, { title: 'T', actors: {} }])
      expectSameAsZod(raw);
    expectSameAsZod(Object.assign(Object.create(null) as Json, { title: 'T', actors: [] }));
    expectSameAsZod(JSON.parse('{"title":"T","actors":[],"__proto__":{"x":1}}'));
  });
});
