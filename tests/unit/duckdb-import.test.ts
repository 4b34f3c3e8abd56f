/**
 * The DuckDB import (scripts/duckdb/) against the app's own imports
 * (src/core/io/) on the same files: seeded, SYNTHETIC GDELT-shaped exports,
 * and the ICEWS, ACLED and UCDP GED fixtures (real excerpts and synthetic
 * rows, also made bigger by repeating them years apart): the same
 * relations, actors and evidence; the same precise errors for bad rows;
 * gzip, mixed 1.0 shapes and Parquet read alike.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, describe, expect, it } from 'vitest';
import type { Dataset } from '../../src/core/schema';
import type { ImportResult } from '../../src/core/io/import-result';
import { importEventFiles } from '../../src/core/io/event-files';
import { parseCsv, quoteCell } from '../../src/core/io/csv';
import { importGdelt } from '../../src/core/io/gdelt';
import { seededRandom } from '../../src/core/layout';
import { importWithDuckDb } from '../../scripts/duckdb/importWithDuckDb';
import { copyLinesOfIds, positionTest } from '../../scripts/duckdb/readers';
import { gdeltText } from '../helpers/gdelt-synthetic';
import { icewsText } from '../helpers/icews-synthetic';

const dir = mkdtempSync(join(tmpdir(), 'allegiance-duckdb-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const write = (name: string, content: string | Buffer) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};

/** What both imports must agree on: each relation's pair, kind, interval and evidence. */
const relations = (d: Dataset | undefined) =>
  d?.relations.map((r) => ({
    id: r.id,
    source: r.source,
    target: r.target,
    kind: r.kind,
    from: r.from,
    until: r.until,
    quotes: r.evidence.map((e) => e.quote),
  }));

/** Each relation's evidence as the app shows it, with the notes' row numbers left out. */
const evidence = (d: Dataset | undefined) =>
  d?.relations.map((r) =>
    r.evidence.map((e) => ({ ...e, note: e.note?.replace(/\(row \d+, /, '(') })),
  );

const text = gdeltText(3000, { actors: 25, seed: 4 });

/**
 * Each test runs DuckDB on a file or two: seconds on a quiet machine, but DuckDB wants every
 * core, and on a machine shared with other jobs some took over the default 30 s.
 */
const SLOW_MS = 120_000;

describe('DuckDB import of a GDELT export', { timeout: SLOW_MS }, () => {
  it('makes the relations and actors the app makes from the same file', async () => {
    const path = write('events.export.CSV', text);
    const inBrowser = importGdelt({ name: 'events.export.CSV', text });
    const duck = await importWithDuckDb([path], 'gdelt');
    expect(inBrowser.errors).toEqual([]);
    expect(duck.errors).toEqual([]);
    const expected = relations(inBrowser.dataset)!;
    // Enough of each kind for the comparison to mean something.
    for (const kind of ['cooperation', 'hostility', 'tension', 'contact'])
      expect(expected.filter((r) => r.kind === kind).length).toBeGreaterThan(5);
    expect(relations(duck.dataset)).toEqual(expected);
    expect(duck.dataset!.actors).toEqual(inBrowser.dataset!.actors);
    // The evidence's cells come from the second pass: the same sources, quotes
    // and notes, but for the row number DuckDB's CSV reader does not know.
    expect(evidence(duck.dataset)).toEqual(evidence(inBrowser.dataset));
    expect(duck.dataset!.sources).toEqual(inBrowser.dataset!.sources);
    const singles = (warnings: readonly { message: string }[]) =>
      warnings.find((w) => w.message.includes('fewer than two actors'))?.message.split(' ')[0];
    expect(singles(duck.warnings)).toBe(singles(inBrowser.warnings));
  });

  it('reads several exports as one table, as the in-memory import does', async () => {
    const lines = text.trimEnd().split('\n');
    const halves = [lines.slice(0, 1700), lines.slice(1700)].map((l) => l.join('\n') + '\n');
    const names = ['a.export.CSV', 'b.export.CSV'];
    const inMemory = importEventFiles(
      'gdelt',
      halves.map((h, i) => ({ name: names[i]!, text: h })),
    );
    const duck = await importWithDuckDb(
      halves.map((h, i) => write(names[i]!, h)),
      'gdelt',
    );
    expect(inMemory.errors).toEqual([]);
    expect(duck.errors).toEqual([]);
    expect(relations(duck.dataset)).toEqual(relations(inMemory.dataset));
    expect(relations(inMemory.dataset)).toEqual(
      relations(importGdelt({ name: 'e.CSV', text }).dataset),
    );
  });

  it('orders events by GLOBALEVENTID, not by where DuckDB finds them in the file', async () => {
    // Shuffled rows: the first event of a pair, the actors' order and the
    // evidence's ties follow the ids, as in the file GDELT wrote.
    const lines = text.trimEnd().split('\n');
    const random = seededRandom(11);
    const shuffled = lines
      .map((line) => ({ line, key: random() }))
      .sort((a, b) => a.key - b.key)
      .map((r) => r.line);
    const inBrowser = importGdelt({ name: 'events.export.CSV', text });
    const duck = await importWithDuckDb(
      [write('shuffled.CSV', shuffled.join('\n') + '\n')],
      'gdelt',
    );
    expect(duck.errors).toEqual([]);
    expect(relations(duck.dataset)).toEqual(relations(inBrowser.dataset));
    expect(duck.dataset!.actors).toEqual(inBrowser.dataset!.actors);
  });

  it('reads gzip and Parquet inputs to the same dataset', async () => {
    const plain = await importWithDuckDb([write('plain.tsv', text)], 'gdelt');
    const gz = await importWithDuckDb([write('events.tsv.gz', gzipSync(text))], 'gdelt');
    expect(gz.errors).toEqual([]);
    expect(relations(gz.dataset)).toEqual(relations(plain.dataset));

    const parquet = join(dir, 'events.parquet');
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    const { GDELT_COLUMNS } = await import('../../src/core/io/gdelt-columns');
    const columns = GDELT_COLUMNS[61].map((c) => `'${c}': 'VARCHAR'`).join(', ');
    await connection.run(
      `COPY (SELECT * FROM read_csv('${join(dir, 'plain.tsv')}', delim = '\\t', header = false, quote = '', auto_detect = false, columns = {${columns}})) TO '${parquet}' (FORMAT parquet)`,
    );
    connection.closeSync();
    instance.closeSync();
    const fromParquet = await importWithDuckDb([parquet], 'gdelt');
    expect(fromParquet.errors).toEqual([]);
    expect(relations(fromParquet.dataset)).toEqual(relations(plain.dataset));
  });

  it('reads a GDELT 1.0 file that mixes historical (57) and daily (58) rows', async () => {
    // GDELT numbers events across its files: the daily rows' ids follow the historical ones'.
    const historical = gdeltText(400, { width: 57, actors: 8, seed: 3 }).trimEnd().split('\n');
    const daily = gdeltText(400, { width: 58, actors: 8, seed: 2, firstId: 400_000_400 })
      .trimEnd()
      .split('\n');
    const mixed = [...historical, ...daily].join('\n') + '\n';
    const inBrowser = importGdelt({ name: 'mixed.CSV', text: mixed });
    const duck = await importWithDuckDb([write('mixed.CSV', mixed)], 'gdelt');
    expect(duck.errors).toEqual([]);
    expect(relations(duck.dataset)).toEqual(relations(inBrowser.dataset));
    expect(duck.dataset!.sources.map((s) => s.id)).toContain('gdelt-export');
  });

  it('picks the evidence of late dates and ids near 2^40 as the app does', async () => {
    // aggregate.sql ranks a relation's candidates by one BIGINT per event
    // (days × 2^40 + id, doubled to carry the event's direction): dates in
    // the last years a dataset can hold (a relation's end, exclusive, must be
    // before 10000) and ids just under 2^40 must neither overflow it nor
    // pick, order or turn around other events than the app's import.
    const late = gdeltText(1500, {
      actors: 10,
      seed: 6,
      firstYear: 9997,
      years: 2,
      firstId: 2 ** 40 - 2000,
    });
    const inBrowser = importGdelt({ name: 'late.CSV', text: late });
    const duck = await importWithDuckDb([write('late.CSV', late)], 'gdelt');
    expect(inBrowser.errors).toEqual([]);
    expect(duck.errors).toEqual([]);
    expect(relations(duck.dataset)!.length).toBeGreaterThan(10);
    expect(relations(duck.dataset)).toEqual(relations(inBrowser.dataset));
    expect(evidence(duck.dataset)).toEqual(evidence(inBrowser.dataset));
    expect(duck.dataset!.relations.some((r) => r.until === '9999-01')).toBe(true);
  });
});

describe('DuckDB import: the lines the second pass reads', { timeout: SLOW_MS }, () => {
  const copied = async (name: string, content: string | Buffer, wanted: number[]) => {
    const to = join(dir, `${name}.copy`);
    const count = await copyLinesOfIds(write(name, content), to, positionTest(wanted));
    return { count, text: readFileSync(to, 'utf8') };
  };

  it('copies the lines of wanted ids, and those whose id is not plain digits', async () => {
    // A stray space or sign is left for the reader to parse; a line of one cell too.
    const lines = ['10\ta', '11\tb', ' 12\tc', '+13\td', '14\te', '15'];
    const expected = '11\tb\n 12\tc\n+13\td\n14\te\n15\n';
    for (const [name, end] of [
      ['lf', '\n'],
      ['crlf', '\r\n'],
      ['cr', '\r'],
    ] as const) {
      expect(await copied(`ids-${name}.tsv`, lines.join(end) + end, [11, 14])).toEqual({
        count: 5,
        text: expected,
      });
    }
    expect(await copied('ids.tsv.gz', gzipSync(lines.join('\n')), [11, 14])).toEqual({
      count: 5,
      text: expected,
    });
  });

  it('tests positions by a bitmap over their span, or a Set when the span is too wide', () => {
    for (const positions of [
      [400_000_007, 400_000_019, 400_000_008],
      [5, 2 ** 39, 400_000_008],
    ]) {
      const test = positionTest(positions);
      for (const p of positions) expect(test(p)).toBe(true);
      for (const p of [0, 4, 6, 400_000_009, 400_000_018, 2 ** 39 + 1, 2 ** 41])
        expect(test(p)).toBe(false);
    }
    expect(positionTest([])(0)).toBe(false);
  });

  it('finds every wanted line of a file read in several chunks', async () => {
    const lines = gdeltText(20_000, { seed: 8 }).trimEnd().split('\n');
    const ids = lines.map((line) => Number(line.slice(0, line.indexOf('\t'))));
    const wanted = ids.filter((_, i) => i % 7 === 3 || i === ids.length - 1);
    const kept = lines.filter((_, i) => i % 7 === 3 || i === ids.length - 1);
    // Over 4 MB: lines cross the chunks' edges; the last line has no line end.
    const content = lines.join('\n');
    expect(content.length).toBeGreaterThan(1 << 22);
    expect(await copied('chunks.tsv', content, wanted)).toEqual({
      count: kept.length,
      text: kept.join('\n') + '\n',
    });
  });

  it('joins a line that spans several chunks (CRLF line ends)', async () => {
    // Lines of 3 to 50 KB: gzip's chunks (16 KB) end inside them, and some
    // chunks hold no line end at all.
    const lines = Array.from(
      { length: 300 },
      (_, i) => `${1000 + i}\t${'x'.repeat(3_000 + ((i * 7_919) % 47_000))}`,
    );
    const wanted = [1000, 1001, 1150, 1298, 1299];
    const kept = lines.filter((line) => wanted.includes(Number(line.slice(0, 4))));
    const content = lines.join('\r\n') + '\r\n';
    for (const [name, bytes] of [
      ['long.tsv', content],
      ['long.tsv.gz', gzipSync(content)],
    ] as const)
      expect(await copied(name, bytes, wanted)).toEqual({
        count: kept.length,
        text: kept.join('\n') + '\n',
      });
  });

  it('imports a file with CRLF line ends as the same dataset', async () => {
    const lf = await importWithDuckDb([write('lf.CSV', text)], 'gdelt');
    const crlf = await importWithDuckDb([write('crlf.CSV', text.replace(/\n/g, '\r\n'))], 'gdelt');
    expect(crlf.errors).toEqual([]);
    expect(relations(crlf.dataset)).toEqual(relations(lf.dataset));
    expect(evidence(crlf.dataset)).toEqual(evidence(lf.dataset));
  });
});

describe('DuckDB import: bad rows', { timeout: SLOW_MS }, () => {
  /** A valid synthetic row with some cells replaced (column numbers are 1-based). */
  const rows = gdeltText(6, { actors: 4, seed: 9, singleActorShare: 0 }).trimEnd().split('\n');
  const edit = (line: string, changes: Record<number, string>) =>
    line
      .split('\t')
      .map((cell, i) => changes[i + 1] ?? cell)
      .join('\t');

  it('names the file, row, column and value of each bad cell', async () => {
    const bad = [
      rows[0]!,
      edit(rows[1]!, { 2: '20150231' }), // SQLDATE: no 31 February
      edit(rows[2]!, { 31: 'strong' }), // GoldsteinScale
      edit(rows[3]!, { 30: '7' }), // QuadClass
      edit(rows[4]!, { 31: '12' }), // GoldsteinScale beyond the scale
      rows[5]!.split('\t').slice(0, 40).join('\t'), // a cut line
    ].join('\n');
    const path = write('bad.export.CSV', bad + '\n');
    const result = await importWithDuckDb([path], 'gdelt');
    expect(result.dataset).toBeUndefined();
    const seen = result.errors.map((e) => [e.file, e.line, e.path, e.value, e.message]);
    expect(seen).toEqual([
      [
        path,
        2,
        'row 2, column "SQLDATE"',
        '20150231',
        '"20150231" is not a date (GDELT writes YYYYMMDD, e.g. 20150218)',
      ],
      [
        path,
        3,
        'row 3, column "GoldsteinScale"',
        'strong',
        '"strong" is not a number (Goldstein scores run from -10 to +10)',
      ],
      [
        path,
        4,
        'row 4, column "QuadClass"',
        '7',
        '"7" is not a QuadClass: expected 1 (verbal cooperation), 2 (material cooperation), 3 (verbal conflict) or 4 (material conflict)',
      ],
      [
        path,
        5,
        'row 5, column "GoldsteinScale"',
        '12',
        '"12" is outside the Goldstein scale (-10 to +10)',
      ],
      [
        path,
        6,
        'row 6',
        // The row as the value, shortened.
        `${rows[5]!.slice(0, 79)}…`,
        "the row has 40 tab-separated columns; too few for this file's GDELT shape (57 or 58 columns for GDELT 1.0, 61 for 2.0)",
      ],
    ]);
  });

  it('needs a GLOBALEVENTID in each row, since it orders the events', async () => {
    const bad = [rows[0]!, edit(rows[1]!, { 1: '' }), edit(rows[2]!, { 1: 'E17' })].join('\n');
    const path = write('ids.export.CSV', bad + '\n');
    const result = await importWithDuckDb([path], 'gdelt');
    expect(result.dataset).toBeUndefined();
    expect(result.errors.map((e) => [e.line, e.path, e.message])).toEqual([
      [
        2,
        'row 2, column "GLOBALEVENTID"',
        'the row has no GLOBALEVENTID (the DuckDB import orders events by it)',
      ],
      [
        3,
        'row 3, column "GLOBALEVENTID"',
        '"E17" is not a GLOBALEVENTID: GDELT numbers its events with whole numbers (the DuckDB import orders events by them)',
      ],
    ]);
  });

  it('refuses a file that is not a GDELT export at its first row', async () => {
    const path = write('table.csv', 'source,target,kind\na,b,alliance\n');
    const result = await importWithDuckDb([path], 'gdelt');
    expect(result.errors.map((e) => [e.file, e.line, e.message])).toEqual([
      [
        path,
        1,
        'the first row has 1 tab-separated column; a GDELT event export has 57 (1.0 historical), 58 (1.0 daily) or 61 (2.0) columns and no header',
      ],
    ]);
  });

  it('refuses bad options as the app does', async () => {
    const result = await importWithDuckDb([write('ok.tsv', text)], 'gdelt', { windowMonths: 0 });
    expect(result.errors.map((e) => [e.path, e.message])).toEqual([
      ['options.windowMonths', 'must be a whole number from 1 to 1200'],
    ]);
  });
});

/** The fixtures of the table formats, as the repository ships them (see each folder's README). */
const FIXTURES = {
  icews: 'tests/fixtures/icews/events.2018.sample.excerpt.tab',
  ged: 'tests/fixtures/ucdp-ged/GEDEvent_v26_0_7.excerpt.csv',
  gedSynthetic: 'tests/fixtures/ucdp-ged/synthetic-ged.csv',
  acled: 'tests/fixtures/acled/synthetic-acled.csv',
};

/**
 * A table made bigger: its rows `copies` times, each copy's dates `shift`
 * years later than the one before (ISO dates, GED's with a time, ACLED's
 * `14 April 2021` and `20-May-2021`), so that pairs gather events over
 * years and windows merge into longer relations.
 */
function repeated(text: string, copies: number, shift = 1): string {
  const [header, ...rows] = text.replace(/\r?\n$/, '').split(/\r?\n/);
  const later = (row: string, years: number) =>
    row
      .replace(
        /\b(\d{4})-(\d{2})-(\d{2})/g,
        (_, y: string, m: string, d: string) => `${Number(y) + years}-${m}-${d}`,
      )
      .replace(
        /\b(\d{1,2})([ -])([A-Za-z]+)([ -])(\d{4})\b/g,
        (_, d: string, s1: string, m: string, s2: string, y: string) =>
          `${d}${s1}${m}${s2}${Number(y) + years}`,
      );
  const out = [header!];
  for (let copy = 0; copy < copies; copy++) out.push(...rows.map((r) => later(r, copy * shift)));
  return out.join('\n') + '\n';
}

/**
 * Everything a user sees of a dataset: title, description, sources, actors,
 * and each relation with its evidence (source, quote, note). A relation's
 * note is compared with its overall mean masked: the in-memory import adds
 * the scores as doubles in row order, DuckDB as exact thousandths, so a mean
 * of exactly x.x5 may be shown rounded either way (the windows' means, which
 * decide kinds, are exact in both).
 */
const shown = (d: Dataset | undefined) =>
  d && {
    ...d,
    relations: d.relations.map((r) => ({
      ...r,
      note: r.note?.replace(/score( \([^)]*\))? [-+]?[\d.]+, from/, 'score$1 …, from'),
    })),
  };

/** Imports the same files both ways (DuckDB from disk, in memory from text) and compares. */
async function bothWays(
  format: 'events' | 'icews' | 'acled' | 'ucdp-ged',
  files: Record<string, string>,
) {
  const names = Object.keys(files);
  const inMemory = importEventFiles(
    format,
    names.map((name) => ({ name, text: files[name]! })),
  );
  // Given in reverse: the DuckDB import, too, reads files in the order of their names.
  const duck = await importWithDuckDb(
    names.map((name) => write(name, files[name]!)).reverse(),
    format,
  );
  return { inMemory, duck };
}

const fixture = (path: string) => readFileSync(path, 'utf8');

describe(
  'DuckDB import of the event tables (ICEWS, ACLED, UCDP GED, generic)',
  { timeout: SLOW_MS },
  () => {
    const cases = [
      ['icews', 'the real ICEWS excerpt', { 'events.2018.tab': fixture(FIXTURES.icews) }],
      [
        'icews',
        'the ICEWS excerpt over 12 years',
        { 'icews.tab': repeated(fixture(FIXTURES.icews), 12) },
      ],
      ['icews', 'synthetic ICEWS rows', { 'synthetic.tab': icewsText(4000, { actors: 30 }) }],
      ['ucdp-ged', 'the real GED excerpt', { 'ged.csv': fixture(FIXTURES.ged) }],
      [
        'ucdp-ged',
        'the GED excerpt over 10 years',
        { 'ged.csv': repeated(fixture(FIXTURES.ged), 10) },
      ],
      ['ucdp-ged', 'the synthetic GED rows', { 'ged.csv': fixture(FIXTURES.gedSynthetic) }],
      ['acled', 'the ACLED rows', { 'acled.csv': fixture(FIXTURES.acled) }],
      [
        'acled',
        'the ACLED rows over 20 years',
        { 'acled.csv': repeated(fixture(FIXTURES.acled), 20) },
      ],
      [
        'icews',
        'two ICEWS years in two files',
        {
          'events.2018.tab': repeated(fixture(FIXTURES.icews), 1),
          'events.2019.tab': repeated(fixture(FIXTURES.icews), 2).replace(/2018-/g, '2019-'),
        },
      ],
    ] as const;

    for (const [format, what, files] of cases)
      it(`${what}: the same dataset as the in-memory import`, async () => {
        const { inMemory, duck } = await bothWays(format, files);
        expect(inMemory.errors).toEqual([]);
        expect(duck.errors).toEqual([]);
        expect(inMemory.dataset!.relations.length).toBeGreaterThan(0);
        expect(shown(duck.dataset)).toEqual(shown(inMemory.dataset));
        // The same rows left out, counted alike.
        const leftOut = (ws: readonly { message: string }[]) =>
          ws
            .filter((w) => / rows? with | pair windows? /.test(w.message))
            .map((w) => w.message.replace(/: rows? [\d, ]+(and \d+ more)?$/, ''));
        expect(leftOut(duck.warnings)).toEqual(leftOut(inMemory.warnings));
      });

    it('a generic event table: quotes and their sources, unquoted events counted apart', async () => {
      const icews = icewsText(3000, { actors: 25, seed: 5 }).trimEnd().split('\n').slice(1);
      const rows = icews.map((line, i) => {
        const c = line.split('\t');
        // Every third event has a quote; every sixth cites an article, the others a named source.
        const quote = i % 3 === 0 ? `"${c[2]} ${c[5]!.toLowerCase()} ${c[8]}"` : '';
        const source = i % 6 === 0 ? `https://news.example/${i}` : i % 3 === 0 ? c[13]! : '';
        return [c[1], c[2], c[8], c[7], c[6], quote, source].join(',');
      });
      const text =
        ['date,actor1name,actor2name,goldstein,cameo_code,quote,evidence_source', ...rows].join(
          '\n',
        ) + '\n';
      const { inMemory, duck } = await bothWays('events', { 'coded-events.csv': text });
      expect(inMemory.errors).toEqual([]);
      expect(duck.errors).toEqual([]);
      expect(shown(duck.dataset)).toEqual(shown(inMemory.dataset));
      expect(duck.dataset!.relations.some((r) => r.note?.includes('quoted events'))).toBe(true);
    });

    it('reads .tab.gz and .csv.gz files to the same dataset', async () => {
      const tab = repeated(fixture(FIXTURES.icews), 5);
      const plain = await importWithDuckDb([write('y.tab', tab)], 'icews');
      const gz = await importWithDuckDb([write('y.tab.gz', gzipSync(tab))], 'icews');
      expect(gz.errors).toEqual([]);
      // The same, but for the file's name in the notes.
      const named = (d: Dataset | undefined, name: string) =>
        JSON.parse(JSON.stringify(d).replaceAll(name, 'FILE')) as unknown;
      expect(named(gz.dataset, 'y.tab.gz')).toEqual(named(plain.dataset, 'y.tab'));
      const ged = fixture(FIXTURES.ged);
      const gedPlain = await importWithDuckDb([write('g.csv', ged)], 'ucdp-ged');
      const gedGz = await importWithDuckDb([write('g.csv.gz', gzipSync(ged))], 'ucdp-ged');
      expect(gedGz.errors).toEqual([]);
      expect(named(gedGz.dataset, 'g.csv.gz')).toEqual(named(gedPlain.dataset, 'g.csv'));
    });
  },
);

describe('DuckDB import of the event tables: bad rows', () => {
  /** A table with some cells replaced: `edits` by data row (1 = the first below the header) and column name. */
  const edited = (text: string, edits: [number, string, string][]) => {
    const { table } = parseCsv(text);
    const rows = [table!.header, ...table!.records].map((r) => r.cells.map((c) => c.text));
    for (const [row, column, value] of edits) rows[row]![rows[0]!.indexOf(column)] = value;
    const delimiter = table!.delimiter;
    return rows.map((r) => r.map((c) => quoteCell(c, delimiter)).join(delimiter)).join('\n') + '\n';
  };
  const problems = (r: ImportResult) => r.errors.map((e) => [e.path, e.message, e.value]);

  const cases = [
    [
      'icews',
      'bad.tab',
      edited(fixture(FIXTURES.icews), [
        [1, 'Event Date', '2018-02-31'],
        [2, 'Source Name', 'NA'],
        [3, 'CAMEO Code', '40'],
        [4, 'Intensity', 'strong'],
        [5, 'Intensity', '11'],
        [6, 'Intensity', ''],
        [6, 'CAMEO Code', ''],
        [7, 'Event Date', '2018'],
      ]),
    ],
    [
      'acled',
      'bad.csv',
      edited(fixture(FIXTURES.acled), [
        [1, 'event_date', '3 Smarch 2021'],
        [2, 'event_type', 'Parade'],
        [3, 'fatalities', 'many'],
        [5, 'actor1', ''],
        [6, 'event_date', '31 April 2021'],
      ]),
    ],
    [
      'ucdp-ged',
      'bad.csv',
      edited(fixture(FIXTURES.gedSynthetic), [
        [1, 'date_end', '2001-01-01'],
        [2, 'best', 'x'],
        [3, 'type_of_violence', '7'],
        [4, 'side_b', ''],
      ]),
    ],
  ] as const;

  for (const [format, name, text] of cases)
    it(`${format}: each bad cell's row, column, value and message, as the in-memory import gives them`, async () => {
      const inMemory = importEventFiles(format, [{ name, text }]);
      const duck = await importWithDuckDb([write(`${format}-${name}`, text)], format);
      expect(inMemory.errors.length).toBeGreaterThanOrEqual(4);
      expect(duck.dataset).toBeUndefined();
      expect(problems(duck)).toEqual(problems(inMemory));
      expect(new Set(duck.errors.map((e) => e.file))).toEqual(new Set([`${format}-${name}`]));
    });

  it('refuses a header without the columns a format needs, as the in-memory import does', async () => {
    const text = 'Event ID\tEvent Date\tSource Name\tCAMEO Code\n1\t2018-01-01\tA\t040\n';
    const inMemory = importEventFiles('icews', [{ name: 'cut.tab', text }]);
    const duck = await importWithDuckDb([write('cut.tab', text)], 'icews');
    expect(problems(duck)).toEqual(problems(inMemory));
    expect(duck.errors.length).toBeGreaterThan(0);
  });

  it('names a row with more cells than the header', async () => {
    const lines = fixture(FIXTURES.gedSynthetic).split('\n');
    lines[2] = `${lines[2]},extra`;
    const duck = await importWithDuckDb([write('wide.csv', lines.join('\n'))], 'ucdp-ged');
    expect(duck.errors.map((e) => [e.path, e.message])).toEqual([
      [
        'row 3',
        'has more cells than the header has columns (a delimiter too many, or a field that should be quoted)',
      ],
    ]);
  });
});
