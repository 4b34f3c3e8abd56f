/**
 * Import off the main thread: reading, decoding, parsing and validating a
 * large file never freezes the page. Reports progress per phase; the page
 * cancels by terminating the worker.
 */
import { decodeText } from './decodeText';
import { importTexts, type ImportInput, type ImportResult } from './importTexts';

export type WorkerRequest = { files: File[] };
export type WorkerMessage =
  | { type: 'progress'; phase: 'reading' | 'parsing'; done: number; total: number; file?: string }
  | { type: 'done'; result: ImportResult };

const post = (m: WorkerMessage) => (self as unknown as Worker).postMessage(m);

self.onmessage = async (e: MessageEvent<WorkerRequest>) => {
  const { files } = e.data;
  const inputs: ImportInput[] = [];
  const errors: ImportResult['errors'] = [];
  for (const [i, file] of files.entries()) {
    post({ type: 'progress', phase: 'reading', done: i, total: files.length, file: file.name });
    const decoded = decodeText(new Uint8Array(await file.arrayBuffer()));
    if ('error' in decoded)
      errors.push({
        severity: 'error',
        file: file.name,
        path: '',
        message: `the file ${decoded.error}`,
      });
    else inputs.push({ name: file.name, text: decoded.text });
  }
  if (errors.length) {
    post({ type: 'done', result: { errors, warnings: [] } });
    return;
  }
  post({ type: 'progress', phase: 'parsing', done: files.length, total: files.length });
  post({ type: 'done', result: importTexts(inputs) });
};
