/**
 * The library actions against a stand-in for IndexedDB (the browser test
 * tests/e2e/library-tabs.e2e.ts drives the real one): the latest read of the
 * library wins, a dataset on screen that another tab deleted stays loaded with
 * a notice, and renames are checked and report a dataset deleted meanwhile.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Dataset } from '../core/schema';
import type { LibraryListing } from './library';

const stored = vi.hoisted(() => ({
  listDatasets: vi.fn<() => Promise<LibraryListing[]>>(),
  renameDataset: vi.fn<(id: string, name: string) => Promise<void>>(),
}));

vi.mock('./library', async (original) => ({
  ...(await original<typeof import('./library')>()),
  listDatasets: stored.listDatasets,
  renameDataset: stored.renameDataset,
}));

const { refreshLibrary, renameDataset } = await import('./datasetActions');
const { DatasetGoneError } = await import('./library');
const { loadDataset, useStore } = await import('./store');

const dataset: Dataset = {
  title: 'On screen',
  sources: [],
  actorTypes: [],
  relationKinds: [],
  actors: [{ id: 'a', label: 'A', type: 'state' }],
  relations: [],
  events: [],
};

const entry = (id: string, name: string): LibraryListing => ({
  id,
  name,
  source: `${id}.json`,
  importedAt: '2024-01-01T00:00:00.000Z',
  actors: 1,
  relations: 0,
});

beforeEach(() => {
  vi.clearAllMocks();
  loadDataset(dataset, 'd1');
  useStore.setState({ library: [entry('d1', 'Kabul'), entry('d2', 'Other')], notice: null });
});

describe('refreshLibrary', () => {
  it('applies only the latest read when reads finish out of order', async () => {
    let finishFirst!: (l: LibraryListing[]) => void;
    stored.listDatasets
      .mockReturnValueOnce(new Promise((resolve) => (finishFirst = resolve)))
      .mockResolvedValueOnce([entry('d1', 'Newest'), entry('d2', 'Other')]);
    const first = refreshLibrary();
    await refreshLibrary();
    finishFirst([entry('d1', 'Stale'), entry('d2', 'Other')]);
    await first;
    expect(useStore.getState().library.map((d) => d.name)).toEqual(['Newest', 'Other']);
  });

  it('keeps a dataset deleted in another tab on screen and says so', async () => {
    stored.listDatasets.mockResolvedValueOnce([entry('d2', 'Other')]);
    const model = useStore.getState().model;
    await refreshLibrary();
    const state = useStore.getState();
    expect(state.library.map((d) => d.id)).toEqual(['d2']);
    expect(state.model).toBe(model);
    expect(state.datasetKey).toBe('d1');
    expect(state.notice?.text).toMatch(
      /^“Kabul” was deleted from this browser’s library in another tab\. It stays on screen until you switch datasets/,
    );
  });

  it('says nothing when another dataset goes', async () => {
    stored.listDatasets.mockResolvedValueOnce([entry('d1', 'Kabul')]);
    await refreshLibrary();
    expect(useStore.getState().notice).toBeNull();
  });
});

describe('renameDataset', () => {
  it('refuses a name over 200 characters without touching storage', async () => {
    await expect(renameDataset('d1', 'x'.repeat(5000))).resolves.toBe(false);
    expect(stored.renameDataset).not.toHaveBeenCalled();
    expect(useStore.getState().notice).toEqual({
      kind: 'error',
      text: 'A dataset name can have at most 200 characters; this one has 5,000.',
    });
  });

  it('shows the stored name after renaming', async () => {
    stored.renameDataset.mockResolvedValueOnce();
    // Another tab's rename ran after this one: the stored name is theirs, and this tab shows it.
    stored.listDatasets.mockResolvedValueOnce([entry('d1', 'Theirs'), entry('d2', 'Other')]);
    await expect(renameDataset('d1', '  Mine ')).resolves.toBe(true);
    expect(stored.renameDataset).toHaveBeenCalledWith('d1', 'Mine');
    expect(useStore.getState().library[0]!.name).toBe('Theirs');
  });

  it('tells the user when the dataset was deleted meanwhile', async () => {
    stored.renameDataset.mockRejectedValueOnce(new DatasetGoneError('gone'));
    stored.listDatasets.mockResolvedValueOnce([entry('d2', 'Other')]);
    await expect(renameDataset('d1', 'Mine')).resolves.toBe(false);
    expect(useStore.getState().notice).toEqual({
      kind: 'error',
      text: 'Could not rename “Kabul” to “Mine”: it is no longer stored (it was deleted, perhaps in another tab).',
    });
    expect(useStore.getState().library.map((d) => d.id)).toEqual(['d2']);
  });
});
