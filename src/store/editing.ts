/**
 * Authoring: edit mode, the user's edits with undo and redo, and keeping them.
 *
 * Edits are data (`core/edit/edit.ts`). Each one replaces the model with the
 * previous model plus the edit (`applyEditToModel`, no rebuild) and sets
 * `modelEdit`, so the graph view updates only what changed. Every edit is
 * written at once as one entry of the dataset's journal in IndexedDB
 * (`library.appendEdit`): a reload, or a tab killed right after an edit,
 * finds it there. Undo and redo are journal entries too, so the undo history
 * and the changelog come back with the dataset.
 *
 * Two tabs: each append checks, in its transaction, that the stored revision
 * is the one this tab last saw. When another tab saved in between, this tab's
 * edit is not written over theirs: edit mode shows a conflict, with the
 * choice to load the other tab's version or to keep this tab's as a copy.
 * Until the user chooses, further edits stay on the page and are counted.
 * A storage failure is handled the same way (further appends would build on
 * an edit the journal lacks).
 *
 * The seed and the shipped examples are not stored: editing one first stores
 * an editable copy in the library (the original stays as it is).
 */
import { invertEdit } from '../core/edit/apply';
import { describeEdit } from '../core/edit/describe';
import type { Edit, EditableItems, EditableList } from '../core/edit/edit';
import { applyEditToModel } from '../core/edit/model';
import { quotesLost } from '../core/edit/storyFollow';
import { packPositions, type DerivedData, type ExplorerModel } from '../core/explorer-model';
import type { Point } from '../core/layout';
import type { Dataset } from '../core/schema';
import { packIndex } from '../core/temporal';
import { switchDataset } from './datasetActions';
import { nameFromTitle } from './datasetName';
import { exampleOf } from './examples';
import * as library from './library';
import { onLibraryChangeElsewhere, type LibraryChange } from './libraryChannel';
import { saveEditingOn } from './persistence';
import { forceDirectedPositions, SEED_KEY, useStore, type AppState, type Selection } from './store';
import { followEditedStories } from './stories';

/** An edit on the undo or redo stack, with its changelog line. */
export interface LoggedEdit {
  edit: Edit;
  description: string;
}

/**
 * Where the last edit stands: being written, written, refused by the browser, or not written
 * because another tab saved first.
 */
export type SaveStatus = 'saving' | 'saved' | 'failed' | 'conflict';

/**
 * A story step whose quote the last edit dropped, because the quoted words left the evidence:
 * named as the user knows it (the story's title, the step's number from 1) with the words lost.
 */
export interface LostQuoteNotice {
  story: string;
  step: number;
  text: string;
}

/** The form open in the edit panel: a new item (`id` null, `draft` its first fields) or an existing one. */
export type EditForm = {
  [L in EditableList]: { list: L; id: string | null; draft?: Partial<EditableItems[L]> };
}[EditableList];

export interface EditingState {
  /** The library entry being edited. */
  datasetId: string;
  /** The edits made, oldest first: what Undo undoes, and the changelog. */
  undo: readonly LoggedEdit[];
  /** The edits undone, the last undone last: what Redo redoes. */
  redo: readonly LoggedEdit[];
  saved: SaveStatus;
  /** What went wrong with saving, in words ('failed', 'conflict'); null otherwise. */
  problem: string | null;
  /** Edits kept on this page only since a failure or conflict. */
  unsaved: number;
  /** The full texts of sources, by source id, that quotes are checked against. */
  sourceTexts: ReadonlyMap<string, string>;
  form: EditForm | null;
  /** The story quotes the last edit (or redo) dropped, until the next edit, undo or dismissal. */
  lostQuotes: readonly LostQuoteNotice[];
}

/** After this many journal entries the edited dataset is written back into its parts. */
export const FOLD_EVERY = 100;

const get = () => useStore.getState();
const set = (partial: Partial<AppState>) => useStore.setState(partial);
const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e));

function setEditing(patch: Partial<EditingState>): void {
  const editing = get().editing;
  if (editing) set({ editing: { ...editing, ...patch } });
}

// The stored side of the session: the revision this tab last saw, the journal entries written
// since the parts were last rewritten, the writes in flight (IndexedDB keeps their order, and
// so does this chain), and the listener for other tabs.
let revision = 0;
let sinceFold = 0;
let saving: Promise<void> = Promise.resolve();
let savesQueued = 0;
let stopListening: (() => void) | null = null;

// ---- starting and stopping --------------------------------------------------------

// Edit mode is remembered per dataset, for this tab only (persistence.ts), while it is on, so
// that a reload comes back to it (`ui/edit/useResumeEditing.ts`) and other tabs open read-only;
// leaving it (Done, or opening another dataset) forgets it. Unloading the page changes no
// state, so the mark stays then.
useStore.subscribe((s, prev) => {
  const now = s.editing?.datasetId ?? null;
  const before = prev.editing?.datasetId ?? null;
  if (now === before) return;
  if (before !== null) saveEditingOn(before, false);
  if (now !== null) saveEditingOn(now, true);
});

/** The start in progress: a second request (a click while a reload resumes edit mode) joins it. */
let starting: Promise<void> | null = null;

/**
 * Turns edit mode on for the dataset on screen. A stored dataset is edited in place, with its
 * undo history read back from its journal; the seed or an example is first stored as an
 * editable copy, which is then shown and edited.
 */
export function startEditing(): Promise<void> {
  starting ??= beginEditing().finally(() => (starting = null));
  return starting;
}

async function beginEditing(): Promise<void> {
  const { model, datasetKey } = get();
  if (!model || get().editing) return;
  // Every key but the seed's and the examples' names a library entry (the listing may still be
  // being read at start, so it is not asked).
  const stored = datasetKey !== SEED_KEY && !exampleOf(datasetKey);
  const id = stored ? datasetKey : await storeEditableCopy(model, datasetKey);
  if (id === null) return;
  let history: { undo: LoggedEdit[]; redo: LoggedEdit[] };
  let sourceTexts: Map<string, string>;
  try {
    revision = library.seenRevision(id);
    history = historyOf(await library.getJournal(id, revision));
    sourceTexts = await library.getSourceTexts(id);
  } catch (e) {
    set({ notice: { kind: 'error', text: `Cannot edit here: ${errorText(e)}` } });
    return;
  }
  if (get().datasetKey !== id) return; // another dataset was opened meanwhile
  sinceFold = 0;
  stopListening?.();
  stopListening = onLibraryChangeElsewhere((change) => void noticeChangeElsewhere(change));
  set({
    editing: {
      datasetId: id,
      ...history,
      saved: 'saved',
      problem: null,
      unsaved: 0,
      sourceTexts,
      form: null,
      lostQuotes: [],
    },
  });
  // A tab that read the dataset before another tab edited it learns it now, before editing.
  await noticeChangeElsewhere({ kind: 'saved', id });
}

/** Stores the dataset on screen as a new library entry "… (edited copy)" and shows it; its id. */
async function storeEditableCopy(model: ExplorerModel, key: string): Promise<string | null> {
  const original = exampleOf(key)?.name ?? model.dataset.title;
  const name = nameFromTitle(`${original} (edited copy)`);
  const id = crypto.randomUUID();
  try {
    const saved = await library.putDataset({
      id,
      name,
      source: `Edited copy of “${original}”`,
      importedAt: new Date().toISOString(),
      dataset: model.dataset,
      derived: derivedOf(model.dataset, forceDirectedPositions(model)),
    });
    set({ library: [...get().library, saved] });
  } catch (e) {
    set({ notice: { kind: 'error', text: `Could not make an editable copy: ${errorText(e)}` } });
    return null;
  }
  return (await switchDataset(id)) ? id : null;
}

/** The layout on screen and the index, stored with a copy so that opening it computes neither. */
function derivedOf(dataset: Dataset, positions: ReadonlyMap<string, Point>): DerivedData {
  return { positions: packPositions(dataset, positions), index: packIndex(dataset) };
}

/** The undo and redo stacks the journal's entries leave, replayed in order. */
export function historyOf(entries: readonly library.JournalStep[]): {
  undo: LoggedEdit[];
  redo: LoggedEdit[];
} {
  const undo: LoggedEdit[] = [];
  const redo: LoggedEdit[] = [];
  for (const { action, edit, description } of entries) {
    if (action === 'edit') {
      undo.push({ edit, description });
      redo.length = 0;
    } else if (action === 'undo') {
      const undone = undo.pop();
      if (undone) redo.push(undone);
    } else {
      const redone = redo.pop();
      if (redone) undo.push(redone);
    }
  }
  return { undo, redo };
}

/**
 * Leaves edit mode once the edits in flight are written; the edited dataset is then written
 * back into its parts, so its next opening replays nothing.
 */
export async function stopEditing(): Promise<void> {
  const editing = get().editing;
  if (!editing) return;
  stopListening?.();
  stopListening = null;
  set({ editing: null });
  await saving;
  const dataset = get().model?.dataset;
  if (sinceFold > 0 && dataset && get().datasetKey === editing.datasetId && !editing.unsaved)
    await library.foldJournal(editing.datasetId, dataset, revision).then(
      () => (sinceFold = 0),
      () => undefined, // the journal still holds every edit: folded on a later session
    );
}

// ---- editing ------------------------------------------------------------------------

/**
 * Applies an edit the user made (from a form, or a relation drawn on the canvas) and keeps it.
 * `at`: where to put an actor the edit adds. False when no edit mode is on or the edit does
 * not fit the dataset (said in a notice; nothing changes).
 */
export function applyUserEdit(edit: Edit, at?: Point): boolean {
  const { model, editing } = get();
  if (!model || !editing) return false;
  const logged = { edit, description: describeEdit(edit, model.dataset) };
  return commit(edit, 'edit', logged, { undo: [...editing.undo, logged], redo: [] }, at);
}

/** Undoes the last edit; its undoing is kept like any edit. */
export function undo(): void {
  const editing = get().editing;
  const last = editing?.undo.at(-1);
  if (!editing || !last) return;
  commit(invertEdit(last.edit), 'undo', last, {
    undo: editing.undo.slice(0, -1),
    redo: [...editing.redo, last],
  });
}

/** Redoes the last edit undone. */
export function redo(): void {
  const editing = get().editing;
  const next = editing?.redo.at(-1);
  if (!editing || !next) return;
  commit(next.edit, 'redo', next, {
    undo: [...editing.undo, next],
    redo: editing.redo.slice(0, -1),
  });
}

/** Shows the edited model (the view follows `modelEdit`) with the new stacks, then keeps the step. */
function commit(
  applied: Edit,
  action: library.JournalStep['action'],
  logged: LoggedEdit,
  stacks: Pick<EditingState, 'undo' | 'redo'>,
  at?: Point,
): boolean {
  const { model, editing, selection } = get();
  if (!model || !editing) return false;
  let next: ReturnType<typeof applyEditToModel>;
  try {
    next = applyEditToModel(model, applied, at);
  } catch (e) {
    set({ notice: { kind: 'error', text: `The edit could not be applied: ${errorText(e)}` } });
    return false;
  }
  set({
    model: next.model,
    modelEdit: { previous: model, change: next.change },
    selection: selection && exists(next.model, selection) ? selection : null,
    editing: { ...editing, ...stacks, lostQuotes: lostQuoteNotices(applied, model.dataset) },
  });
  // Story steps that named a renamed or deleted item were changed with it: shown and kept as
  // the story panel's edits are (after the model is set, so they are kept under its dataset).
  const stories = next.model.dataset.stories;
  if (stories !== model.dataset.stories) followEditedStories(stories ?? []);
  keep({ action, edit: applied, description: logged.description }, next.model.dataset);
  return true;
}

/**
 * The story quotes `edit` drops, named from `dataset` (the one it applies to). An undo brings
 * them back, so its inverse drops none and the notice goes with it.
 */
function lostQuoteNotices(edit: Edit, dataset: Dataset): LostQuoteNotice[] {
  return quotesLost(edit).map(({ story, step, quote }) => ({
    story: dataset.stories?.find((s) => s.id === story)?.title ?? story,
    step: step + 1,
    text: quote.text,
  }));
}

/** The user has read which story quotes the last edit dropped. */
export function dismissLostQuotes(): void {
  setEditing({ lostQuotes: [] });
}

function exists(model: ExplorerModel, selection: Selection): boolean {
  if (selection.kind === 'actor') return model.actorsById.has(selection.id);
  if (selection.kind === 'relation') return model.relationsById.has(selection.id);
  return model.eventsById.has(selection.id);
}

// ---- keeping ------------------------------------------------------------------------

/** Appends a step to the journal after the writes before it; `dataset`: the state it leads to. */
function keep(step: library.JournalStep, dataset: Dataset): void {
  const id = get().editing?.datasetId;
  if (!id) return;
  if (blocked()) {
    setEditing({ unsaved: (get().editing?.unsaved ?? 0) + 1 });
    return;
  }
  const queued = ++savesQueued;
  setEditing({ saved: 'saving' });
  saving = saving.then(async () => {
    if (get().editing?.datasetId !== id) return;
    if (blocked()) {
      setEditing({ unsaved: (get().editing?.unsaved ?? 0) + 1 });
      return;
    }
    try {
      revision = await library.appendEdit(id, revision, step, dataset);
    } catch (e) {
      refused(e);
      return;
    }
    if (++sinceFold >= FOLD_EVERY)
      await library.foldJournal(id, dataset, revision).then(
        () => (sinceFold = 0),
        () => undefined, // the journal holds the edits; the next fold tries again
      );
    if (queued === savesQueued && !blocked()) setEditing({ saved: 'saved' });
  });
}

/** Resolves once every edit made so far has been written (or refused). */
export async function editsKept(): Promise<void> {
  let settled: Promise<void>;
  do {
    settled = saving;
    await settled;
  } while (settled !== saving);
}

/** After a conflict or a failure nothing more is appended: the journal would skip an edit. */
const blocked = () => {
  const saved = get().editing?.saved;
  return saved === 'conflict' || saved === 'failed';
};

/** A refused append: says why, and counts the edit as kept on the page only. */
function refused(e: unknown): void {
  const unsaved = (get().editing?.unsaved ?? 0) + 1;
  if (e instanceof library.RevisionConflictError) markConflict(unsaved);
  else if (e instanceof library.DatasetGoneError) markGone(unsaved);
  else
    setEditing({
      saved: 'failed',
      unsaved,
      problem: `${errorText(e)} Your edits are on this page only until you keep them as a copy.`,
    });
}

function markConflict(unsaved = get().editing?.unsaved ?? 0): void {
  setEditing({
    saved: 'conflict',
    unsaved,
    problem:
      'Another tab saved changes to this dataset after this tab read it, so this tab does not write over them.',
  });
}

/** The dataset is no longer stored: nothing to load back, so only a copy can keep the edits. */
function markGone(unsaved = get().editing?.unsaved ?? 0): void {
  setEditing({
    saved: 'failed',
    unsaved,
    problem:
      'This dataset was deleted from the library (perhaps in another tab). Your edits are on this page only: keep them as a copy.',
  });
}

/** Another tab changed the library: if it saved or deleted the dataset being edited, say so now. */
async function noticeChangeElsewhere(change: LibraryChange): Promise<void> {
  const editing = get().editing;
  if (!editing || change.id !== editing.datasetId || blocked()) return;
  if (change.kind === 'deleted') markGone();
  if (change.kind !== 'saved') return;
  const stored = await library.storedRevision(editing.datasetId).catch(() => revision);
  await saving; // this tab's own writes in flight move `revision` too
  if (stored > revision && get().editing?.datasetId === editing.datasetId) markConflict();
}

/**
 * Conflict, first choice: drop this tab's unwritten edits and show what is stored (the other
 * tab's version), still in edit mode.
 */
export async function loadStoredVersion(): Promise<void> {
  const editing = get().editing;
  if (!editing) return;
  stopListening?.();
  stopListening = null;
  set({ editing: null });
  if (await switchDataset(editing.datasetId, window.location.search)) await startEditing();
}

/**
 * Conflict (or failure), second choice: store what this tab shows as a new library entry, with
 * its undo history and source texts, and go on editing that one. The stored original keeps the
 * other tab's version.
 */
export async function keepMineAsCopy(): Promise<void> {
  const { model, editing, library: listing } = get();
  if (!model || !editing) return;
  const original = listing.find((d) => d.id === editing.datasetId)?.name ?? model.dataset.title;
  const id = crypto.randomUUID();
  const journal = editing.undo.map(({ edit, description }) => ({
    action: 'edit' as const,
    edit,
    description,
  }));
  try {
    const saved = await library.putDataset({
      id,
      name: nameFromTitle(`${original} (my edits)`),
      source: `Edits to “${original}” kept as a copy`,
      importedAt: new Date().toISOString(),
      dataset: model.dataset,
      derived: derivedOf(model.dataset, model.positions),
      journal,
    });
    for (const [source, text] of editing.sourceTexts) await library.putSourceText(id, source, text);
    set({ library: [...get().library, saved] });
  } catch (e) {
    setEditing({ problem: `Could not keep your edits as a copy: ${errorText(e)}` });
    return;
  }
  revision = journal.length;
  sinceFold = 0;
  // The copy is what is on screen: the view, the URL and stories now follow its key.
  set({
    datasetKey: id,
    editing: { ...editing, datasetId: id, saved: 'saved', problem: null, unsaved: 0 },
  });
}

// ---- forms and evidence -----------------------------------------------------------------

/** Opens a form in the edit panel (edit mode only). */
export function openForm(form: EditForm): void {
  setEditing({ form });
}

export function closeForm(): void {
  setEditing({ form: null });
}

/**
 * A relation drawn on the canvas from one actor to another: opens the new-relation form with
 * both ends filled.
 */
export function draftRelation(sourceId: string, targetId: string): void {
  openForm({ list: 'relations', id: null, draft: { source: sourceId, target: targetId } });
}

/**
 * Keeps a source's full text beside the dataset (an empty text removes it); quotes citing the
 * source are then checked against it. Not an edit of the dataset: it is not undone.
 */
export async function attachSourceText(sourceId: string, text: string): Promise<boolean> {
  const editing = get().editing;
  if (!editing) return false;
  try {
    await library.putSourceText(editing.datasetId, sourceId, text);
  } catch (e) {
    set({ notice: { kind: 'error', text: errorText(e) } });
    return false;
  }
  const texts = new Map(get().editing?.sourceTexts);
  if (text === '') texts.delete(sourceId);
  else texts.set(sourceId, text);
  setEditing({ sourceTexts: texts });
  return true;
}
