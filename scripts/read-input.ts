/**
 * Reading a dataset file for the CLIs, with the import's size limit applied
 * before a single byte is read: `npm run validate` on a 1 GB file (or on
 * /dev/zero) refuses it at once instead of loading it into memory first.
 */
import { closeSync, fstatSync, openSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { FileBytes } from '../src/import/importBytes';
import { tooLarge } from '../src/import/limits';

/**
 * The file's bytes, named by its base name as the app names imports; or a
 * message saying why it cannot be read, naming it as `what` (`cannot read
 * dataset x.json: no such file`).
 */
export function readInput(path: string, what = 'file'): FileBytes | string {
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
    const tooBig = tooLarge(stat.size);
    if (tooBig) return `${path}: ${tooBig}`;
    return { name: basename(path), bytes: readFileSync(fd) };
  } catch (e) {
    return `cannot read ${what} ${path}: ${reason(e)}`;
  } finally {
    closeSync(fd);
  }
}

function reason(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EACCES') return 'permission denied';
  return e instanceof Error ? e.message : String(e);
}
