/**
 * Edit mode against an in-memory IndexedDB (fake-indexeddb): an unstored
 * dataset is edited as a copy, every edit, undo and redo is in the stored
 * journal at once (read back as a reload would), the undo history comes back
 * from it, a save after another tab's is refused and nothing is lost, and
 * leaving edit mode writes the edits into the dataset's parts. The browser
 * test (tests/e2e/authoring.e2e.ts) drives the same through the page.
 */
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Edit } from '../core/edit/edit';
import { updateItem } from '../core/edit/builders';
import { deriveData } from '../core/explorer-model';
import type { Actor, Dataset } from '../core/schema';
import {
  applyUserEdit,
  dismissLostQuotes,
  draftRelation,
  editsKept,
  historyOf,
  keepMineAsCopy,
  redo,
  startEditing,
  stopEditing,
  undo,
} from './editing';
import * as library from './library';
import { loadEditingOn } from './persistence';
import { loadDataset, useStore } from './store';

// The page opens a stored dataset through the import worker, which Node lacks: here it is read
// on the spot, as the worker reads it (parts, then the journal replayed).
vi.mock('./datasetActions', () => ({
  switchDataset: async (id: string) => {
    const entry = await library.getDataset(id);
    if (!entry) return false;
    loadDataset(entry.dataset, id);
    return true;
  },
}));

const dataset: Dataset = {
  title: 'Kabul 2021',
  sources: [{ id: 'art', title: 'An article' }],
  actorTypes: [],
  relationKinds: [],
  actors: [
    { id: 'taliban', label: 'Taliban', type: 'armed-group' },
    { id: 'usa', label: 'United States', type: 'state' },
  ],
  relations: [
    {
      id: 'r1',
      source: 'usa',
      target: 'taliban',
      kind: 'hostility',
      from: '2001-10',
      evidence: [],
    },
  ],
  events: [],
};

const addActor = (actor: Actor): Edit => {
  const actors = useStore.getState().model!.dataset.actors;
  return { op: 'add', list: 'actors', item: actor, index: actors.length };
};
const haqqani: Actor = { id: 'haqqani', label: 'Haqqani network', type: 'armed-group' };
const isi: Actor = { id: 'isi', label: 'ISI', type: 'intelligence-agency' };

const editing = () => useStore.getState().editing!;
const actorIds = () => useStore.getState().model!.dataset.actors.map((a) => a.id);
/** The dataset as a reload would read it: parts, then the journal replayed. */
const storedActors = async (id: string) =>
  (await library.getDataset(id))!.dataset.actors.map((a) => a.id);

/** Opens the dataset as the seed is opened (not stored) and turns edit mode on. */
async function editCopy(): Promise<string> {
  loadDataset(structuredClone(dataset), 'seed');
  await startEditing();
  return editing().datasetId;
}

beforeEach(async () => {
  await stopEditing();
  for (const d of await library.listDatasets()) await library.deleteDataset(d.id);
  useStore.setState({ library: [], notice: null });
});

describe('startEditing', () => {
  it('stores an unstored dataset as an editable copy and edits that, leaving the original', async () => {
    const id = await editCopy();
    const state = useStore.getState();
    expect(state.datasetKey).toBe(id);
    expect(id).not.toBe('seed');
    expect(state.library.map((d) => d.name)).toEqual(['Kabul 2021 (edited copy)']);
    expect(await storedActors(id)).toEqual(['taliban', 'usa']);
    expect(editing()).toMatchObject({ saved: 'saved', undo: [], redo: [], unsaved: 0 });
  });
});

describe('edits, undo and redo', () => {
  it('shows each edit at once, keeps it in the journal, and undoes and redoes it', async () => {
    const id = await editCopy();
    const before = useStore.getState().model;
    expect(applyUserEdit(addActor(haqqani))).toBe(true);
    // The view follows the edit instead of rebuilding: the previous model is named.
    expect(useStore.getState().modelEdit?.previous).toBe(before);
    expect(useStore.getState().modelEdit?.change.actors).toContain('haqqani');
    expect(actorIds()).toContain('haqqani');
    await editsKept();
    expect(editing().saved).toBe('saved');
    expect(await storedActors(id)).toContain('haqqani');

    undo();
    expect(actorIds()).not.toContain('haqqani');
    await editsKept();
    expect(await storedActors(id)).not.toContain('haqqani');

    redo();
    await editsKept();
    expect(await storedActors(id)).toContain('haqqani');
    expect(editing().undo).toHaveLength(1);
    expect(editing().redo).toEqual([]);
  });

  it('brings the undo history back from the journal, without the undone edits', async () => {
    const id = await editCopy();
    applyUserEdit(addActor(haqqani));
    applyUserEdit(addActor(isi));
    undo();
    await editsKept();
    const journal = await library.getJournal(id, library.seenRevision(id));
    expect(journal.map((e) => e.action)).toEqual(['edit', 'edit', 'undo']);
    const history = historyOf(journal);
    expect(history.undo.map((e) => e.description)).toEqual([editing().undo[0]!.description]);
    expect(history.redo).toHaveLength(1);
    // A new edit clears what could be redone.
    expect(historyOf([...journal, { ...journal[0]!, action: 'edit' }]).redo).toEqual([]);
  });

  it('clears the selection of an item an undo removes', async () => {
    await editCopy();
    applyUserEdit(addActor(haqqani));
    useStore.setState({ selection: { kind: 'actor', id: 'haqqani' } });
    undo();
    expect(useStore.getState().selection).toBeNull();
  });
});

describe('stories', () => {
  it('follow a rename in the same undo step: on screen, kept, and replayed on opening', async () => {
    const told: Dataset = {
      ...structuredClone(dataset),
      stories: [
        {
          id: 'fall',
          title: 'The fall of Kabul',
          steps: [
            { date: '2021-08', caption: 'They enter', selection: { kind: 'actor', id: 'taliban' } },
          ],
        },
      ],
    };
    loadDataset(told, 'seed');
    await startEditing();
    const id = editing().datasetId;
    const taliban = useStore.getState().model!.dataset.actors[0]!;
    const renamed = updateItem(useStore.getState().model!.dataset, 'actors', 'taliban', {
      ...taliban,
      id: 'iea',
    });
    if (!('edit' in renamed)) throw new Error(renamed.refused);
    const selected = () => useStore.getState().stories[0]!.steps[0]!.selection?.id;
    const kept = async () => (await library.getStories(id))?.[0]!.steps[0]!.selection?.id;

    applyUserEdit(renamed.edit);
    expect(selected()).toBe('iea');
    expect(useStore.getState().model!.dataset.stories).toEqual(useStore.getState().stories);
    expect(editing().undo.at(-1)!.description).toMatch(/and 1 story step naming it\)$/);
    await editsKept();
    await vi.waitFor(async () => expect(await kept()).toBe('iea'));
    const reopened = (await library.getDataset(id))!.dataset;
    expect(reopened.stories![0]!.steps[0]!.selection?.id).toBe('iea');

    undo();
    expect(selected()).toBe('taliban');
    await editsKept();
    await vi.waitFor(async () => expect(await kept()).toBe('taliban'));
  });
});

describe('story quotes', () => {
  /** The dataset with a relation whose evidence a story step quotes in part. */
  async function editQuoted(): Promise<void> {
    const quoted: Dataset = {
      ...structuredClone(dataset),
      relations: [
        {
          ...dataset.relations[0]!,
          evidence: [{ source: 'art', quote: 'US forces left Kabul on 30 August.' }],
        },
      ],
      stories: [
        {
          id: 'fall',
          title: 'The fall of Kabul',
          steps: [
            { date: '2021-08', caption: 'They enter' },
            {
              date: '2021-09',
              caption: 'They leave',
              quote: { source: 'art', text: 'left Kabul' },
            },
          ],
        },
      ],
    };
    loadDataset(quoted, 'seed');
    await startEditing();
  }
  const rewordEvidence = (quote: string) => {
    const relation = useStore.getState().model!.dataset.relations[0]!;
    const result = updateItem(useStore.getState().model!.dataset, 'relations', 'r1', {
      ...relation,
      evidence: [{ source: 'art', quote }],
    });
    if (!('edit' in result)) throw new Error(result.refused);
    return applyUserEdit(result.edit);
  };
  const shownQuote = () => useStore.getState().stories[0]!.steps[1]!.quote;

  it('names the story step whose quote an edit dropped; undo brings both back', async () => {
    await editQuoted();
    expect(rewordEvidence('US forces withdrew on 30 August.')).toBe(true);
    expect(shownQuote()).toBeUndefined();
    expect(editing().lostQuotes).toEqual([
      { story: 'The fall of Kabul', step: 2, text: 'left Kabul' },
    ]);
    expect(editing().undo.at(-1)!.description).toMatch(/\(1 story step lost its quote\)$/);

    undo();
    expect(shownQuote()).toEqual({ source: 'art', text: 'left Kabul' });
    expect(useStore.getState().model!.dataset.relations[0]!.evidence[0]!.quote).toBe(
      'US forces left Kabul on 30 August.',
    );
    expect(editing().lostQuotes).toEqual([]);
    // Redo drops it again, and says so again.
    redo();
    expect(editing().lostQuotes).toHaveLength(1);
    dismissLostQuotes();
    expect(editing().lostQuotes).toEqual([]);
    expect(shownQuote()).toBeUndefined();
  });

  it('keeps a quote still in the new words, and tells of no loss', async () => {
    await editQuoted();
    rewordEvidence('The last US forces left Kabul on 30 August 2021.');
    expect(shownQuote()).toEqual({ source: 'art', text: 'left Kabul' });
    expect(editing().lostQuotes).toEqual([]);
  });
});

describe('another tab', () => {
  it('refuses to write over an edit saved elsewhere, and keeps this tab’s as a copy', async () => {
    const id = await editCopy();
    // The other tab saved an edit after this tab read the dataset.
    const theirs: Edit = { op: 'add', list: 'actors', item: isi, index: 2 };
    await library.appendEdit(
      id,
      0,
      { action: 'edit', edit: theirs, description: 'theirs' },
      dataset,
    );

    applyUserEdit(addActor(haqqani));
    await editsKept();
    expect(editing().saved).toBe('conflict');
    expect(editing().problem).toMatch(/Another tab saved changes to this dataset/);
    // The stored dataset has their edit, not ours; ours is still on screen.
    expect(await storedActors(id)).toEqual(['taliban', 'usa', 'isi']);
    expect(actorIds()).toEqual(['taliban', 'usa', 'haqqani']);

    // Further edits stay on the page, counted, until the user chooses.
    applyUserEdit(addActor({ ...isi, id: 'isi-2' }));
    expect(editing().unsaved).toBe(2);

    await keepMineAsCopy();
    const copy = editing().datasetId;
    expect(copy).not.toBe(id);
    expect(editing().saved).toBe('saved');
    expect(await storedActors(copy)).toEqual(['taliban', 'usa', 'haqqani', 'isi-2']);
    expect(await storedActors(id)).toEqual(['taliban', 'usa', 'isi']);
    // The copy keeps the undo history, and goes on saving.
    expect(editing().undo).toHaveLength(2);
    undo();
    await editsKept();
    expect(await storedActors(copy)).toEqual(['taliban', 'usa', 'haqqani']);
  });
});

describe('another tab’s message', () => {
  /** Another tab's side of the library channel (a channel never hears its own messages). */
  const otherTab = () => new BroadcastChannel('allegiance-library');
  const until = (check: () => boolean) =>
    vi.waitFor(() => {
      if (!check()) throw new Error('not yet');
    });

  it('warns before this tab edits when another tab saved the dataset', async () => {
    const id = await editCopy();
    const theirs: Edit = { op: 'add', list: 'actors', item: isi, index: 2 };
    await library.appendEdit(
      id,
      0,
      { action: 'edit', edit: theirs, description: 'theirs' },
      dataset,
    );
    const channel = otherTab();
    channel.postMessage({ kind: 'saved', id });
    await until(() => editing().saved === 'conflict');
    expect(editing().unsaved).toBe(0);
    channel.close();
  });

  it('offers only a copy when another tab deleted the dataset', async () => {
    const id = await editCopy();
    const channel = otherTab();
    channel.postMessage({ kind: 'deleted', id });
    await until(() => editing().saved === 'failed');
    expect(editing().problem).toMatch(/deleted from the library/);
    channel.close();
  });
});

describe('stopEditing', () => {
  it('writes the edits into the parts, so the next opening replays nothing', async () => {
    const id = await editCopy();
    applyUserEdit(addActor(haqqani));
    await editsKept();
    // Before folding, derived data for the edited dataset is not stored beside older parts.
    const edited = (await library.getDataset(id))!;
    expect(edited.derived).toBeUndefined();
    await stopEditing();
    expect(useStore.getState().editing).toBeNull();
    await library.putDerived(id, deriveData(edited.dataset));
    const reopened = (await library.getDataset(id))!;
    expect(reopened.derived).toBeDefined();
    expect(reopened.dataset.actors.map((a) => a.id)).toEqual(['taliban', 'usa', 'haqqani']);
  });
});

describe('edit mode across a reload', () => {
  /** The tab's sessionStorage as the browser keeps it (Node has none). */
  const storage = new Map<string, string>();
  beforeEach(() => {
    storage.clear();
    vi.stubGlobal('sessionStorage', {
      getItem: (k: string) => storage.get(k) ?? null,
      setItem: (k: string, v: string) => void storage.set(k, v),
      removeItem: (k: string) => void storage.delete(k),
    });
  });
  afterEach(() => vi.unstubAllGlobals());

  it('is remembered for the dataset edited until Done, and starting twice starts once', async () => {
    loadDataset(structuredClone(dataset), 'seed');
    await Promise.all([startEditing(), startEditing()]);
    const id = editing().datasetId;
    expect(useStore.getState().library.filter((d) => d.name.includes('edited copy'))).toHaveLength(
      1,
    );
    expect(loadEditingOn(id)).toBe(true);
    expect(loadEditingOn('seed')).toBe(false);
    await stopEditing();
    expect(loadEditingOn(id)).toBe(false);
  });

  it('is forgotten when another dataset is opened, and follows a copy kept after a conflict', async () => {
    const id = await editCopy();
    expect(loadEditingOn(id)).toBe(true);
    loadDataset(structuredClone(dataset), 'seed');
    expect(useStore.getState().editing).toBeNull();
    expect(loadEditingOn(id)).toBe(false);

    await editCopy();
    const original = editing().datasetId;
    await keepMineAsCopy();
    expect(loadEditingOn(original)).toBe(false);
    expect(loadEditingOn(editing().datasetId)).toBe(true);
  });
});

describe('draftRelation', () => {
  it('opens the new-relation form with both ends filled', async () => {
    await editCopy();
    draftRelation('usa', 'taliban');
    expect(editing().form).toEqual({
      list: 'relations',
      id: null,
      draft: { source: 'usa', target: 'taliban' },
    });
  });
});
