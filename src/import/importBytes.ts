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
  const errors: Problem[] = [];
  const inputs: ImportInput[] = [];
  for (const f of files) {
    const tooBig = tooLarge(f.bytes.length);
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
  return errors.length ? { errors, warnings: [] } : importTexts(inputs);
}
