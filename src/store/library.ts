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
}

export type LibraryListing = Omit<LibraryEntry, 'dataset' | 'derived'> & {
  actors: number;
  relations: number;
};

type StoredHead = { id: string; n: 0; head: DatasetHead; derived?: DerivedData };
type StoredPart = { id: string; n: number } & DatasetPart;

interface LibrarySchema extends DBSchema {
  datasets: { key: string; value: LibraryListing };
  parts: { key: [string, number]; value: StoredHead | StoredPart };
  stories: { key: string; value: { id: string; stories: Story[] } };
}

/** All parts of dataset `id`. */
const partsOf = (id: string) => IDBKeyRange.bound([id, 0], [id, Infinity]);

export class StorageError extends Error {}

/** The dataset an action targets is not in the library (deleted, perhaps in another tab). */
export class DatasetGoneError extends StorageError {}

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

function db(): Promise<IDBPDatabase<LibrarySchema>> {
  if (typeof indexedDB === 'undefined')
    return Promise.reject(
      new StorageError('This browser has no IndexedDB, so imported datasets cannot be kept.'),
    );
  opening ??= openDB<LibrarySchema>(DB_NAME, 3, {
    async upgrade(database, oldVersion, _newVersion, tx) {
      if (oldVersion < 1) database.createObjectStore('datasets', { keyPath: 'id' });
      if (oldVersion < 2) {
        database.createObjectStore('parts', { keyPath: ['id', 'n'] });
        await moveWholeEntriesToParts(tx);
      }
      if (oldVersion < 3) database.createObjectStore('stories', { keyPath: 'id' });
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

/** The stored form of an entry: its head, then its parts. */
function records(entry: LibraryEntry): (StoredHead | StoredPart)[] {
  const { head, parts } = splitDataset(entry.dataset);
  return [
    { id: entry.id, n: 0, head, ...(entry.derived && { derived: entry.derived }) },
    ...parts.map((part, i) => ({ id: entry.id, n: i + 1, ...part })),
  ];
}

/** The stored datasets, without their contents, oldest first. */
export async function listDatasets(): Promise<LibraryListing[]> {
  try {
    const all = await (await db()).getAll('datasets');
    return all.sort((a, b) => a.importedAt.localeCompare(b.importedAt));
  } catch (e) {
    throw e instanceof StorageError ? e : explain('read the dataset library', e);
  }
}

/**
 * A stored dataset, read part by part in one transaction (each part is copied
 * in its own task); `onProgress` gets the share read. Undefined if not stored.
 */
export async function getDataset(
  id: string,
  onProgress?: (done: number) => void,
): Promise<LibraryEntry | undefined> {
  try {
    const tx = (await db()).transaction(['datasets', 'parts']);
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
    return { id, name, source, importedAt, dataset: assembler.dataset(), derived: first.derived };
  } catch (e) {
    throw e instanceof StorageError ? e : explain('read a stored dataset', e);
  }
}

/**
 * Stores an entry, its listing and its parts in one transaction. The import
 * worker calls it, so a big dataset is copied into storage off the page.
 */
export async function putDataset(entry: LibraryEntry): Promise<LibraryListing> {
  try {
    const tx = (await db()).transaction(['datasets', 'parts'], 'readwrite');
    const parts = tx.objectStore('parts');
    // Requests queued at once, awaited together: a failed one aborts the transaction.
    await Promise.all([
      parts.delete(partsOf(entry.id)),
      ...records(entry).map((record) => parts.put(record)),
      tx.objectStore('datasets').put(listing(entry)),
      tx.done,
    ]);
    announceLibraryChange({ kind: 'saved', id: entry.id });
    return listing(entry);
  } catch (e) {
    throw e instanceof StorageError ? e : explain(`save “${entry.name}”`, e);
  }
}

/** Keeps the layout and index computed for a stored dataset that had none (stored by version 1). */
export async function putDerived(id: string, derived: DerivedData): Promise<void> {
  try {
    const tx = (await db()).transaction('parts', 'readwrite');
    const first = await tx.store.get([id, 0]);
    if (first && 'head' in first) await tx.store.put({ ...first, derived });
    await tx.done;
  } catch (e) {
    throw e instanceof StorageError ? e : explain('keep the layout of a stored dataset', e);
  }
}

/**
 * Renames a stored dataset in one readwrite transaction (IndexedDB runs
 * overlapping readwrite transactions one after the other, so when two tabs
 * rename at once the later transaction wins), then tells the other tabs.
 * Throws `DatasetGoneError` if the dataset was deleted meanwhile.
 */
export async function renameDataset(id: string, name: string): Promise<void> {
  try {
    const d = await db();
    const tx = d.transaction('datasets', 'readwrite');
    const entry = await tx.store.get(id);
    if (!entry)
      throw new DatasetGoneError(
        'That dataset is no longer stored (it was deleted, perhaps in another tab).',
      );
    await tx.store.put({ ...entry, name });
    await tx.done;
  } catch (e) {
    throw e instanceof StorageError ? e : explain('rename the dataset', e);
  }
  announceLibraryChange({ kind: 'renamed', id });
}

export async function deleteDataset(id: string): Promise<void> {
  try {
    const tx = (await db()).transaction(['datasets', 'parts', 'stories'], 'readwrite');
    await Promise.all([
      tx.objectStore('datasets').delete(id),
      tx.objectStore('parts').delete(partsOf(id)),
      tx.objectStore('stories').delete(id),
      tx.done,
    ]);
  } catch (e) {
    throw e instanceof StorageError ? e : explain('delete the dataset', e);
  }
  announceLibraryChange({ kind: 'deleted', id });
}

/**
 * The stories kept for a dataset (the seed's key included); undefined when the user never
 * edited them there, so the dataset's own stories apply.
 */
export async function getStories(datasetId: string): Promise<Story[] | undefined> {
  try {
    return (await (await db()).get('stories', datasetId))?.stories;
  } catch (e) {
    throw e instanceof StorageError ? e : explain('read the stories kept in this browser', e);
  }
}

/** Keeps a dataset's stories, replacing what was kept. */
export async function putStories(datasetId: string, stories: readonly Story[]): Promise<void> {
  try {
    await (await db()).put('stories', { id: datasetId, stories: [...stories] });
  } catch (e) {
    throw e instanceof StorageError ? e : explain('keep the stories', e);
  }
}
