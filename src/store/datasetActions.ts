/**
 * Dataset actions: import files, switch between the seed and the user's
 * stored datasets, rename and delete. A failed import never touches what is
 * loaded; a storage failure is reported and the data still shown.
 */
import { ImportCancelled, runImport } from '../import/runImport';
import { sizeProblem } from '../import/limits';
import * as library from './library';
import { forgetDataset, loadLastView } from './persistence';
import { loadSeed } from './seed';
import { applyView, loadDataset, SEED_KEY, useStore } from './store';
import { queryToView } from './url';

const set = useStore.setState;
const get = useStore.getState;

let cancelCurrent: (() => void) | null = null;

const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** Reads the library's listing into the store; reports storage failures. */
export async function refreshLibrary(): Promise<void> {
  try {
    set({ library: await library.listDatasets() });
  } catch (e) {
    set({ notice: { kind: 'error', text: errorText(e) } });
  }
}

/** Imports files as one dataset; on success it is stored and shown. */
export async function importFiles(files: File[]): Promise<void> {
  const names = files.map((f) => f.name);
  const tooBig = files
    .map((f) => sizeProblem(f.name, f.size))
    .filter((p): p is string => p !== null);
  if (tooBig.length) {
    const errors = tooBig.map((message) => ({ severity: 'error' as const, path: '', message }));
    set({ importStatus: { phase: 'failed', files: names, errors, warnings: [] } });
    return;
  }
  cancelCurrent?.();
  const job = runImport(files, (p) =>
    set({ importStatus: { phase: p.phase, files: names, done: p.done, total: p.total } }),
  );
  cancelCurrent = job.cancel;
  set({ importStatus: { phase: 'reading', files: names, done: 0, total: files.length } });
  let result;
  try {
    result = await job.result;
  } catch (e) {
    set({ importStatus: { phase: 'idle' } });
    if (!(e instanceof ImportCancelled)) set({ notice: { kind: 'error', text: errorText(e) } });
    else set({ notice: { kind: 'info', text: e.message } });
    return;
  } finally {
    if (cancelCurrent === job.cancel) cancelCurrent = null;
  }
  if (!result.dataset) {
    set({
      importStatus: {
        phase: 'failed',
        files: names,
        errors: result.errors,
        warnings: result.warnings,
      },
    });
    return;
  }

  const entry: library.LibraryEntry = {
    id: crypto.randomUUID(),
    name: result.dataset.title,
    source: names.join(', '),
    importedAt: new Date().toISOString(),
    dataset: result.dataset,
  };
  let saved = true;
  try {
    const listing = await library.putDataset(entry);
    set({ library: [...get().library, listing] });
  } catch (e) {
    saved = false;
    set({
      notice: {
        kind: 'error',
        text: `${errorText(e)} The dataset is shown but will be gone after a reload.`,
      },
    });
  }
  loadDataset(result.dataset, entry.id);
  set({
    importStatus: {
      phase: 'done',
      files: names,
      name: entry.name,
      warnings: result.warnings,
      saved,
    },
  });
}

export function cancelImport(): void {
  cancelCurrent?.();
}

export function closeImportStatus(): void {
  set({ importStatus: { phase: 'idle' } });
}

/**
 * Shows a dataset by key: the seed or a stored one. `query` is the view to
 * open (from a URL); without it, the dataset's last view is restored.
 */
export async function switchDataset(key: string, query?: string): Promise<boolean> {
  if (key === get().datasetKey && !query) return true;
  if (key === SEED_KEY) {
    const seed = loadSeed();
    loadDataset(seed.dataset, SEED_KEY, seed.positions);
  } else {
    let entry: library.LibraryEntry | undefined;
    try {
      entry = await library.getDataset(key);
    } catch (e) {
      set({ notice: { kind: 'error', text: errorText(e) } });
      return false;
    }
    if (!entry) {
      set({
        notice: {
          kind: 'error',
          text: 'That dataset is not in this browser’s library (it may have been deleted, or the link comes from another browser).',
        },
      });
      return false;
    }
    loadDataset(entry.dataset, entry.id);
  }
  const view = query ?? loadLastView(key);
  const model = get().model;
  if (view && model) applyView(queryToView(view, model));
  return true;
}

export async function renameDataset(key: string, name: string): Promise<void> {
  const clean = name.trim();
  if (!clean || key === SEED_KEY) return;
  try {
    await library.renameDataset(key, clean);
    set({ library: get().library.map((d) => (d.id === key ? { ...d, name: clean } : d)) });
  } catch (e) {
    set({ notice: { kind: 'error', text: errorText(e) } });
  }
}

/** Deletes a stored dataset; if it is on screen, the seed is shown instead. */
export async function deleteDataset(key: string): Promise<void> {
  if (key === SEED_KEY) return;
  try {
    await library.deleteDataset(key);
  } catch (e) {
    set({ notice: { kind: 'error', text: errorText(e) } });
    return;
  }
  forgetDataset(key);
  set({ library: get().library.filter((d) => d.id !== key) });
  if (get().datasetKey === key) await switchDataset(SEED_KEY);
}
