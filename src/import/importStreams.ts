/**
 * Event exports read as they stream in, never whole: a GDELT export's
 * lines become events one piece of the file at a time (core/io/gdelt.ts,
 * GdeltImport), so the import holds the events, not the text. The worker
 * reads a browser File's stream through here and `npm run import` a file
 * stream; both first look at the start of each file, and go this way only
 * when every file is a GDELT export.
 */
import { detectFormat, FORMATS, type Detected, type Detection } from '../core/io/detect';
import { byName } from '../core/io/event-files';
import type { EventImportOptions } from '../core/io/event-options';
import { GdeltImport } from '../core/io/gdelt';
import { NotUtf8, utf8Pieces } from './decodeText';
import { eventFilesTogether, withLegalText, type ImportResult } from './importTexts';
import { tooLarge } from './limits';

/** A file to stream: its name, size and bytes (read only when the import streams it). */
export interface StreamedFile {
  name: string;
  size: number;
  /** The first bytes, enough for a GDELT row (detection reads the first line). */
  head: () => Promise<Uint8Array>;
  bytes: () => AsyncIterable<Uint8Array>;
}

/** How many bytes detection reads from the start of a file: a GDELT row is about 300. */
export const HEAD_BYTES = 64 * 1024;

/**
 * The files' detection from their first bytes, when every one is a GDELT
 * export (or `format` says to read them as GDELT), else undefined: the
 * import then reads them whole, as before.
 */
export async function detectStreamable(
  files: readonly StreamedFile[],
  format?: string,
  chosenBy = 'chosen',
): Promise<Detected[] | undefined> {
  if (files.length === 0 || (format !== undefined && format !== 'gdelt')) return undefined;
  const detections: Detection[] = [];
  for (const f of files) {
    if (format === 'gdelt') {
      detections.push({ format: 'gdelt', reason: `read as ${FORMATS.gdelt} (${chosenBy})` });
      continue;
    }
    const head = new TextDecoder().decode(await f.head());
    // The head may end inside a line: detection reads only the first one.
    detections.push(detectFormat(f.name, head));
  }
  return detections.every((d) => d.format === 'gdelt') ? (detections as Detected[]) : undefined;
}

/** How a streamed import reports and what it allows. */
export interface StreamHow {
  /** Told which file is being read (for progress). */
  onFile?: (index: number, name: string) => void;
  /**
   * Whether each file is held to the import's size limit, as when it is read
   * whole (default); the benchmark measures a file beyond it.
   */
  sizeLimit?: boolean;
}

/**
 * Imports GDELT exports as one table of events, streaming each file, in the
 * order of their names as the whole-text import reads them
 * (`importEventFiles`).
 */
export async function importGdeltStreams(
  files: readonly StreamedFile[],
  detections: readonly Detected[],
  options: EventImportOptions = {},
  { onFile = () => {}, sizeLimit = true }: StreamHow = {},
): Promise<ImportResult> {
  const together = eventFilesTogether(files, detections);
  const formats = { formats: [...detections] };
  if (together && 'refused' in together) return { ...together.refused, ...formats };
  const errors = files.flatMap((f) => {
    const tooBig = sizeLimit ? tooLarge(f.size, f.name) : null;
    return tooBig ? [{ severity: 'error' as const, file: f.name, path: '', message: tooBig }] : [];
  });
  if (errors.length > 0) return { errors, warnings: [], ...formats };
  const gdelt = new GdeltImport(options);
  const inOrder = byName(files);
  for (const [i, f] of inOrder.entries()) {
    onFile(i, f.name);
    gdelt.startFile(f.name);
    try {
      for await (const piece of utf8Pieces(f.bytes())) gdelt.push(piece);
    } catch (e) {
      if (!(e instanceof NotUtf8)) throw e;
      const message = `the file ${e.message}`;
      return {
        errors: [{ severity: 'error', file: f.name, path: '', message }],
        warnings: [],
        ...formats,
      };
    }
    gdelt.endFile();
  }
  const label = inOrder.map((f) => f.name).join(', ');
  return { ...withLegalText(gdelt.finish(), () => label, label), ...formats };
}

/** A browser File as the streaming import reads it. */
export function browserFile(file: File): StreamedFile {
  return {
    name: file.name,
    size: file.size,
    head: async () => new Uint8Array(await file.slice(0, HEAD_BYTES).arrayBuffer()),
    bytes: () => chunksOf(file.stream()),
  };
}

/** A ReadableStream's chunks (not every browser iterates a stream with `for await`). */
async function* chunksOf(stream: ReadableStream<Uint8Array>): AsyncGenerator<Uint8Array> {
  const reader = stream.getReader();
  try {
    for (let r = await reader.read(); !r.done; r = await reader.read()) yield r.value;
  } finally {
    reader.releaseLock();
  }
}
