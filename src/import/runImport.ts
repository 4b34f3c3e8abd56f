/**
 * Runs the dataset worker (import.worker.ts) from the page: an import of
 * files, or the opening of a stored dataset, with progress and cancel. A
 * dataset comes back in parts, each handled in its own short task; the
 * derived layout and index are moved here, not copied. A dataset sent with a
 * quick layout is followed, when the page asks (`refine`), by its refined one,
 * after which the worker closes.
 */
import { DatasetAssembler } from '../core/datasetParts';
import type { DerivedData } from '../core/explorer-model';
import type { Dataset } from '../core/schema';
import type { LibraryListing } from '../store/library';
import { importFailed } from './importFailed';
import type { ImportResult } from './importTexts';
import type { ImportChoices, ImportReading } from './importWithChoices';
import type { SaveAs, WorkerMessage, WorkerRequest } from './import.worker';
import type { TableSample } from '../core/io/table-sample';

/** An import's result, with what the worker derived and whether it saved the dataset. */
export interface ImportOutcome extends ImportResult {
  derived?: DerivedData;
  saved?: LibraryListing | { error: string } | null;
  /** How the file was read (absent when the import failed before reading it). */
  reading?: ImportReading;
  /** A table whose header was not recognised: the user is to map its columns. */
  needsMapping?: TableSample;
  /** A stored dataset's journal revision (see `library.noteRevisionRead`). */
  revision?: number;
  /**
   * When `derived` holds a quick layout: asks the worker for the refined positions (packed
   * like `derived.positions`), which it computes only then, so ask once the quick layout is
   * drawn. Rejects if the worker fails meanwhile; never settles if the job is cancelled first.
   */
  refine?: () => Promise<Float64Array>;
}

export interface ImportJob {
  result: Promise<ImportOutcome>;
  /** Stops the worker: before the result, the result rejects with `ImportCancelled`. */
  cancel: () => void;
}

export class ImportCancelled extends Error {}

type Progress = Extract<WorkerMessage, { type: 'progress' }>;

export function runImport(
  files: File[],
  onProgress: (m: Progress) => void,
  saveAs?: SaveAs,
  choices?: ImportChoices,
): ImportJob {
  return runWorker({ kind: 'import', files, saveAs, choices }, onProgress);
}

/** What opening a stored dataset gives: the dataset and its derived data, or why not. */
export type OpenOutcome =
  { found: true; dataset: Dataset; outcome: ImportOutcome } | { found: false; error?: string };

/**
 * Reads a stored dataset in the worker; its layout and index come with it (computed there,
 * and stored, when none fits). `onProgress` gets the share read (phase `opening`), then the
 * parts received (phase `sending`).
 */
export function runOpen(
  id: string,
  onProgress: (m: Progress) => void,
): { result: Promise<OpenOutcome>; cancel: () => void } {
  const job = runWorker({ kind: 'open', id }, onProgress);
  const result = job.result.then((outcome): OpenOutcome => {
    if (outcome.dataset) return { found: true, dataset: outcome.dataset, outcome };
    const error = outcome.errors[0]?.message;
    return error === undefined ? { found: false } : { found: false, error };
  });
  return { result, cancel: job.cancel };
}

function runWorker(request: WorkerRequest, onProgress: (m: Progress) => void): ImportJob {
  const worker = new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module' });
  let reject: (e: Error) => void = () => {};
  let refined: Deferred<Float64Array> | null = null;
  const result = new Promise<ImportOutcome>((resolve, fail) => {
    reject = fail;
    let received: {
      outcome: ImportOutcome;
      dataset: DatasetAssembler;
      parts: number;
      done: number;
    };
    worker.onmessage = (e: MessageEvent<WorkerMessage>) => {
      const m = e.data;
      switch (m.type) {
        case 'progress':
          return onProgress(m);
        case 'dataset': {
          const { warnings, derived, saved, reading, revision } = m;
          if (derived.quickLayout) refined = deferred();
          received = {
            outcome: {
              ...{ errors: [], warnings, derived, saved, reading, revision },
              ...(refined && { refine: askRefined(worker, refined.promise) }),
            },
            dataset: new DatasetAssembler(m.head),
            parts: m.parts,
            done: 0,
          };
          return;
        }
        case 'part':
          // Said first: a part that fails to add still lets the worker go on to `end`, whose
          // check of the whole dataset reports what is missing.
          worker.postMessage({ kind: 'taken' } satisfies WorkerRequest);
          received.dataset.add(m.part);
          return onProgress({
            type: 'progress',
            phase: 'sending',
            done: ++received.done,
            total: received.parts,
          });
        case 'end':
          try {
            return resolve({ ...received.outcome, dataset: received.dataset.dataset() });
          } catch (error) {
            return resolve(importFailed('the dataset did not reach the page whole', error));
          }
        case 'refined':
          return refined?.resolve(m.positions);
        case 'done':
          return resolve({ ...m.result, reading: m.reading, needsMapping: m.needsMapping });
        case 'missing':
          return resolve({ errors: [], warnings: [] });
        case 'failed':
          return resolve({
            errors: [{ severity: 'error', path: '', message: m.message }],
            warnings: [],
          });
        case 'closed':
          return worker.terminate();
      }
    };
    // A crash in the worker, or a message from it the page cannot read: the
    // panel shows it as a failed import rather than waiting for a result.
    worker.onerror = (e) => {
      e.preventDefault();
      // An error in the worker's code has a message; its code failing to load has none.
      resolve(
        e.message
          ? importFailed('the import stopped unexpectedly', e.message)
          : importFailed(
              'the import’s code could not be loaded (check the connection and try again)',
            ),
      );
      refined?.reject(new Error(e.message || 'the layout could not be refined'));
      worker.terminate();
    };
    worker.onmessageerror = () => {
      resolve(importFailed('the result of the import could not be read by the page'));
      worker.terminate();
    };
  });
  worker.postMessage(request);
  return {
    result,
    cancel: () => {
      worker.terminate();
      reject(new ImportCancelled('Import cancelled.'));
    },
  };
}

/** `refine`: the first call asks the worker; every call gets the same positions. */
function askRefined(worker: Worker, refined: Promise<Float64Array>): () => Promise<Float64Array> {
  let asked = false;
  return () => {
    if (!asked) worker.postMessage({ kind: 'refine' } satisfies WorkerRequest);
    asked = true;
    return refined;
  };
}

interface Deferred<T> {
  promise: Promise<T>;
  resolve: (value: T) => void;
  reject: (error: Error) => void;
}

function deferred<T>(): Deferred<T> {
  let resolve: (value: T) => void = () => {};
  let reject: (error: Error) => void = () => {};
  const promise = new Promise<T>((ok, fail) => {
    resolve = ok;
    reject = fail;
  });
  return { promise, resolve, reject };
}
