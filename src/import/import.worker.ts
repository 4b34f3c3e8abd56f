/**
 * Import off the main thread: reading, decoding, parsing and validating a
 * large file never freezes the page. Reports progress per phase; the page
 * cancels by terminating the worker.
 */
import { importBytes, type FileBytes } from './importBytes';
import type { ImportResult } from './importTexts';

export type WorkerRequest = { files: File[] };
export type WorkerMessage =
  | { type: 'progress'; phase: 'reading' | 'parsing'; done: number; total: number; file?: string }
  | { type: 'done'; result: ImportResult };

const post = (m: WorkerMessage) => (self as unknown as Worker).postMessage(m);

self.onmessage = async (e: MessageEvent<WorkerRequest>) => {
  const { files } = e.data;
  const read: FileBytes[] = [];
  for (const [i, file] of files.entries()) {
    post({ type: 'progress', phase: 'reading', done: i, total: files.length, file: file.name });
    read.push({ name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) });
  }
  post({ type: 'progress', phase: 'parsing', done: files.length, total: files.length });
  post({ type: 'done', result: importBytes(read) });
};
