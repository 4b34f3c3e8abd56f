/**
 * Reading a dataset file for the CLIs, with the import's size limit applied
 * before the file is read: `npm run validate` on a 1 GB file (or on
 * /dev/zero) refuses it at once instead of loading it into memory first,
 * and says what to do with it as the app does, by what its first bytes are
 * (src/import/limits.ts: the DuckDB command for an event file, what to
 * split or leave out for the others).
 */
import { closeSync, fstatSync, openSync, readFileSync, readSync } from 'node:fs';
import { basename } from 'node:path';
import type { FileBytes } from '../src/import/importBytes';
import { MAX_IMPORT_BYTES, SNIFF_BYTES, sniff, tooLarge, type Sniffed } from '../src/import/limits';

/**
 * The file's bytes, named by its base name as the app names imports; or a
 * message saying why it cannot be read, naming it as `what` (`cannot read
 * dataset x.json: no such file`).
 */
export async function readInput(path: string, what = 'file'): Promise<FileBytes | string> {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (e) {
    return `cannot read ${what} ${path}: ${reason(e)}`;
  }
  try {
    // One descriptor for the check and the read, so both see the same file.
    const stat = fstatSync(fd);
    if (!stat.isFile()) return `cannot read ${what} ${path}: it is not a regular file`;
    if (stat.size > MAX_IMPORT_BYTES) {
      // Named by the path as given, so that the advised command runs from where it was typed.
      const tooBig = tooLarge(stat.size, path, await sniffStart(fd, path));
      if (tooBig) return `${path}: ${tooBig}`;
    }
    return { name: basename(path), bytes: readFileSync(fd) };
  } catch (e) {
    return `cannot read ${what} ${path}: ${reason(e)}`;
  } finally {
    closeSync(fd);
  }
}

/**
 * What the file open as `fd` is by its first bytes; undefined when they
 * cannot be read, and the size alone is then refused with the general advice.
 */
async function sniffStart(fd: number, name: string): Promise<Sniffed | undefined> {
  try {
    const head = Buffer.alloc(SNIFF_BYTES);
    const length = readSync(fd, head, 0, SNIFF_BYTES, 0);
    return await sniff(name, head.subarray(0, length));
  } catch {
    return undefined;
  }
}

function reason(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EACCES') return 'permission denied';
  return e instanceof Error ? e.message : String(e);
}
