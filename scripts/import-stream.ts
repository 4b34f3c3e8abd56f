/**
 * A file on disk as the streaming import reads it (src/import/importStreams.ts):
 * its first bytes for detection, then its bytes as a stream, so that
 * `npm run import --engine memory` and the benchmark hold the events, not
 * the file's text, as the app's worker does.
 */
import { closeSync, createReadStream, openSync, readSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { HEAD_BYTES, type StreamedFile } from '../src/import/importStreams';

/** The file at `path`, or undefined when it is not a regular file that can be read. */
export function streamedFileOnDisk(path: string): StreamedFile | undefined {
  try {
    const stat = statSync(path);
    if (!stat.isFile()) return undefined;
    return {
      name: basename(path),
      size: stat.size,
      head: async () => readHead(path),
      bytes: () => createReadStream(path, { highWaterMark: 1024 * 1024 }),
    };
  } catch {
    return undefined; // Unreadable: the whole-file read reports it with its reason.
  }
}

function readHead(path: string): Uint8Array {
  const fd = openSync(path, 'r');
  try {
    const buffer = new Uint8Array(HEAD_BYTES);
    return buffer.subarray(0, readSync(fd, buffer, 0, HEAD_BYTES, 0));
  } finally {
    closeSync(fd);
  }
}
