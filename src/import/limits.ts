import type { Detection, FormatName } from '../core/io/detect';

/**
 * The largest file an import accepts. Parsing happens in a worker, but the
 * text, the parsed tree and the dataset all live in memory at once (about
 * ten times the file); 50 MiB keeps that well inside a browser tab.
 */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

/** How many bytes of a file's start are read to tell what it is (a GDELT row is about 300). */
export const SNIFF_BYTES = 64 * 1024;

/**
 * What a file too large to import is, by its first bytes: the format the
 * importers would detect (src/core/io/detect.ts), and whether those bytes
 * were gzip (the detection then is of what they decompress to) or a ZIP
 * archive (no detection: what is inside is not known).
 */
export type Sniffed = { detection: Detection; gzip: boolean } | { zip: true };

/**
 * The event formats `npm run import` aggregates through DuckDB at any size
 * (scripts/duckdb/cli.ts: GDELT exports and the event tables; a test keeps
 * the two lists alike). The command holds every other format to the limit.
 */
export const FORMATS_AGGREGATED_AT_ANY_SIZE: readonly FormatName[] = [
  'gdelt',
  'events',
  'icews',
  'acled',
  'ucdp-ged',
];

/** `name: what is wrong` for a file the import refuses by its size alone, else null. */
export function sizeProblem(name: string, bytes: number, sniffed?: Sniffed): string | null {
  if (bytes === 0) return `${name}: the file is empty`;
  const tooBig = tooLarge(bytes, name, sniffed);
  return tooBig ? `${name}: ${tooBig}` : null;
}

/**
 * Why a file of this many bytes is too large, with what its user can do
 * instead, or null. Sizes are exact bytes, so a file just over the limit
 * never reads "50.0 MB; the limit is 50 MB"; the limit is also named in MiB
 * (2^20 bytes), the unit it is set in. What to do depends on what the file
 * is (`sniffed`): an event format the command-line import aggregates at any
 * size gets that command; anything else, what makes it importable.
 */
export function tooLarge(bytes: number, name?: string, sniffed?: Sniffed): string | null {
  if (bytes <= MAX_IMPORT_BYTES) return null;
  const size = `the file is ${byteCount(bytes)}; the limit is ${byteCount(MAX_IMPORT_BYTES)} (${MAX_IMPORT_BYTES / 2 ** 20} MiB)`;
  if (name === undefined || sniffed === undefined)
    return `${size}: split it, or aggregate events into relations first`;
  return `${size}. ${adviceFor(name, sniffed)}`;
}

/** What to do with a file too large for the browser, by what it is. */
function adviceFor(name: string, sniffed: Sniffed): string {
  if ('zip' in sniffed)
    return `It is a ZIP archive: unzip it, then import the file inside (an event file of any size through ${importCommand(unzippedName(name))})`;
  const { detection, gzip } = sniffed;
  const what = gzip ? `Decompressed, it is ${describe(detection)}` : `It is ${describe(detection)}`;
  const format = detection.format;
  if (format !== null && FORMATS_AGGREGATED_AT_ANY_SIZE.includes(format))
    return `${what}. Event files of any size are aggregated into a dataset from a terminal, in the Allegiance folder: ${importCommand(name)} (then import the dataset it writes)`;
  // The command reads gzip only for the formats above: other files, decompressed.
  const decompress = gzip ? ', and decompress it first' : '';
  switch (format) {
    case 'json':
      return `${what}, which is read whole, here and by npm run import alike: split it into datasets of one region or period each, each under the limit${decompress}`;
    case 'gexf':
      return `${what}, which is read whole, here and by npm run import alike: export a smaller part of the graph from the program that made it (in Gephi, filter it and export the filtered graph), under the limit${decompress}`;
    case 'csv':
      return `${what}, which is read whole, here and by npm run import alike: leave out the rows or columns you do not need (relations outside the years you study, a long note column) to bring it under the limit${decompress}`;
    case 'ucdp-acd':
    case 'ucdp-nonstate':
      return `${what}, which is read whole, here and by npm run import alike (UCDP publishes these tables at a few MB): keep the header line and the rows of the conflicts or years you study, under the limit${decompress}`;
    default:
      return detection.format === null && detection.header
        ? `${what}. If its rows are events, name its header's columns as an event table's (date, actor1, actor2, and goldstein, quad_class or event_code; docs/FORMATS.md, "Event tables"): then ${importCommand(name)} aggregates it at any size. Otherwise keep only the rows and columns you need, under the limit, and map its columns here`
        : `${what}, at any size`;
  }
}

/** A detection as a clause: `a GDELT 2.0 export (tab-separated, no header, 61 columns)`. */
function describe(detection: Detection): string {
  if (detection.format === null) return detection.reason;
  return `${FORMAT_ARTICLES[detection.format]} (${detection.reason})`;
}

/** Each format as the advice names it. */
const FORMAT_ARTICLES: Record<FormatName, string> = {
  json: 'a JSON dataset',
  gexf: 'a GEXF graph',
  csv: 'a CSV table of relations or actors',
  events: 'an event table',
  gdelt: 'a GDELT event export',
  icews: 'an ICEWS event file',
  acled: 'an ACLED event file',
  'ucdp-ged': 'a UCDP GED event file',
  'ucdp-acd': 'a UCDP/PRIO Armed Conflict Dataset table',
  'ucdp-nonstate': 'a UCDP Non-State Conflict Dataset table',
};

/** `20240101.export.CSV.zip` → `20240101.export.CSV`: the name GDELT's archives unzip to. */
const unzippedName = (name: string) => name.replace(/\.zip$/i, '') || 'events';

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

/** What a file is by its first bytes (up to SNIFF_BYTES; gzip decompressed first). */
export async function sniff(name: string, head: Uint8Array): Promise<Sniffed> {
  if (isZip(head)) return { zip: true };
  const gzip = isGzip(head);
  const bytes = gzip ? await gunzipStart(head) : head;
  // Detection is loaded only for a file over the limit: the page's first load does without it.
  const { detectFormat } = await import('../core/io/detect');
  // The start may end inside a character or a line: detection reads the first line.
  const text = new TextDecoder().decode(bytes.subarray(0, SNIFF_BYTES));
  return { detection: detectFormat(name.replace(/\.gz$/i, ''), text), gzip };
}

/**
 * Every problem of files the import refuses by their size (an empty file, or
 * one over the limit with what to do instead, read from its first bytes).
 */
export async function sizeProblemsOf(files: readonly File[]): Promise<string[]> {
  const problems: string[] = [];
  for (const file of files) {
    const sniffed = file.size > MAX_IMPORT_BYTES ? await sniffFile(file) : undefined;
    const problem = sizeProblem(file.name, file.size, sniffed);
    if (problem) problems.push(problem);
  }
  return problems;
}

/**
 * What a browser File is by its first bytes; undefined when they cannot be
 * read (the file changed, or detection's code did not load): the size alone
 * is then still refused, with the general advice.
 */
async function sniffFile(file: File): Promise<Sniffed | undefined> {
  try {
    return await sniff(file.name, new Uint8Array(await file.slice(0, SNIFF_BYTES).arrayBuffer()));
  } catch {
    return undefined;
  }
}

const isGzip = (b: Uint8Array) => b.length >= 2 && b[0] === 0x1f && b[1] === 0x8b;
const isZip = (b: Uint8Array) =>
  b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;

/**
 * What the start of a gzip stream decompresses to, up to SNIFF_BYTES. The
 * stream is cut where the read ended, so decompression fails at its end:
 * what came out before is the file's start, and is all detection needs.
 */
async function gunzipStart(head: Uint8Array): Promise<Uint8Array> {
  const reader = new Blob([head as Uint8Array<ArrayBuffer>])
    .stream()
    .pipeThrough(new DecompressionStream('gzip'))
    .getReader();
  const chunks: Uint8Array[] = [];
  let length = 0;
  try {
    while (length < SNIFF_BYTES) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      length += value.length;
    }
  } catch {
    // The cut end of the stream: keep what was decompressed.
  } finally {
    reader.cancel().catch(() => undefined);
  }
  const out = new Uint8Array(length);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}
