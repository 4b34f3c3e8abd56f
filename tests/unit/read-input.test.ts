/**
 * The CLIs' size limit (scripts/read-input.ts, used by `npm run validate`,
 * `import`, `render` and `publish`): a file over it is refused by its size,
 * naming the file, its size and the limit, with the advice the app gives
 * for what the file is (src/import/limits.ts), read from its first bytes.
 * The files are sparse: just over the limit, no disk used past their start.
 */
import { closeSync, ftruncateSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { readInput } from '../../scripts/read-input';
import { MAX_IMPORT_BYTES } from '../../src/import/limits';
import { gdeltText } from '../helpers/gdelt-synthetic';

const dir = mkdtempSync(join(tmpdir(), 'allegiance-read-input-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const SIZE = 'the file is 52,428,801 bytes; the limit is 52,428,800 bytes (50 MiB)';

/** A file of `start`, then zeros up to one byte over the limit. */
function oversized(name: string, start: string | Buffer): string {
  const path = join(dir, name);
  const fd = openSync(path, 'w');
  writeSync(fd, typeof start === 'string' ? Buffer.from(start) : start);
  ftruncateSync(fd, MAX_IMPORT_BYTES + 1);
  closeSync(fd);
  return path;
}

describe('readInput over the size limit', () => {
  it('gives a GDELT export the DuckDB command, with the path as typed', async () => {
    const path = oversized('20240101.export.CSV', gdeltText(20, { seed: 3 }));
    expect(await readInput(path)).toBe(
      `${path}: ${SIZE}. It is a GDELT event export (GDELT 2.0 export: tab-separated, no header, 61 columns). ` +
        `Event files of any size are aggregated into a dataset from a terminal, in the Allegiance folder: ` +
        `npm run import -- ${path} --out 20240101.export-dataset.json (then import the dataset it writes)`,
    );
  });

  it('tells a JSON dataset to be split, and a gzip CSV table to be cut and decompressed', async () => {
    const json = oversized('world.json', '{"title": "World", "actors": [');
    expect(await readInput(json, 'dataset')).toBe(
      `${json}: ${SIZE}. It is a JSON dataset (JSON: the file starts with "{"), which is read whole, here and by npm run import alike: ` +
        'split it into datasets of one region or period each, each under the limit',
    );
    const csv = oversized(
      'relations.csv.gz',
      gzipSync('source,target,kind,from\na,b,alliance,2001\n'),
    );
    const message = await readInput(csv);
    expect(message).toContain(
      `${csv}: ${SIZE}. Decompressed, it is a CSV table of relations or actors (relations table: `,
    );
    expect(message).toContain('leave out the rows or columns you do not need');
    expect(message).toMatch(/, and decompress it first$/);
  });

  it('reads a file at the limit', async () => {
    const path = join(dir, 'at-limit.json');
    const fd = openSync(path, 'w');
    ftruncateSync(fd, MAX_IMPORT_BYTES);
    closeSync(fd);
    const read = await readInput(path);
    expect(typeof read === 'string' ? read : read.bytes.length).toBe(MAX_IMPORT_BYTES);
  });
});
