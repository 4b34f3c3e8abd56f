/**
 * Datasets reach the page off the main thread. An import: reading, decoding,
 * parsing and validating a large file never freezes the page, and neither do
 * the layout, the index and saving to the library, which happen here too.
 * Opening a stored dataset: it is read from the library here (its layout and
 * index, tens of megabytes at a million relations, are moved to the page, not
 * copied there), and laid out and indexed here when nothing fits was stored.
 * Either way the dataset goes to the page in parts (`core/datasetParts.ts`),
 * each copied in a short task of its own. Reports progress per phase; the page
 * cancels by terminating the worker (a save cut short is rolled back by
 * IndexedDB).
 *
 * A big dataset (`needsQuickLayout`) is sent with a quick layout so that it is
 * drawn at once; once the page has drawn it and asks (`refine`), the worker
 * computes the real one, sends it (`refined`) and stores it, so the next
 * opening starts with it.
 *
 * Messages: `progress`…, then either `done` with a failed result (an import),
 * `missing` or `failed` (an opening), or `dataset` (head, warnings, derived
 * data, whether it was saved), one `part` per part, and `end`; then, for a
 * quick layout, `refined`; last `closed`.
 */
import { partCount, splitDataset, type DatasetHead, type DatasetPart } from '../core/datasetParts';
import {
  deriveData,
  derivedFits,
  needsQuickLayout,
  packPositions,
  type DerivedData,
} from '../core/explorer-model';
import { computeLayout } from '../core/layout';
import type { Problem } from '../core/problems';
import type { Dataset } from '../core/schema';
import { nameFromTitle } from '../store/datasetName';
import {
  getDataset,
  putDataset,
  putDerived,
  putRefinedPositions,
  type LibraryListing,
} from '../store/library';
import { decodeFiles, type FileBytes } from './importBytes';
import { importFailed } from './importFailed';
import type { ImportResult } from './importTexts';
import { browserFile } from './importStreams';
import {
  importStreamedWithChoices,
  importWithChoices,
  type ChosenImportResult,
  type ImportChoices,
  type ImportReading,
} from './importWithChoices';
import type { TableSample } from '../core/io/table-sample';

/** Where to save a successful import in the library (without it, nothing is saved). */
export interface SaveAs {
  id: string;
  source: string;
  importedAt: string;
}

export type WorkerRequest =
  | { kind: 'import'; files: File[]; saveAs?: SaveAs; choices?: ImportChoices }
  /** Read a stored dataset from the library (`id`) and send it to the page. */
  | { kind: 'open'; id: string }
  /** The page has taken a part (see `sendParts`). */
  | { kind: 'taken' }
  /** The page has drawn the dataset sent with a quick layout: refine it now (see `deliver`). */
  | { kind: 'refine' };
export type WorkerPhase = 'reading' | 'parsing' | 'laying out' | 'saving' | 'sending' | 'opening';
export type WorkerMessage =
  | { type: 'progress'; phase: WorkerPhase; done: number; total: number; file?: string }
  | {
      type: 'done';
      result: ImportResult;
      /** How the file was read, and the table to map when its header was not recognised. */
      reading?: ImportReading;
      needsMapping?: TableSample;
    }
  /** The stored dataset asked for is not in the library. */
  | { type: 'missing' }
  /** The stored dataset could not be read (a `StorageError`'s message). */
  | { type: 'failed'; message: string }
  | {
      type: 'dataset';
      head: DatasetHead;
      warnings: Problem[];
      derived: DerivedData;
      reading?: ImportReading;
      /** The library's listing of the saved dataset, or why it could not be saved. */
      saved: LibraryListing | { error: string } | null;
      /** A stored dataset's journal revision (its last entry's number; 0 before any edit). */
      revision?: number;
      parts: number;
    }
  | { type: 'part'; part: DatasetPart }
  | { type: 'end' }
  /** `computeLayout` of a dataset sent with a quick layout, packed like `derived.positions`. */
  | { type: 'refined'; positions: Float64Array }
  /** Nothing more will come: the page may terminate the worker. */
  | { type: 'closed' };

const post = (m: WorkerMessage, transfer: Transferable[] = []) =>
  (self as unknown as Worker).postMessage(m, transfer);

/**
 * Every failure ends as a message the page shows: an exception thrown in
 * this async handler would otherwise only reach the worker's
 * `unhandledrejection`, never the page, which would wait forever.
 */
self.onmessage = async (e: MessageEvent<WorkerRequest>) => {
  const request = e.data;
  if (request.kind === 'taken') return partTaken();
  if (request.kind === 'refine') return refineAsked.resolve();
  if (request.kind === 'open') await openStored(request.id);
  else await importAndDeliver(request);
  post({ type: 'closed' });
};

async function importAndDeliver({
  files,
  choices,
  saveAs,
}: Extract<WorkerRequest, { kind: 'import' }>): Promise<void> {
  let result: ChosenImportResult;
  try {
    result = await importFiles(files, choices);
  } catch (error) {
    return post({ type: 'done', result: importFailed('the import stopped', error) });
  }
  try {
    const { dataset, errors, warnings, reading, needsMapping } = result;
    if (dataset) await deliver(dataset, { warnings, reading, saveAs });
    else post({ type: 'done', result: { errors, warnings }, reading, needsMapping });
  } catch (error) {
    // DataCloneError, or a RangeError from a structure too deep to copy.
    post({
      type: 'done',
      result: importFailed('the result could not be passed back to the page', error),
    });
  }
}

/** Reads a stored dataset (the library's own errors say what failed) and delivers it. */
async function openStored(id: string): Promise<void> {
  try {
    post({ type: 'progress', phase: 'opening', done: 0, total: 1 });
    const entry = await getDataset(id, (done) =>
      post({ type: 'progress', phase: 'opening', done, total: 1 }),
    );
    if (!entry) return post({ type: 'missing' });
    // Journal entries are numbered from 1 and never removed: the count is the last number.
    const revision = entry.journal?.length ?? 0;
    await deliver(entry.dataset, { warnings: [], derived: entry.derived, storedAs: id, revision });
  } catch (error) {
    post({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
  }
}

self.onmessageerror = () =>
  post({ type: 'done', result: importFailed('the files could not be passed to the import') });

async function importFiles(files: File[], choices?: ImportChoices): Promise<ChosenImportResult> {
  // GDELT exports stream: their lines become events as they are read, never held whole.
  const streamed = await importStreamedWithChoices(files.map(browserFile), choices, (i, name) =>
    post({ type: 'progress', phase: 'reading', done: i, total: files.length, file: name }),
  );
  if (streamed) return streamed;
  const read: FileBytes[] = [];
  for (const [i, file] of files.entries()) {
    post({ type: 'progress', phase: 'reading', done: i, total: files.length, file: file.name });
    read.push({ name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) });
  }
  post({ type: 'progress', phase: 'parsing', done: files.length, total: files.length });
  const { inputs, errors } = decodeFiles(read);
  if (errors.length > 0) return { errors, warnings: [], reading: { eventTable: false } };
  return importWithChoices(inputs, choices);
}

interface Delivery {
  warnings: Problem[];
  reading?: ImportReading;
  /** Save as a new library entry (an import). */
  saveAs?: SaveAs;
  /** The library entry the dataset was read from (opening a stored dataset). */
  storedAs?: string;
  /** Derived data stored with it; used if it fits, else computed here. */
  derived?: DerivedData;
  revision?: number;
}

/**
 * Resolved when the page asks for the refined layout. Computing it (seconds at a million
 * relations) as soon as the dataset was sent took one of a two-core machine's cores, and the
 * garbage collector's helper threads, while the page built its model and drew the first
 * picture: the page's tasks then waited for a core, twice their own time and more.
 */
const refineAsked = (() => {
  let resolve = () => {};
  const asked = new Promise<void>((r) => (resolve = r));
  return { asked, resolve: () => resolve() };
})();

/**
 * Lays out and indexes a valid dataset unless that is known, saves it (an import) or keeps
 * what was computed (a stored dataset that had none), then sends it to the page in parts.
 * A quick layout is then refined when the page asks, sent and stored.
 */
async function deliver(dataset: Dataset, delivery: Delivery): Promise<void> {
  const { warnings, reading, saveAs, storedAs, revision } = delivery;
  const known =
    delivery.derived && derivedFits(dataset, delivery.derived) ? delivery.derived : null;
  if (!known) post({ type: 'progress', phase: 'laying out', done: 0, total: 1 });
  const derived = known ?? deriveData(dataset, { quick: needsQuickLayout(dataset) });
  let saved: LibraryListing | { error: string } | null = null;
  if (saveAs) {
    post({ type: 'progress', phase: 'saving', done: 0, total: 1 });
    const name = nameFromTitle(dataset.title);
    saved = await putDataset({ ...saveAs, name, dataset, derived }).catch((e: unknown) => ({
      error: e instanceof Error ? e.message : String(e),
    }));
  } else if (storedAs && !known) {
    // Kept so that the next opening computes nothing; if the browser refuses, it is
    // computed again then.
    await putDerived(storedAs, derived).catch(() => undefined);
  }
  const refine = derived.quickLayout === true;
  const { head, parts } = splitDataset(dataset);
  post(
    { type: 'dataset', head, warnings, derived, reading, saved, revision, parts: partCount(head) },
    buffersOf(derived), // the page owns them now: `derived` is unusable here from this line
  );
  await sendParts(parts);
  post({ type: 'end' });
  if (!refine) return;
  await refineAsked.asked;
  const positions = packPositions(dataset, computeLayout(dataset));
  // Stored before it is shown, so that a page showing the refined layout reopens with it.
  const keptAs = saved && !('error' in saved) ? saveAs?.id : storedAs;
  if (keptAs) await putRefinedPositions(keptAs, positions).catch(() => undefined);
  post({ type: 'refined', positions }, [positions.buffer]);
}

/**
 * Parts posted and not yet taken by the page, at most. Posted all at once, this worker spent
 * the whole delivery copying parts on one core while the page's tasks (adding each part, and
 * the garbage collection the copies bring, whose helper threads want a core too) waited for
 * the other: on two cores a reload's tasks took several times their CPU time in wall time.
 * With two in flight the page always has the next part ready, and the worker waits for it
 * instead of competing.
 */
const PARTS_AHEAD = 2;
let partsUnread = 0;
let onPartTaken: (() => void) | null = null;

function partTaken(): void {
  partsUnread--;
  onPartTaken?.();
  onPartTaken = null;
}

async function sendParts(parts: readonly DatasetPart[]): Promise<void> {
  for (const part of parts) {
    while (partsUnread >= PARTS_AHEAD) await new Promise<void>((go) => (onPartTaken = go));
    partsUnread++;
    post({ type: 'part', part });
  }
}

/** The memory of every typed array in the derived data, moved to the page rather than copied. */
function buffersOf(derived: DerivedData): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>();
  const visit = (value: unknown) => {
    if (ArrayBuffer.isView(value)) buffers.add(value.buffer as ArrayBuffer);
    else if (typeof value === 'object' && value !== null) Object.values(value).forEach(visit);
  };
  visit(derived);
  return [...buffers];
}
