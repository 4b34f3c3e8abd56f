/**
 * `npm run import` as a user runs it: real files with no format flag are
 * detected and written as valid datasets; bad input and bad flags exit
 * non-zero with precise messages and write nothing.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
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
