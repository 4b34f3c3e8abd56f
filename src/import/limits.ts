/**
 * The largest file an import accepts. Parsing happens in a worker, but the
 * text, the parsed tree and the dataset all live in memory at once (about
 * ten times the file); 50 MiB keeps that well inside a browser tab.
 */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

/** `name: what is wrong` for a file the import refuses by its size alone, else null. */
export function sizeProblem(name: string, bytes: number): string | null {
  if (bytes === 0) return `${name}: the file is empty`;
  const tooBig = tooLarge(bytes, name);
  return tooBig ? `${name}: ${tooBig}` : null;
}

/**
 * Why a file of this many bytes is too large, or null. Sizes are exact
 * bytes, so a file just over the limit never reads "50.0 MB; the limit is
 * 50 MB"; the limit is also named in MiB (2^20 bytes), the unit it is set in.
 * An event file (anything but a JSON or GEXF dataset) is one the command-line
 * import aggregates with DuckDB at any size: the message gives the command.
 */
export function tooLarge(bytes: number, name?: string): string | null {
  if (bytes <= MAX_IMPORT_BYTES) return null;
  const size = `the file is ${byteCount(bytes)}; the limit is ${byteCount(MAX_IMPORT_BYTES)} (${MAX_IMPORT_BYTES / 2 ** 20} MiB)`;
  if (name === undefined || /\.(json|gexf|xml)$/i.test(name))
    return `${size}: split it, or aggregate events into relations first`;
  return `${size}. Event archives of any size are aggregated from a terminal, in the Allegiance folder: ${importCommand(name)} (then import the dataset it writes)`;
}

/** The command that imports a file too large for the browser (docs/SCALE.md). */
export function importCommand(name: string): string {
  const stem = (name.split(/[\\/]/).pop() ?? name).replace(/\.(gz)$/i, '').replace(/\.[^.]+$/, '');
  const out = `${stem || 'events'}-dataset.json`;
  // A name starting with "-" would read as an option: ./ keeps it a file.
  const path = (p: string) => shellWord(p.startsWith('-') ? `./${p}` : p);
  return `npm run import -- ${path(name)} --out ${path(out)}`;
}

/** A word as a POSIX shell reads it: quoted when it holds anything but safe characters. */
function shellWord(text: string): string {
  return /^[\w.,+@%/=:-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`;
}

/** `52,428,801 bytes`: digits grouped by thousands, the same in every locale. */
function byteCount(bytes: number): string {
  return `${String(bytes).replace(/\B(?=(\d{3})+$)/g, ',')} bytes`;
}
