/**
 * The CLIs on hostile files: `npm run validate` on JSON nested 5,000 levels
 * deep and on a 1 GB file, `npm run render --dataset` on Latin-1 text. Each
 * exits 1 with the same precise message as the app's import.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, ftruncateSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'allegiance-hostile-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Prints the process's peak resident memory (kB) on exit, so a test can tell a file was not read. */
const REPORT_PEAK_MEMORY =
  'data:text/javascript,process.on("exit",()=>process.stderr.write(`peak-rss-kb=${process.resourceUsage().maxRSS}\\n`))';

const run = (script: string, ...args: string[]) =>
  spawnSync(
    process.execPath,
    ['--import', 'tsx', '--import', REPORT_PEAK_MEMORY, `scripts/${script}.ts`, ...args],
    { encoding: 'utf8', timeout: 120_000 },
  );

const peakMegabytes = (stderr: string) =>
  Number(/peak-rss-kb=(\d+)/.exec(stderr)?.[1] ?? NaN) / 1024;

describe('npm run validate', () => {
  it('JSON nested 5,000 levels deep: the precise error, not a RangeError', () => {
    const file = join(dir, 'deep.json');
    writeFileSync(file, `{"title": "t", "actors": ${'['.repeat(5_000)}${']'.repeat(5_000)}}`);
    const r = run('validate', file);
    expect(r.stderr).not.toContain('RangeError');
    expect(r.stdout).toContain(
      'deep.json:1:89 actors[0][0][0][0][0][0][0][0][0]…: this list is nested 65 levels deep; the limit is 64',
    );
    expect(r.status).toBe(1);
  });

  it('a 1 GB file is refused from its size, without reading it', () => {
    const file = join(dir, 'huge.json');
    // A sparse file: 1 GB long, no disk used.
    const fd = openSync(file, 'w');
    ftruncateSync(fd, 2 ** 30);
    closeSync(fd);
    try {
      const r = run('validate', file);
      expect(r.stderr).toContain(
        'huge.json: the file is 1,073,741,824 bytes; the limit is 52,428,800 bytes (50 MiB)',
      );
      expect(r.status).toBe(1);
      // Reading the file would have taken at least a gigabyte of memory.
      expect(peakMegabytes(r.stderr)).toBeLessThan(400);
    } finally {
      rmSync(file);
    }
  });
});

describe('npm run render --dataset', () => {
  it('refuses Latin-1 text instead of decoding it lossily', () => {
    const r = run(
      'render',
      '--dataset',
      'tests/fixtures/bad/latin1.json',
      '--date',
      '2001',
      '--out',
      join(dir, 'latin1.svg'),
    );
    expect(r.stderr).toContain(
      'latin1.json: the file is not valid UTF-8 (byte 15 is 0xe9); it may be Latin-1 or Windows-1252',
    );
    expect(r.status).toBe(1);
  });
});
