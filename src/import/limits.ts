/**
 * The largest file an import accepts. Parsing happens in a worker, but the
 * text, the parsed tree and the dataset all live in memory at once (about
 * ten times the file); 50 MiB keeps that well inside a browser tab.
 */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

/** `name: what is wrong` for a file the import refuses by its size alone, else null. */
export function sizeProblem(name: string, bytes: number): string | null {
  if (bytes === 0) return `${name}: the file is empty`;
  const tooBig = tooLarge(bytes);
  return tooBig ? `${name}: ${tooBig}` : null;
}

/**
 * Why a file of this many bytes is too large, or null. Sizes are exact
 * bytes, so a file just over the limit never reads "50.0 MB; the limit is
 * 50 MB"; the limit is also named in MiB (2^20 bytes), the unit it is set in.
 */
export function tooLarge(bytes: number): string | null {
  if (bytes <= MAX_IMPORT_BYTES) return null;
  return `the file is ${byteCount(bytes)}; the limit is ${byteCount(MAX_IMPORT_BYTES)} (${MAX_IMPORT_BYTES / 2 ** 20} MiB): split it, or aggregate events into relations first`;
}

/** `52,428,801 bytes`: digits grouped by thousands, the same in every locale. */
function byteCount(bytes: number): string {
  return `${String(bytes).replace(/\B(?=(\d{3})+$)/g, ',')} bytes`;
}
