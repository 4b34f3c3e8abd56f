/**
 * Import off the main thread: reading, decoding, parsing and validating a
 * large file never freezes the page, and neither do the layout, the index
 * and saving to the library, which happen here too. The dataset then goes to
 * the page in parts (`core/datasetParts.ts`), each copied in a short task of
 * its own. Reports progress per phase; the page cancels by terminating the
 * worker (a save cut short is rolled back by IndexedDB).
 *
 * Messages: `progress`…, then either `done` with a failed result, or
 * `dataset` (head, warnings, derived data, whether it was saved), one `part`
 * per part, and `end`.
 */
import { partCount, splitDataset, type DatasetHead, type DatasetPart } from '../core/datasetParts';
import { deriveData, type DerivedData } from '../core/explorer-model';
import type { Problem } from '../core/problems';
import type { Dataset } from '../core/schema';
import { nameFromTitle } from '../store/datasetName';
import { putDataset, type LibraryListing } from '../store/library';
import { decodeFiles, type FileBytes } from './importBytes';
import { importFailed } from './importFailed';
import type { ImportResult } from './importTexts';
import {
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

export type WorkerRequest = { files: File[]; saveAs?: SaveAs; choices?: ImportChoices };
export type WorkerPhase = 'reading' | 'parsing' | 'laying out' | 'saving' | 'sending';
export type WorkerMessage =
  | { type: 'progress'; phase: WorkerPhase; done: number; total: number; file?: string }
  | {
      type: 'done';
      result: ImportResult;
      /** How the file was read, and the table to map when its header was not recognised. */
      reading?: ImportReading;
      needsMapping?: TableSample;
    }
  | {
      type: 'dataset';
      head: DatasetHead;
      warnings: Problem[];
      derived: DerivedData;
      reading: ImportReading;
      /** The library's listing of the saved dataset, or why it could not be saved. */
      saved: LibraryListing | { error: string } | null;
      parts: number;
    }
  | { type: 'part'; part: DatasetPart }
  | { type: 'end' };

const post = (m: WorkerMessage, transfer: Transferable[] = []) =>
  (self as unknown as Worker).postMessage(m, transfer);

/**
 * Every failure ends as a failed result the import panel shows: an exception
 * thrown in this async handler would otherwise only reach the worker's
 * `unhandledrejection`, never the page, and the panel would wait forever.
 */
self.onmessage = async (e: MessageEvent<WorkerRequest>) => {
  let result: ChosenImportResult;
  try {
    result = await importFiles(e.data.files, e.data.choices);
  } catch (error) {
    return post({ type: 'done', result: importFailed('the import stopped', error) });
  }
  try {
    const { dataset, errors, warnings, reading, needsMapping } = result;
    if (dataset) await deliver(dataset, warnings, reading, e.data.saveAs);
    else post({ type: 'done', result: { errors, warnings }, reading, needsMapping });
  } catch (error) {
    // DataCloneError, or a RangeError from a structure too deep to copy.
    post({
      type: 'done',
      result: importFailed('the result could not be passed back to the page', error),
    });
  }
};

self.onmessageerror = () =>
  post({ type: 'done', result: importFailed('the files could not be passed to the import') });

async function importFiles(files: File[], choices?: ImportChoices): Promise<ChosenImportResult> {
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

/** Lays out, indexes and saves a valid dataset, then sends it to the page in parts. */
async function deliver(
  dataset: Dataset,
  warnings: Problem[],
  reading: ImportReading,
  saveAs?: SaveAs,
): Promise<void> {
  post({ type: 'progress', phase: 'laying out', done: 0, total: 1 });
  const derived = deriveData(dataset);
  let saved: LibraryListing | { error: string } | null = null;
  if (saveAs) {
    post({ type: 'progress', phase: 'saving', done: 0, total: 1 });
    const name = nameFromTitle(dataset.title);
    saved = await putDataset({ ...saveAs, name, dataset, derived }).catch((e: unknown) => ({
      error: e instanceof Error ? e.message : String(e),
    }));
  }
  const { head, parts } = splitDataset(dataset);
  post(
    { type: 'dataset', head, warnings, derived, reading, saved, parts: partCount(head) },
    buffersOf(derived),
  );
  for (const part of parts) post({ type: 'part', part });
  post({ type: 'end' });
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
