/**
 * Runs an import in a worker, with progress and cancel. A valid dataset comes
 * back in parts, each handled in its own short task (see import.worker.ts).
 */
import { DatasetAssembler } from '../core/datasetParts';
import type { DerivedData } from '../core/explorer-model';
import type { LibraryListing } from '../store/library';
import { importFailed } from './importFailed';
import type { ImportResult } from './importTexts';
import type { ImportChoices, ImportReading } from './importWithChoices';
import type { SaveAs, WorkerMessage } from './import.worker';
import type { TableSample } from '../core/io/table-sample';

/** An import's result, with what the worker derived and whether it saved the dataset. */
export interface ImportOutcome extends ImportResult {
  derived?: DerivedData;
  saved?: LibraryListing | { error: string } | null;
  /** How the file was read (absent when the import failed before reading it). */
  reading?: ImportReading;
  /** A table whose header was not recognised: the user is to map its columns. */
  needsMapping?: TableSample;
}

export interface ImportJob {
  result: Promise<ImportOutcome>;
  cancel: () => void;
}

export class ImportCancelled extends Error {}

export function runImport(
  files: File[],
  onProgress: (m: Extract<WorkerMessage, { type: 'progress' }>) => void,
  saveAs?: SaveAs,
  choices?: ImportChoices,
): ImportJob {
  const worker = new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module' });
  let reject: (e: Error) => void = () => {};
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
      if (m.type === 'progress') onProgress(m);
      else if (m.type === 'dataset') {
        const { warnings, derived, saved, reading } = m;
        received = {
          outcome: { errors: [], warnings, derived, saved, reading },
          dataset: new DatasetAssembler(m.head),
          parts: m.parts,
          done: 0,
        };
      } else if (m.type === 'part') {
        received.dataset.add(m.part);
        onProgress({
          type: 'progress',
          phase: 'sending',
          done: ++received.done,
          total: received.parts,
        });
      } else {
        worker.terminate();
        if (m.type === 'done')
          resolve({ ...m.result, reading: m.reading, needsMapping: m.needsMapping });
        else {
          try {
            resolve({ ...received.outcome, dataset: received.dataset.dataset() });
          } catch (error) {
            resolve(importFailed('the dataset did not reach the page whole', error));
          }
        }
      }
    };
    // A crash in the worker, or a message from it the page cannot read: the
    // panel shows it as a failed import rather than waiting for a result.
    worker.onerror = (e) => {
      e.preventDefault();
      resolve(importFailed('the import stopped unexpectedly', e.message || undefined));
      worker.terminate();
    };
    worker.onmessageerror = () => {
      resolve(importFailed('the result of the import could not be read by the page'));
      worker.terminate();
    };
  });
  worker.postMessage({ files, saveAs, choices });
  return {
    result,
    cancel: () => {
      worker.terminate();
      reject(new ImportCancelled('Import cancelled.'));
    },
  };
}
