/**
 * The user's dataset library in IndexedDB (through `idb`): imported datasets
 * survive reloads. Every failure (private mode, quota, a blocked upgrade)
 * becomes a `StorageError` with a message a user can act on; nothing is
 * swallowed.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { Dataset } from '../core/schema';

export interface LibraryEntry {
  id: string;
  /** The name shown in the dataset switcher (the user may rename it). */
  name: string;
  /** The file(s) it came from. */
  source: string;
  importedAt: string;
  dataset: Dataset;
}

export type LibraryListing = Omit<LibraryEntry, 'dataset'> & { actors: number; relations: number };

interface LibrarySchema extends DBSchema {
  datasets: { key: string; value: LibraryEntry };
}

export class StorageError extends Error {}

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
  opening ??= openDB<LibrarySchema>(DB_NAME, 1, {
    upgrade(database) {
      database.createObjectStore('datasets', { keyPath: 'id' });
    },
    blocked() {
      // Another tab holds an older version open; ours waits until it closes.
    },
  }).catch((e: unknown) => {
    opening = null;
    throw explain('open the dataset library', e);
  });
  return opening;
}

const listing = ({ dataset, ...rest }: LibraryEntry): LibraryListing => ({
  ...rest,
  actors: dataset.actors.length,
  relations: dataset.relations.length,
});

/** The stored datasets, without their contents, oldest first. */
export async function listDatasets(): Promise<LibraryListing[]> {
  try {
    const all = await (await db()).getAll('datasets');
    return all.map(listing).sort((a, b) => a.importedAt.localeCompare(b.importedAt));
  } catch (e) {
    throw e instanceof StorageError ? e : explain('read the dataset library', e);
  }
}

export async function getDataset(id: string): Promise<LibraryEntry | undefined> {
  try {
    return await (await db()).get('datasets', id);
  } catch (e) {
    throw e instanceof StorageError ? e : explain('read a stored dataset', e);
  }
}

export async function putDataset(entry: LibraryEntry): Promise<LibraryListing> {
  try {
    await (await db()).put('datasets', entry);
    return listing(entry);
  } catch (e) {
    throw e instanceof StorageError ? e : explain(`save “${entry.name}”`, e);
  }
}

export async function renameDataset(id: string, name: string): Promise<void> {
  try {
    const d = await db();
    const tx = d.transaction('datasets', 'readwrite');
    const entry = await tx.store.get(id);
    if (!entry) throw new StorageError('That dataset is no longer stored.');
    await tx.store.put({ ...entry, name });
    await tx.done;
  } catch (e) {
    throw e instanceof StorageError ? e : explain('rename the dataset', e);
  }
}

export async function deleteDataset(id: string): Promise<void> {
  try {
    await (await db()).delete('datasets', id);
  } catch (e) {
    throw e instanceof StorageError ? e : explain('delete the dataset', e);
  }
}
