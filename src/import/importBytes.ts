/**
 * Raw files to a dataset: size limit, text decoding, then the format's
 * importer. The worker, the validate CLI and the fixture tests all go
 * through here, so they report the same problems.
 */
import type { Problem } from '../core/problems';
import { decodeText } from './decodeText';
import { importTexts, type ImportInput, type ImportResult } from './importTexts';
import { tooLarge } from './limits';

export interface FileBytes {
  name: string;
  bytes: Uint8Array;
}

export function importBytes(files: readonly FileBytes[]): ImportResult {
  const { inputs, errors } = decodeFiles(files);
  return errors.length ? { errors, warnings: [] } : importTexts(inputs);
}

/** The files as text: each one too large or not UTF-8 is an error naming it. */
export function decodeFiles(files: readonly FileBytes[]): {
  inputs: ImportInput[];
  errors: Problem[];
} {
  const errors: Problem[] = [];
  const inputs: ImportInput[] = [];
  for (const f of files) {
    const tooBig = tooLarge(f.bytes.length, f.name);
    if (tooBig) {
      errors.push({ severity: 'error', file: f.name, path: '', message: tooBig });
      continue;
    }
    const decoded = decodeText(f.bytes);
    if ('error' in decoded)
      errors.push({
        severity: 'error',
        file: f.name,
        path: '',
        message: `the file ${decoded.error}`,
      });
    else inputs.push({ name: f.name, text: decoded.text });
  }
  return { inputs, errors };
}
