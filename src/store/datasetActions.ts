/**
 * Dataset actions: import files, switch between the seed and the user's
 * stored datasets, rename and delete. A failed import never touches what is
 * loaded; a storage failure is reported and the data still shown.
 */
import { knownParts, unpackPositions, type ExplorerModel } from '../core/explorer-model';
import type { WorkerPhase } from '../import/import.worker';
import type { ImportChoices } from '../import/importWithChoices';
import {
  ImportCancelled,
  runImport,
  runOpen,
  type ImportOutcome,
  type OpenOutcome,
} from '../import/runImport';
import { sizeProblemsOf } from '../import/limits';
import { checkDatasetName, nameFromTitle } from './datasetName';
import { exampleOf, type Example } from './examples';
import * as library from './library';
import { onLibraryChangeElsewhere } from './libraryChannel';
import { forgetDataset, loadLastView } from './persistence';
import { loadSeed } from './seed';
import {
  applyView,
  loadDataset,
  loadDatasetInSlices,
  endRefinement,
  refinePositions,
  SEED_KEY,
  startRefinement,
  useStore,
  type ImportPhase,
} from './store';
import { queryToView } from './url';

const set = useStore.setState;
const get = useStore.getState;

let cancelCurrent: (() => void) | null = null;

const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e));

/**
 * The column-mapping code (the mappings remembered per header, read back through their zod
 * schema, and the suggestion for a header not recognised) is needed once files are imported,
 * not for the first picture: loaded then.
 */
const loadMappingCode = () =>
  Promise.all([import('./mappingMemory'), import('../core/io/column-mapping')]).then(
    ([memory, columnMapping]) => ({ ...memory, suggestMapping: columnMapping.suggestMapping }),
  );

let latestRefresh = 0;

/**
 * Reads the library's listing into the store; reports storage failures. Only
 * the latest read is applied: IndexedDB starts a read after every write begun
 * before it, so a later read never sees an older library than an earlier one.
 *
 * If the dataset on screen was deleted (in another tab: this tab's own
 * deletion switches away first), it stays on screen with a notice, rather than
 * being replaced under the user's eyes: they may be in the middle of reading
 * or exporting it, and can still switch datasets when they choose.
 */
export async function refreshLibrary(): Promise<void> {
  const refresh = ++latestRefresh;
  let listing: library.LibraryListing[];
  try {
    listing = await library.listDatasets();
  } catch (e) {
    set({ notice: { kind: 'error', text: errorText(e) } });
    return;
  }
  if (refresh !== latestRefresh) return;
  const { library: before, datasetKey } = get();
  set({ library: listing });
  const onScreen = before.find((d) => d.id === datasetKey);
  if (onScreen && !listing.some((d) => d.id === datasetKey))
    set({
      notice: {
        kind: 'info',
        text: `“${onScreen.name}” was deleted from this browser’s library in another tab. It stays on screen until you switch datasets, but it is no longer stored and will be gone after a reload.`,
      },
    });
}

/** Keeps this tab's library in step with imports, renames and deletions made in other tabs. */
export function followLibraryInOtherTabs(): () => void {
  return onLibraryChangeElsewhere(() => void refreshLibrary());
}

/**
 * The files of the import the panel shows, what was chosen for them and the
 * library entry it saved: the panel re-runs it with a column mapping or
 * other event options (`rerunImport`).
 */
let shownImport: { files: File[]; choices: ImportChoices; savedId?: string } | null = null;

/**
 * Imports files as one dataset; on success it is stored and shown. The worker
 * parses, lays out and saves it; the page builds the model in slices. Cancel
 * works in every phase, and a cancelled import leaves nothing in the library.
 * A table whose header is not recognised opens the column mapping (or is
 * read with the mapping remembered for its header). `replaces`: the library
 * entry of an earlier run of this import, deleted once this one succeeds.
 */
export async function importFiles(
  files: File[],
  choices: ImportChoices = {},
  replaces?: string,
): Promise<void> {
  const names = files.map((f) => f.name);
  // A file over the limit is told by its first bytes, for advice that fits what it is.
  const tooBig = await sizeProblemsOf(files);
  if (tooBig.length) {
    const errors = tooBig.map((message) => ({ severity: 'error' as const, path: '', message }));
    set({ importStatus: { phase: 'failed', files: names, errors, warnings: [] } });
    return;
  }
  let mappingCode: Awaited<ReturnType<typeof loadMappingCode>>;
  try {
    mappingCode = await loadMappingCode();
  } catch (e) {
    const message = `The import's code could not be loaded (${errorText(e)}): try again.`;
    const errors = [{ severity: 'error' as const, path: '', message }];
    set({ importStatus: { phase: 'failed', files: names, errors, warnings: [] } });
    return;
  }
  const { loadRememberedMappings, rememberUsedMapping, suggestMapping } = mappingCode;
  cancelCurrent?.();
  const progress = (phase: ImportPhase, done: number, total: number) =>
    set({ importStatus: { phase, files: names, done, total } });
  const saveAs = {
    id: crypto.randomUUID(),
    source: names.join(', '),
    importedAt: new Date().toISOString(),
  };
  const sent = { remembered: loadRememberedMappings(), ...choices };
  const job = runImport(
    files,
    (p) => {
      if (p.phase !== 'opening') progress(p.phase, p.done, p.total);
    },
    saveAs,
    sent,
  );
  const load = startLoad();
  const cancel = () => {
    job.cancel();
    load.abort(new ImportCancelled('Import cancelled.'));
  };
  cancelCurrent = cancel;
  progress('reading', 0, files.length);
  try {
    const result = await job.result;
    const { reading } = result;
    const events = choices.events ?? {};
    shownImport = { files, choices, savedId: replaces };
    if (result.needsMapping) {
      const table = result.needsMapping;
      const mapping = suggestMapping(table.header);
      set({ importStatus: { phase: 'mapping', files: names, table, mapping, events } });
      return;
    }
    if (!result.dataset) {
      if (result.saved) void discard(saveAs.id);
      const { errors, warnings } = result;
      set({ importStatus: { phase: 'failed', files: names, errors, warnings, reading, events } });
      return;
    }
    const { dataset, saved } = result;
    if (saved && 'error' in saved)
      set({
        notice: {
          kind: 'error',
          text: `${saved.error} The dataset is shown but will be gone after a reload.`,
        },
      });
    else if (saved) set({ library: [...get().library.filter((d) => d.id !== saved.id), saved] });
    progress('building', 0, 1);
    const model = await loadDatasetInSlices(
      dataset,
      saveAs.id,
      knownParts(dataset, result.derived),
      { signal: load.signal, onProgress: (done) => progress('building', done, 1) },
    );
    followRefinement(model, result, load.signal, job.cancel);
    const name = saved && !('error' in saved) ? saved.name : nameFromTitle(dataset.title);
    const stored = Boolean(saved && !('error' in saved));
    if (stored && replaces !== undefined) {
      forgetDataset(replaces);
      void discard(replaces);
    }
    shownImport = { files, choices, savedId: stored ? saveAs.id : replaces };
    if (reading && !rememberUsedMapping(reading))
      set({
        notice: {
          kind: 'info',
          text: 'Your column mapping could not be remembered (this browser’s storage is full or turned off); it was used for this import only.',
        },
      });
    const { warnings } = result;
    set({
      importStatus: { phase: 'done', files: names, name, warnings, saved: stored, reading, events },
    });
  } catch (e) {
    set({ importStatus: { phase: 'idle' } });
    if (e instanceof ImportCancelled) {
      // The worker may have saved it before the cancel: a cancelled import leaves nothing.
      void discard(saveAs.id);
      set({ notice: { kind: 'info', text: e.message } });
    } else if (!(e instanceof LoadSuperseded))
      set({ notice: { kind: 'error', text: errorText(e) } });
  } finally {
    if (cancelCurrent === cancel) cancelCurrent = null;
  }
}

/** Removes an import that was saved but not completed; quietly (it may not be stored at all). */
async function discard(id: string): Promise<void> {
  await library.deleteDataset(id).catch(() => undefined);
  set({ library: get().library.filter((d) => d.id !== id) });
}

/** A load stopped because another dataset was asked for meanwhile. */
class LoadSuperseded extends Error {}

let currentLoad: AbortController | null = null;

/** Starts loading a dataset: a load still running (building in slices) is abandoned. */
function startLoad(): AbortController {
  currentLoad?.abort(new LoadSuperseded('another dataset was opened'));
  currentLoad = new AbortController();
  return currentLoad;
}

export function cancelImport(): void {
  cancelCurrent?.();
}

export function closeImportStatus(): void {
  shownImport = null;
  set({ importStatus: { phase: 'idle' } });
}

/**
 * Runs the import the panel shows again, with a change of choices (a column
 * mapping, event options). A successful run replaces the dataset the
 * earlier run stored; a failed one leaves everything as it was.
 */
export async function rerunImport(change: ImportChoices): Promise<void> {
  if (!shownImport) return;
  const { files, choices, savedId } = shownImport;
  await importFiles(files, { ...choices, ...change }, savedId);
}

/**
 * Shows a dataset by key: the seed or a stored one. `query` is the view to
 * open (from a URL); without it, the dataset's last view is restored.
 */
export async function switchDataset(key: string, query?: string): Promise<boolean> {
  if (key === get().datasetKey && !query) return true;
  const load = startLoad();
  const example = exampleOf(key);
  if (key === SEED_KEY) {
    const seed = loadSeed();
    loadDataset(seed.dataset, SEED_KEY, seed.positions);
  } else if (example) {
    if (!(await openExample(example, load.signal))) return showSeedIfEmpty(load.signal);
  } else {
    // Looked up at each step: a page opened on a link starts before the library's listing is read.
    const name = () => get().library.find((d) => d.id === key)?.name ?? 'the dataset';
    const opening = (done: number) => {
      if (!load.signal.aborted) set({ opening: { name: name(), done } });
    };
    opening(0);
    try {
      if (!(await openStored(key, load.signal, opening))) return showSeedIfEmpty(load.signal);
    } finally {
      if (!load.signal.aborted) set({ opening: null });
    }
  }
  const view = query ?? loadLastView(key);
  const model = get().model;
  if (view && model) applyView(queryToView(view, model));
  return true;
}

/**
 * After a dataset failed to open (its notice says why), the seed when nothing is shown: the page
 * was opened on a link to that dataset (`main.tsx` does not draw the seed first), and a bare
 * URL shows the seed. Not when another dataset's opening superseded this one.
 */
function showSeedIfEmpty(signal: AbortSignal): false {
  if (!signal.aborted && !get().model) {
    const seed = loadSeed();
    loadDataset(seed.dataset, SEED_KEY, seed.positions);
  }
  return false;
}

/**
 * Fetches a shipped example (a static JSON file, validated and laid out at build time) and builds
 * its model in slices with the "Opening…" bar; a failed fetch is a notice, and what is on
 * screen stays.
 */
async function openExample(example: Example, signal: AbortSignal): Promise<boolean> {
  const opening = (done: number) => {
    if (!signal.aborted) set({ opening: { name: example.name, done } });
  };
  opening(0);
  try {
    // The download is the first half of the bar; building the model the second.
    const { dataset, positions } = await example.load({
      signal,
      onProgress: (done) => opening(0.5 * done),
    });
    if (signal.aborted) return false;
    opening(0.5);
    await loadDatasetInSlices(
      dataset,
      example.key,
      { positions },
      {
        signal,
        onProgress: (done) => opening(0.5 + 0.5 * done),
      },
    );
    return true;
  } catch (e) {
    if (!signal.aborted)
      set({ notice: { kind: 'error', text: `Could not open “${example.name}”: ${errorText(e)}` } });
    return false;
  } finally {
    if (!signal.aborted) set({ opening: null });
  }
}

/** Shares of the "Opening…" bar: reading in the worker, laying out there, receiving, building. */
const OPENING_SHARES: Partial<Record<WorkerPhase, readonly [number, number]>> = {
  opening: [0, 0.3],
  'laying out': [0.3, 0.4],
  sending: [0.4, 0.6],
};

/**
 * Opens a stored dataset through the worker (`runOpen`): it reads the library, so the stored
 * layout and index are moved to the page rather than copied on it, and it lays out and indexes
 * an entry that has none (stored before they were kept, or edited since) and stores them. The
 * page builds the rest of the model in slices: no long task. A big dataset laid out now is
 * shown in a quick layout and refined (`followRefinement`).
 */
async function openStored(
  key: string,
  signal: AbortSignal,
  onProgress: (done: number) => void,
): Promise<boolean> {
  const job = runOpen(key, ({ phase, done, total }) => {
    const [from, to] = OPENING_SHARES[phase] ?? [];
    if (from !== undefined && to !== undefined) onProgress(from + ((to - from) * done) / total);
  });
  signal.addEventListener('abort', job.cancel);
  let opened: OpenOutcome;
  try {
    opened = await job.result;
  } catch (e) {
    if (signal.aborted) return false;
    throw e;
  }
  if (signal.aborted) return false;
  if (!opened.found) {
    set({
      notice: {
        kind: 'error',
        text:
          opened.error ??
          'That dataset is not in this browser’s library (it may have been deleted, or the link comes from another browser).',
      },
    });
    return false;
  }
  const { dataset, outcome } = opened;
  library.noteRevisionRead(key, outcome.revision ?? 0);
  try {
    const model = await loadDatasetInSlices(dataset, key, knownParts(dataset, outcome.derived), {
      signal,
      onProgress: (done) => onProgress(0.6 + 0.4 * done),
    });
    followRefinement(model, outcome, signal, job.cancel);
  } catch (e) {
    if (signal.aborted) return false;
    throw e;
  }
  return true;
}

/**
 * Asks the worker for the refined layout of a dataset shown in a quick one once the graph
 * view has drawn it (computed earlier, it competed with the drawing for the CPU: see
 * import.worker.ts `refineAsked`), and applies it if it comes before another dataset is opened
 * (the store holds it back while time plays); opening another dataset stops the worker
 * (`stopWorker`).
 */
function followRefinement(
  model: ExplorerModel,
  { derived, refine }: ImportOutcome,
  signal: AbortSignal,
  stopWorker: () => void,
): void {
  if (!refine || !derived) return;
  const quick = unpackPositions(model.dataset, derived.positions);
  startRefinement(model);
  signal.addEventListener('abort', stopWorker);
  whenDrawn(model)
    .then(refine)
    .then(
      (packed) => {
        if (!signal.aborted)
          refinePositions(model, { quick, refined: unpackPositions(model.dataset, packed) });
      },
      // The worker failed while refining: the quick layout stays (it is what is stored).
      () => endRefinement(model),
    );
}

/** Models whose first picture the graph view has drawn whole, and who waits for it. */
const drawnModels = new WeakSet<ExplorerModel>();
const drawnWaiters = new WeakMap<ExplorerModel, (() => void)[]>();

/** The graph view has mounted the whole first picture of `model` (GraphCanvas says so). */
export function pictureDrawn(model: ExplorerModel): void {
  drawnModels.add(model);
  for (const go of drawnWaiters.get(model) ?? []) go();
  drawnWaiters.delete(model);
}

function whenDrawn(model: ExplorerModel): Promise<void> {
  if (drawnModels.has(model)) return Promise.resolve();
  return new Promise((go) => drawnWaiters.set(model, [...(drawnWaiters.get(model) ?? []), go]));
}

/**
 * Renames a stored dataset; true if it was renamed. A name that is empty or
 * too long is refused with a notice saying why.
 */
export async function renameDataset(key: string, typed: string): Promise<boolean> {
  if (key === SEED_KEY) return false;
  const check = checkDatasetName(typed);
  if (!check.ok) {
    set({ notice: { kind: 'error', text: check.message } });
    return false;
  }
  const { name } = check;
  const oldName = get().library.find((d) => d.id === key)?.name;
  try {
    await library.renameDataset(key, name);
  } catch (e) {
    const gone = e instanceof library.DatasetGoneError;
    if (gone) await refreshLibrary();
    set({
      notice: {
        kind: 'error',
        text: gone
          ? `Could not rename “${oldName ?? name}” to “${name}”: it is no longer stored (it was deleted, perhaps in another tab).`
          : errorText(e),
      },
    });
    return false;
  }
  set({ library: get().library.map((d) => (d.id === key ? { ...d, name } : d)) });
  // Then read back what is stored: if another tab renamed it at the same moment, every tab
  // ends with the rename IndexedDB ran last (the other tab re-reads on this tab's message).
  await refreshLibrary();
  return true;
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
  // Off the listing before anything else awaits, so a refresh prompted by another tab
  // meanwhile does not take this deletion for one made elsewhere.
  set({ library: get().library.filter((d) => d.id !== key) });
  if (get().datasetKey === key) await switchDataset(SEED_KEY);
}
