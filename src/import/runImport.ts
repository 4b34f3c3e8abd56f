/** Runs an import in a worker, with progress and cancel. */
import type { ImportResult } from './importTexts';
import type { WorkerMessage } from './import.worker';

export interface ImportJob {
  result: Promise<ImportResult>;
  cancel: () => void;
}

export class ImportCancelled extends Error {}

export function runImport(
  files: File[],
  onProgress: (m: Extract<WorkerMessage, { type: 'progress' }>) => void,
): ImportJob {
  const worker = new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module' });
  let reject: (e: Error) => void = () => {};
  const result = new Promise<ImportResult>((resolve, fail) => {
    reject = fail;
    worker.onmessage = (e: MessageEvent<WorkerMessage>) => {
      if (e.data.type === 'progress') onProgress(e.data);
      else {
        resolve(e.data.result);
        worker.terminate();
      }
    };
    worker.onerror = (e) => {
      fail(new Error(`the import stopped unexpectedly: ${e.message}`));
      worker.terminate();
    };
  });
  worker.postMessage({ files });
  return {
    result,
    cancel: () => {
      worker.terminate();
      reject(new ImportCancelled('Import cancelled.'));
    },
  };
}
