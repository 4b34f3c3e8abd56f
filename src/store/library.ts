/**
 * The user's dataset library in IndexedDB (through `idb`): imported datasets
 * survive reloads. Every failure (private mode, quota, a blocked upgrade)
 * becomes a `StorageError` with a message a user can act on; nothing is
 * swallowed.
 *
 * Layout (version 2): `datasets` holds one small listing per dataset (what
 * the switcher shows; renames change only it); `parts` holds the contents,
 * keyed [id, n]: part 0 is the head (everything but the long lists, and the
 * derived layout and index), parts 1… the actors, relations and events in
 * slices of `PART_ITEMS` (`core/datasetParts.ts`). Reading a million relations
 * is then a hundred reads of a few milliseconds each, never one long task; the
 * import worker writes them. Version 1 kept whole entries in `datasets`; the
 * upgrade moves them into parts (without derived data: it is computed on their
 * next opening and stored then). Version 3 adds `stories`: the stories the user
 * edited for a dataset, keyed by the dataset's id (the seed's too, which is not
 * stored here), kept apart so that editing a caption writes a few bytes, not
 * the dataset's head and its derived arrays.
 *
 * Version 4 adds authoring (`editing.ts`). `journal` holds the edits made to a
 * stored dataset, keyed [id, seq], appended one per edit: a keystroke's edit
 * writes one small record, never the dataset's parts. Opening a dataset
 * replays the entries after the head's `folded` mark over its parts; now and
 * then the edited dataset is written back into the parts and the mark moved
 * (`foldJournal`). Entries stay after folding: the undo history and the
 * changelog are read from them. The last entry's `seq` is the dataset's
 * revision: each append checks, in its readwrite transaction, that it is the
 * revision this tab last saw, so a tab never writes over another tab's edit.
 * `sourceTexts` holds the full texts of sources that quotes are checked
 * against, keyed [dataset id, source id].
 */
import {
  openDB,
  type DBSchema,
  type IDBPDatabase,
  type IDBPTransaction,
  type StoreNames,
} from 'idb';
import {
  DatasetAssembler,
  partCount,
  splitDataset,
  type DatasetHead,
  type DatasetPart,
} from '../core/datasetParts';
import type { Edit } from '../core/edit/edit';
import type { DerivedData } from '../core/explorer-model';
import type { Dataset, Story } from '../core/schema';
import { announceLibraryChange } from './libraryChannel';

export interface LibraryEntry {
  id: string;
  /** The name shown in the dataset switcher (the user may rename it). */
  name: string;
  /** The file(s) it came from. */
  source: string;
  importedAt: string;
  dataset: Dataset;
  /** The layout and index computed for `dataset`, when known (stored with it). */
  derived?: DerivedData;
  /** The edits made to it in this browser, oldest first (read back with it; see `journal`). */
  journal?: JournalStep[];
}

export type LibraryListing = Omit<LibraryEntry, 'dataset' | 'derived' | 'journal'> & {
  actors: number;
  relations: number;
};

/**
 * One step of authoring as stored: an edit made, undone or redone. `edit` is what was applied
 * to the dataset (for an undo, the inverse of the edit undone), so replaying entries in order
 * rebuilds the dataset; `description` is the changelog's line for the edit made.
 */
export interface JournalEntry {
  id: string;
  seq: number;
  action: 'edit' | 'undo' | 'redo';
  edit: Edit;
  description: string;
}

/** A journal entry as its writer gives it (the library numbers it). */
export type JournalStep = Pick<JournalEntry, 'action' | 'edit' | 'description'>;

/** `folded`: the last journal entry already written into the parts (0 or absent: none). */
type StoredHead = {
  id: string;
  n: 0;
  head: DatasetHead;
  derived?: DerivedData;
  folded?: number;
};
type StoredPart = { id: string; n: number } & DatasetPart;

interface LibrarySchema extends DBSchema {
  datasets: { key: string; value: LibraryListing };
  parts: { key: [string, number]; value: StoredHead | StoredPart };
  stories: { key: string; value: { id: string; stories: Story[] } };
  journal: { key: [string, number]; value: JournalEntry };
  sourceTexts: { key: [string, string]; value: { id: string; source: string; text: string } };
}

/** All parts of dataset `id` (also: all its journal entries). */
const partsOf = (id: string) => IDBKeyRange.bound([id, 0], [id, Infinity]);
/** All source texts kept for dataset `id` (every string sorts after ''; arrays after strings). */
const textsOf = (id: string) => IDBKeyRange.bound([id, ''], [id, []]);

export class StorageError extends Error {}

/** The dataset an action targets is not in the library (deleted, perhaps in another tab). */
export class DatasetGoneError extends StorageError {}

/** Another tab saved edits to the dataset since this tab last read it: nothing was written. */
export class RevisionConflictError extends StorageError {
  constructor(readonly stored: number) {
    super('Another tab saved changes to this dataset since this tab read it.');
  }
}

const DB_NAME = 'allegiance';
let opening: Promise<IDBPDatabase<LibrarySchema>> | null = null;

function explain(action: string, e: unknown): StorageError {
  const name = e instanceof DOMException ? e.name : '';
  const reason =
    name === 'QuotaExceededError'
      ? 'the browser’s storage quota is full; delete a dataset or free space'
      : name === 'InvalidStateError' || name === 'SecurityError'
        ? 'this browser does not allow storage here (private mode or blocked site data)'
        : e instanceof Error
          ? e.message
          : String(e);
  return new StorageError(`Could not ${action}: ${reason}.`);
}

/**
 * Runs a storage action: any failure but our own StorageError becomes one that says what could
 * not be done and why (see {@link explain}).
 */
async function storing<T>(action: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (e) {
    throw e instanceof StorageError ? e : explain(action, e);
  }
}

function db(): Promise<IDBPDatabase<LibrarySchema>> {
  if (typeof indexedDB === 'undefined')
    return Promise.reject(
      new StorageError('This browser has no IndexedDB, so imported datasets cannot be kept.'),
    );
  opening ??= openDB<LibrarySchema>(DB_NAME, 4, {
    async upgrade(database, oldVersion, _newVersion, tx) {
      if (oldVersion < 1) database.createObjectStore('datasets', { keyPath: 'id' });
      if (oldVersion < 2) {
        database.createObjectStore('parts', { keyPath: ['id', 'n'] });
        await moveWholeEntriesToParts(tx);
      }
      if (oldVersion < 3) database.createObjectStore('stories', { keyPath: 'id' });
      if (oldVersion < 4) {
        database.createObjectStore('journal', { keyPath: ['id', 'seq'] });
        database.createObjectStore('sourceTexts', { keyPath: ['id', 'source'] });
      }
    },
    blocked() {
      // Another tab holds an older version open; ours waits until it closes.
    },
    blocking() {
      // A newer version opens in another tab (or this tab's worker): let it, reopen on next use.
      void opening?.then((d) => d.close());
      opening = null;
    },
  }).catch((e: unknown) => {
    opening = null;
    throw explain('open the dataset library', e);
  });
  return opening;
}

const listing = ({ id, name, source, importedAt, dataset }: LibraryEntry): LibraryListing => ({
  id,
  name,
  source,
  importedAt,
  actors: dataset.actors.length,
  relations: dataset.relations.length,
});

type UpgradeTransaction = IDBPTransaction<
  LibrarySchema,
  StoreNames<LibrarySchema>[],
  'versionchange'
>;

/** Version 1 → 2: each whole entry becomes a listing and parts. */
async function moveWholeEntriesToParts(tx: UpgradeTransaction): Promise<void> {
  const parts = tx.objectStore('parts');
  let cursor = await tx.objectStore('datasets').openCursor();
  while (cursor) {
    const entry = cursor.value as unknown as LibraryEntry;
    if (entry.dataset) {
      for (const record of records(entry)) await parts.put(record);
      await cursor.update(listing(entry));
    }
    cursor = await cursor.continue();
  }
}

/** The stored form of an entry: its head, then its parts; `folded`: see `StoredHead`. */
function records(entry: LibraryEntry, folded = 0): (StoredHead | StoredPart)[] {
  const { head, parts } = splitDataset(entry.dataset);
  return [
    { id: entry.id, n: 0, head, folded, ...(entry.derived && { derived: entry.derived }) },
    ...parts.map((part, i) => ({ id: entry.id, n: i + 1, ...part })),
  ];
}

/** The stored datasets, without their contents, oldest first. */
export function listDatasets(): Promise<LibraryListing[]> {
  return storing('read the dataset library', async () => {
    const all = await (await db()).getAll('datasets');
    return all.sort((a, b) => a.importedAt.localeCompare(b.importedAt));
  });
}

/** The revision of each stored dataset this tab last read or wrote (see `journal`). */
const seenRevisions = new Map<string, number>();

/** The revision of a stored dataset this tab last read or wrote; 0 before any edit. */
export function seenRevision(id: string): number {
  return seenRevisions.get(id) ?? 0;
}

/**
 * Records the revision of a dataset this tab read through a worker (`import/import.worker.ts`
 * opens stored datasets off the page, where `getDataset` notes it in the worker's memory).
 */
export function noteRevisionRead(id: string, revision: number): void {
  seenRevisions.set(id, revision);
}

/**
 * The dataset with the edits applied in order. The edit code is loaded only when a journal has
 * edits to replay (in the worker that opens stored datasets): the page loads this module up
 * front, for the library's listing, and has no use for it there.
 */
async function withEdits(dataset: Dataset, edits: readonly Edit[]): Promise<Dataset> {
  if (edits.length === 0) return dataset;
  const { applyEdit } = await import('../core/edit/apply');
  return edits.reduce((edited, edit) => applyEdit(edited, edit), dataset);
}

/**
 * A stored dataset, read part by part in one transaction (each part is copied
 * in its own task), with the edits of its journal not yet folded into the
 * parts replayed over it; `onProgress` gets the share read. Undefined if not
 * stored. Derived data is dropped when edits were replayed: it was computed
 * for the parts, not for the edited dataset.
 */
export function getDataset(
  id: string,
  onProgress?: (done: number) => void,
): Promise<LibraryEntry | undefined> {
  return storing('read a stored dataset', async () => {
    const tx = (await db()).transaction(['datasets', 'parts', 'journal']);
    const journal = await tx.objectStore('journal').getAll(partsOf(id));
    const found = await tx.objectStore('datasets').get(id);
    const first = await tx.objectStore('parts').get([id, 0]);
    if (!found || !first || !('head' in first)) return undefined;
    const assembler = new DatasetAssembler(first.head);
    const total = partCount(first.head);
    for (let n = 1; n <= total; n++) {
      const part = await tx.objectStore('parts').get([id, n]);
      if (!part || !('list' in part))
        throw new StorageError(`Could not read “${found.name}”: part ${n} of ${total} is missing.`);
      assembler.add(part);
      onProgress?.(n / total);
    }
    const { name, source, importedAt } = found;
    const unfolded = journal.filter((entry) => entry.seq > (first.folded ?? 0));
    const dataset = await withEdits(
      assembler.dataset(),
      unfolded.map((entry) => entry.edit),
    );
    seenRevisions.set(id, journal.at(-1)?.seq ?? 0);
    const derived = unfolded.length === 0 ? first.derived : undefined;
    return { id, name, source, importedAt, dataset, derived, journal };
  });
}

/**
 * Stores an entry, its listing and its parts in one transaction. The import
 * worker calls it, so a big dataset is copied into storage off the page.
 * An entry with a `journal` (an edited dataset kept as a copy) stores it as
 * already folded: `dataset` has those edits, which stay its undo history.
 */
export function putDataset(entry: LibraryEntry): Promise<LibraryListing> {
  return storing(`save “${entry.name}”`, async () => {
    const tx = (await db()).transaction(['datasets', 'parts', 'journal'], 'readwrite');
    const parts = tx.objectStore('parts');
    const journal = (entry.journal ?? []).map(({ action, edit, description }, i) => ({
      ...{ action, edit, description },
      id: entry.id,
      seq: i + 1,
    }));
    // Requests queued at once, awaited together: a failed one aborts the transaction.
    await Promise.all([
      parts.delete(partsOf(entry.id)),
      tx.objectStore('journal').delete(partsOf(entry.id)),
      ...records(entry, journal.length).map((record) => parts.put(record)),
      ...journal.map((e) => tx.objectStore('journal').put(e)),
      tx.objectStore('datasets').put(listing(entry)),
      tx.done,
    ]);
    seenRevisions.set(entry.id, journal.length);
    announceLibraryChange({ kind: 'saved', id: entry.id });
    return listing(entry);
  });
}

/**
 * Keeps the layout and index computed for a stored dataset that had none (stored by version 1,
 * or edited since). Not while its journal has edits the parts lack: `derived` would then be
 * the edited dataset's, stored beside parts it does not fit.
 */
export function putDerived(id: string, derived: DerivedData): Promise<void> {
  return storing('keep the layout of a stored dataset', async () => {
    const tx = (await db()).transaction(['parts', 'journal'], 'readwrite');
    const first = await tx.objectStore('parts').get([id, 0]);
    const last = await lastEntry(tx.objectStore('journal'), id);
    if (first && 'head' in first && (last?.seq ?? 0) <= (first.folded ?? 0))
      await tx.objectStore('parts').put({ ...first, derived });
    await tx.done;
  });
}

/**
 * Replaces a stored dataset's quick layout (`DerivedData.quickLayout`) with the refined one the
 * worker computed after showing it, so the next opening starts there. Like `putDerived`, not
 * while its journal has edits the parts lack, nor if the stored layout is no longer the quick
 * one (another tab refined or edited it meanwhile).
 */
export function putRefinedPositions(id: string, positions: Float64Array): Promise<void> {
  return storing('keep the refined layout of a stored dataset', async () => {
    const tx = (await db()).transaction(['parts', 'journal'], 'readwrite');
    const first = await tx.objectStore('parts').get([id, 0]);
    const last = await lastEntry(tx.objectStore('journal'), id);
    const derived = first && 'head' in first ? first.derived : undefined;
    if (
      derived?.quickLayout &&
      derived.positions.length === positions.length &&
      (last?.seq ?? 0) <= ((first as StoredHead).folded ?? 0)
    )
      await tx
        .objectStore('parts')
        .put({ ...(first as StoredHead), derived: { ...derived, positions, quickLayout: false } });
    await tx.done;
  });
}

/**
 * Renames a stored dataset in one readwrite transaction (IndexedDB runs
 * overlapping readwrite transactions one after the other, so when two tabs
 * rename at once the later transaction wins), then tells the other tabs.
 * Throws `DatasetGoneError` if the dataset was deleted meanwhile.
 */
export async function renameDataset(id: string, name: string): Promise<void> {
  await storing('rename the dataset', async () => {
    const d = await db();
    const tx = d.transaction('datasets', 'readwrite');
    const entry = await tx.store.get(id);
    if (!entry)
      throw new DatasetGoneError(
        'That dataset is no longer stored (it was deleted, perhaps in another tab).',
      );
    await tx.store.put({ ...entry, name });
    await tx.done;
  });
  announceLibraryChange({ kind: 'renamed', id });
}

export async function deleteDataset(id: string): Promise<void> {
  await storing('delete the dataset', async () => {
    const stores = ['datasets', 'parts', 'stories', 'journal', 'sourceTexts'] as const;
    const tx = (await db()).transaction(stores, 'readwrite');
    await Promise.all([
      tx.objectStore('datasets').delete(id),
      tx.objectStore('parts').delete(partsOf(id)),
      tx.objectStore('stories').delete(id),
      tx.objectStore('journal').delete(partsOf(id)),
      tx.objectStore('sourceTexts').delete(textsOf(id)),
      tx.done,
    ]);
  });
  announceLibraryChange({ kind: 'deleted', id });
}

/**
 * The stories kept for a dataset (the seed's key included); undefined when the user never
 * edited them there, so the dataset's own stories apply.
 */
export function getStories(datasetId: string): Promise<Story[] | undefined> {
  return storing('read the stories kept in this browser', async () => {
    return (await (await db()).get('stories', datasetId))?.stories;
  });
}

/** Keeps a dataset's stories, replacing what was kept. */
export function putStories(datasetId: string, stories: readonly Story[]): Promise<void> {
  return storing('keep the stories', async () => {
    await (await db()).put('stories', { id: datasetId, stories: [...stories] });
  });
}

// ---- authoring ------------------------------------------------------------------

type JournalStore = {
  openCursor(
    range: IDBKeyRange,
    direction: IDBCursorDirection,
  ): Promise<{ value: JournalEntry } | null>;
};

/** The newest journal entry of a dataset, read in the caller's transaction. */
async function lastEntry(store: JournalStore, id: string): Promise<JournalEntry | undefined> {
  return (await store.openCursor(partsOf(id), 'prev'))?.value;
}

/** The revision of a stored dataset now (another tab may have moved it); 0 before any edit. */
export function storedRevision(id: string): Promise<number> {
  return storing('read the dataset’s revision', async () => {
    const tx = (await db()).transaction('journal');
    return (await lastEntry(tx.store, id))?.seq ?? 0;
  });
}

/**
 * Appends one step of authoring to a dataset's journal, in one readwrite transaction that
 * first checks the stored revision is `expected` (the one this tab last saw): if another tab
 * saved meanwhile, nothing is written and `RevisionConflictError` says so. The listing's counts
 * follow `dataset` (the dataset after the edit). Returns the new revision; other tabs are told.
 */
export async function appendEdit(
  id: string,
  expected: number,
  step: JournalStep,
  dataset: Dataset,
): Promise<number> {
  const seq = await storing('save the edit', async () => {
    const tx = (await db()).transaction(['journal', 'datasets'], 'readwrite');
    const stored = (await lastEntry(tx.objectStore('journal'), id))?.seq ?? 0;
    const found = await tx.objectStore('datasets').get(id);
    if (!found)
      throw new DatasetGoneError(
        'This dataset is no longer stored (it was deleted, perhaps in another tab).',
      );
    // Nothing written: the transaction commits empty.
    if (stored !== expected) throw new RevisionConflictError(stored);
    const counts = { actors: dataset.actors.length, relations: dataset.relations.length };
    await Promise.all([
      tx.objectStore('journal').put({ ...step, id, seq: expected + 1 }),
      tx.objectStore('datasets').put({ ...found, ...counts }),
      tx.done,
    ]);
    return expected + 1;
  });
  seenRevisions.set(id, seq);
  announceLibraryChange({ kind: 'saved', id });
  return seq;
}

/**
 * Writes an edited dataset back into its parts (without derived data: computed on its next
 * opening) and marks the journal folded up to `revision`, which `dataset` must be the state
 * of. Refused like `appendEdit` if another tab saved meanwhile.
 */
export function foldJournal(id: string, dataset: Dataset, revision: number): Promise<void> {
  return storing('write the edited dataset back', async () => {
    const tx = (await db()).transaction(['journal', 'datasets', 'parts'], 'readwrite');
    const stored = (await lastEntry(tx.objectStore('journal'), id))?.seq ?? 0;
    const found = await tx.objectStore('datasets').get(id);
    if (!found || stored !== revision)
      throw found ? new RevisionConflictError(stored) : new DatasetGoneError('Dataset deleted.');
    const parts = tx.objectStore('parts');
    const entry = { ...found, dataset };
    await Promise.all([
      parts.delete(partsOf(id)),
      ...records(entry, revision).map((record) => parts.put(record)),
      tx.done,
    ]);
  });
}

/** A dataset's journal up to revision `upTo` (what this tab's copy of it contains), oldest first. */
export function getJournal(id: string, upTo: number): Promise<JournalEntry[]> {
  return storing('read the dataset’s edits', async () => {
    return await (await db()).getAll('journal', IDBKeyRange.bound([id, 0], [id, upTo]));
  });
}

/** The full texts kept for a dataset's sources (what quotes are checked against), by source id. */
export function getSourceTexts(datasetId: string): Promise<Map<string, string>> {
  return storing('read the sources’ texts', async () => {
    const all = await (await db()).getAll('sourceTexts', textsOf(datasetId));
    return new Map(all.map((t) => [t.source, t.text]));
  });
}

/** Keeps a source's full text beside a dataset (an empty text removes it). */
export function putSourceText(datasetId: string, source: string, text: string): Promise<void> {
  return storing('keep the source’s text', async () => {
    const d = await db();
    if (text === '') await d.delete('sourceTexts', [datasetId, source]);
    else await d.put('sourceTexts', { id: datasetId, source, text });
  });
}
