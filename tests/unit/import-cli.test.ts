/**
 * `npm run import` as a user runs it: real files with no format flag are
 * detected and written as valid datasets; bad input and bad flags exit
 * non-zero with precise messages and write nothing.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import type { Dataset } from '../../src/core/schema';
import { validateDataset } from '../../src/core/validate';

const dir = mkdtempSync(join(tmpdir(), 'allegiance-import-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const run = (...args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'scripts/import.ts', ...args], {
    encoding: 'utf8',
    timeout: 120_000,
  });

// Each run starts tsx: a few seconds on a busy machine.
describe('npm run import', { timeout: 60_000 }, () => {
  it('detects a raw GDELT export and writes a dataset that validates', () => {
    const out = join(dir, 'gdelt.json');
    const r = run('tests/fixtures/gdelt/20240921.small.export.CSV', '--out', out);
    expect(r.stdout).toContain(
      '20240921.small.export.CSV: GDELT 1.0 export: tab-separated, no header, 58 columns',
    );
    expect(r.stdout).toContain('7 rows with fewer than two actors left out');
    expect(r.status).toBe(0);
    const written = validateDataset(JSON.parse(readFileSync(out, 'utf8')), out);
    expect(written.errors).toEqual([]);
    expect(written.dataset!.relations.map((x) => x.kind)).toEqual(['cooperation']);
  });

  it('detects real GDELT 2.0 and UCDP GED files and writes what their rows tell', () => {
    // Each: the file, the detection printed, and a relation read off its rows by hand.
    const cases = [
      [
        'tests/fixtures/gdelt/20250807220000.export.excerpt.CSV',
        '20250807220000.export.excerpt.CSV: GDELT 2.0 export: tab-separated, no header, 61 columns',
        'ARE cooperation USA', // the UAE and the US consult four times (CAMEO 040)
      ],
      [
        'tests/fixtures/ucdp-ged/GEDEvent_v26_0_7.excerpt.csv',
        'GEDEvent_v26_0_7.excerpt.csv: UCDP GED events: comma-separated, header of 49 columns',
        'Government of Burkina Faso hostility JNIM', // five clashes, 29 June to 3 July 2026
      ],
    ];
    for (const [file, detected, relation] of cases) {
      const out = join(dir, 'real.json');
      const r = run(file!, '--out', out);
      expect(r.stdout).toContain(detected);
      expect(r.status).toBe(0);
      const written = JSON.parse(readFileSync(out, 'utf8')) as {
        relations: { source: string; target: string; kind: string }[];
      };
      expect(written.relations.map((x) => `${x.source} ${x.kind} ${x.target}`)).toContain(relation);
    }
  });

  it('reads a gzip ICEWS file with DuckDB, detected from its decompressed start, as the in-memory path does', () => {
    const tab = readFileSync('tests/fixtures/icews/events.2018.sample.excerpt.tab');
    const gz = join(dir, 'events.2018.tab.gz');
    writeFileSync(gz, gzipSync(tab));
    const plainTab = join(dir, 'events.2018.tab');
    writeFileSync(plainTab, tab);
    const [viaDuckDb, inMemory] = [
      [gz, join(dir, 'icews-duckdb.json')],
      [plainTab, join(dir, 'icews-memory.json')],
    ].map(([file, out]) => {
      const r = run(file!, '--out', out!);
      expect(r.status).toBe(0);
      return { stdout: r.stdout, dataset: JSON.parse(readFileSync(out!, 'utf8')) as Dataset };
    });
    expect(viaDuckDb!.stdout).toContain('events.2018.tab.gz: ICEWS events: tab-separated');
    expect(viaDuckDb!.stdout).toContain('read with DuckDB');
    expect(inMemory!.stdout).not.toContain('DuckDB');
    const pairs = (d: Dataset) =>
      d.relations.map((x) => `${x.source} ${x.kind} ${x.target} ${x.from}`);
    expect(pairs(viaDuckDb!.dataset)).toEqual(pairs(inMemory!.dataset));
    expect(pairs(viaDuckDb!.dataset)).toContain(
      'Foreign Affairs (Bangladesh) cooperation High Ranking Military Personnel (Vietnam) 2018-01',
    );
  });

  it('--engine duckdb reads UCDP GED and ACLED files, and refuses a file of no event format', () => {
    for (const file of [
      'tests/fixtures/ucdp-ged/GEDEvent_v26_0_7.excerpt.csv',
      'tests/fixtures/acled/synthetic-acled.csv',
    ]) {
      const out = join(dir, 'engine.json');
      const r = run(file, '--out', out, '--engine', 'duckdb');
      expect(r.stdout).toContain('read with DuckDB');
      expect(r.status).toBe(0);
      expect(validateDataset(JSON.parse(readFileSync(out, 'utf8')), out).errors).toEqual([]);
    }
    const out = join(dir, 'refused.json');
    const r = run('tests/fixtures/publish/story.json', '--out', out, '--engine', 'duckdb');
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('DuckDB reads event files of one format');
    expect(existsSync(out)).toBe(false);
  });

  it('passes event options: one event per pair keeps more relations, between none drops contact', () => {
    const out = join(dir, 'icews.json');
    const r = run(
      'tests/fixtures/icews/events.2018.sample.excerpt.tab',
      '--out',
      out,
      '--min-events',
      '1',
      '--between',
      'none',
    );
    expect(r.status).toBe(0);
    const d = JSON.parse(readFileSync(out, 'utf8')) as { relations: { kind: string }[] };
    expect(d.relations.length).toBeGreaterThan(9);
    expect(d.relations.some((x) => x.kind === 'contact')).toBe(false);
  });

  it('several files of one event format make one dataset; a file of another format is refused', () => {
    // The real ICEWS excerpt cut in two, as ICEWS publishes a file a year.
    const [header, ...rows] = readFileSync(
      'tests/fixtures/icews/events.2018.sample.excerpt.tab',
      'utf8',
    )
      .trimEnd()
      .split('\n');
    const a = join(dir, 'events.2018.a.tab');
    const b = join(dir, 'events.2018.b.tab');
    writeFileSync(a, [header, ...rows.slice(0, 23)].join('\n'));
    writeFileSync(b, [header, ...rows.slice(23)].join('\n'));
    const out = join(dir, 'icews-two.json');
    const r = run(b, a, '--out', out);
    expect(r.stdout).toContain('events.2018.b.tab: ICEWS events: tab-separated');
    expect(r.stdout).toContain('events.2018.a.tab: ICEWS events: tab-separated');
    expect(r.status).toBe(0);
    const written = JSON.parse(readFileSync(out, 'utf8')) as {
      title: string;
      relations: { source: string; target: string }[];
    };
    expect(written.title).toBe('events.2018.a and 1 more file');
    // Kim Yong-chol and Mike Pompeo negotiate once in each file.
    expect(written.relations.map((x) => `${x.source} – ${x.target}`)).toContain(
      'Kim Yong-chol – Mike Pompeo',
    );

    const mixed = run(a, 'tests/fixtures/acled/synthetic-acled.csv', '--out', join(dir, 'no.json'));
    expect(mixed.status).toBe(1);
    expect(mixed.stdout).toContain(
      'synthetic-acled.csv: is an ACLED event file (ACLED events: comma-separated, header of 31 columns with event_date, actor1, actor2, event_type), not an ICEWS coded event file like events.2018.a.tab',
    );
    expect(existsSync(join(dir, 'no.json'))).toBe(false);
  });

  it('bad rows: exit 1, each error with file, row, column and value, nothing written', () => {
    const bad = join(dir, 'bad.export.CSV');
    const [first] = readFileSync('tests/fixtures/gdelt/20240921.small.export.CSV', 'utf8').split(
      '\n',
    );
    writeFileSync(bad, `${first!.replace('\t1.0\t3\t1\t3\t', '\thigh\t3\t1\t3\t')}\n`);
    const out = join(dir, 'never.json');
    const r = run(bad, '--out', out);
    expect(r.stdout).toContain('bad.export.CSV:1:');
    expect(r.stdout).toMatch(/row 1, column "GoldsteinScale".*"high" is not a number/);
    expect(r.status).toBe(1);
    expect(existsSync(out)).toBe(false);
  });

  it('bad flags: exit 2 with what is wrong; an unknown format lists the known ones', () => {
    const file = 'tests/fixtures/gdelt/20240921.small.export.CSV';
    const unknown = run(file, '--out', join(dir, 'x.json'), '--format', 'gdlet');
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain(
      '--format "gdlet" is not a format Allegiance reads; known formats: json (',
    );
    expect(unknown.stderr).toContain('gdelt (a GDELT 1.0/2.0 raw event export)');
    const notNumber = run(file, '--out', join(dir, 'x.json'), '--window', 'twelve');
    expect(notNumber.status).toBe(2);
    expect(notNumber.stderr).toContain('--window must be a number, not "twelve"');
    const outOfRange = run(file, '--out', join(dir, 'x.json'), '--window', '0');
    expect(outOfRange.status).toBe(1);
    expect(outOfRange.stdout).toContain('--window: must be a whole number from 1 to 1200');
  }, 120_000);
});
