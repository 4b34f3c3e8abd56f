/**
 * The largest file an import accepts. Parsing happens in a worker, but the
 * text, the parsed tree and the dataset all live in memory at once (about
 * ten times the file); 50 MB keeps that well inside a browser tab.
 */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

export function sizeProblem(name: string, bytes: number): string | null {
  if (bytes === 0) return `${name}: the file is empty`;
  if (bytes > MAX_IMPORT_BYTES)
    return `${name}: the file is ${(bytes / 1024 / 1024).toFixed(1)} MB; the limit is ${MAX_IMPORT_BYTES / 1024 / 1024} MB (split it, or aggregate events into relations first)`;
  return null;
}
