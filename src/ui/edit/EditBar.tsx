/**
 * The edit panel, a bar under the title bar while edit mode is on: what is
 * being edited and whether it is saved, Undo and Redo (naming what they
 * undo and redo), buttons to add each kind of item, the sources and the
 * vocabulary to edit, the changelog as Markdown, and Done. A save refused
 * because another tab saved first (or by the browser) shows here, with the
 * two ways out, and so do the story steps whose quote the last edit dropped
 * (with Undo, which brings the quotes back). The open form (`ItemForm`) is
 * rendered from here too.
 */
import { useRef, useState } from 'react';
import type { EditableList } from '../../core/edit/edit';
import { downloadBlob } from '../../export/download';
import {
  dismissLostQuotes,
  keepMineAsCopy,
  loadStoredVersion,
  openForm,
  redo,
  stopEditing,
  undo,
  type EditForm,
  type EditingState,
  type LostQuoteNotice,
} from '../../store/editing';
import { selectModel } from '../../store/selectors';
import { useStore, type AppState } from '../../store/store';
import { usePointerDownOutside } from '../usePointerDownOutside';
import { changelogMarkdown } from './changelog';
import { ItemForm, LIST_NAMES } from './ItemForm';
import { useEditKeys } from './useEditKeys';
import './edit.css';

const selectEditing = (s: AppState) => s.editing;
const selectEditedName = (s: AppState) =>
  s.library.find((d) => d.id === s.editing?.datasetId)?.name ?? s.model?.dataset.title ?? '';

const ADDABLE: readonly EditableList[] = ['actors', 'relations', 'events', 'sources'];

const SAVE_TEXT: Record<EditingState['saved'], string> = {
  saving: 'Saving…',
  saved: 'Saved',
  failed: 'Not saved',
  conflict: 'Not saved: changed in another tab',
};

export function EditBar() {
  const editing = useStore(selectEditing);
  const name = useStore(selectEditedName);
  useEditKeys(editing !== null);
  if (!editing) return null;
  const lastDone = editing.undo.at(-1);
  const lastUndone = editing.redo.at(-1);
  const downloadChangelog = () =>
    downloadBlob(
      new Blob([changelogMarkdown(name, editing.undo)], { type: 'text/markdown' }),
      `${name.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '') || 'dataset'}-changelog.md`,
    );
  return (
    <section className="edit-bar" aria-label="Editing">
      <p className="edit-bar__what">
        Editing <strong>{name}</strong>{' '}
        <span className="edit-bar__saved" role="status" data-saved={editing.saved}>
          {SAVE_TEXT[editing.saved]}
        </span>
      </p>
      <div className="edit-bar__tools">
        <div className="edit-bar__group" role="group" aria-label="History">
          <button
            type="button"
            disabled={!lastDone}
            title={lastDone ? `Undo: ${lastDone.description} (Ctrl+Z)` : 'Nothing to undo'}
            aria-label={lastDone ? `Undo: ${lastDone.description}` : 'Undo'}
            onClick={undo}
          >
            Undo
          </button>
          <button
            type="button"
            disabled={!lastUndone}
            title={
              lastUndone ? `Redo: ${lastUndone.description} (Ctrl+Shift+Z)` : 'Nothing to redo'
            }
            aria-label={lastUndone ? `Redo: ${lastUndone.description}` : 'Redo'}
            onClick={redo}
          >
            Redo
          </button>
        </div>
        <div className="edit-bar__group" role="group" aria-label="Add">
          {ADDABLE.map((list) => (
            <button key={list} type="button" onClick={() => openForm({ list, id: null })}>
              + {capitalised(LIST_NAMES[list][0])}
            </button>
          ))}
        </div>
        <ListsMenu />
        <button type="button" onClick={downloadChangelog}>
          Changelog (.md)
        </button>
        <button type="button" className="edit-bar__done" onClick={() => void stopEditing()}>
          Done editing
        </button>
      </div>
      {lastDone && <p className="edit-bar__last">Last change: {lastDone.description}</p>}
      {editing.lostQuotes.length > 0 && <LostQuotes lost={editing.lostQuotes} />}
      {editing.problem && <SaveProblem editing={editing} />}
      {editing.form && <ItemForm form={editing.form} />}
    </section>
  );
}

const capitalised = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** A refused save: what happened, what is at stake, and the two choices. */
function SaveProblem({ editing }: { editing: EditingState }) {
  const [busy, setBusy] = useState(false);
  const run = (action: () => Promise<void>) => {
    setBusy(true);
    void action().finally(() => setBusy(false));
  };
  const unsaved =
    editing.unsaved === 0
      ? ''
      : ` ${editing.unsaved} edit${editing.unsaved === 1 ? ' is' : 's are'} on this page only.`;
  return (
    <div className="edit-bar__problem" role="alert">
      <p>
        {editing.problem}
        {unsaved}
      </p>
      <div className="edit-bar__group">
        {editing.saved === 'conflict' && (
          <button type="button" disabled={busy} onClick={() => run(loadStoredVersion)}>
            Load the other tab’s version
          </button>
        )}
        <button type="button" disabled={busy} onClick={() => run(keepMineAsCopy)}>
          Keep mine as a copy
        </button>
      </div>
    </div>
  );
}

/**
 * The story steps whose quote the last edit dropped: the quoted words are no longer in the
 * evidence, and a story shows no quote the evidence does not hold. Said at once, so the author
 * can undo the edit (the quotes come back with it) or rewrite the steps.
 */
function LostQuotes({ lost }: { lost: readonly LostQuoteNotice[] }) {
  return (
    <div className="edit-bar__problem edit-bar__lost" role="alert">
      <p>
        {lost.length === 1
          ? 'A story step lost its quote: the quoted words are no longer in the evidence.'
          : `${lost.length} story steps lost their quotes: the quoted words are no longer in the evidence.`}
      </p>
      <ul>
        {lost.map(({ story, step, text }, i) => (
          <li key={i}>
            Story “{story}”, step {step}: “{text}”
          </li>
        ))}
      </ul>
      <div className="edit-bar__group">
        <button type="button" onClick={undo}>
          Undo the edit, keep the {lost.length === 1 ? 'quote' : 'quotes'}
        </button>
        <button type="button" onClick={dismissLostQuotes}>
          Dismiss
        </button>
      </div>
    </div>
  );
}

/** Sources, actor types and relation kinds: a menu to add one or open one to edit. */
function ListsMenu() {
  const model = useStore(selectModel);
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  usePointerDownOutside(root, open, () => setOpen(false));
  if (!model) return null;
  const { dataset, vocabulary } = model;
  const lists: { list: EditableList; items: { id: string; label: string }[] }[] = [
    { list: 'sources', items: dataset.sources.map((s) => ({ id: s.id, label: s.title })) },
    { list: 'actorTypes', items: [...vocabulary.actorTypes.values()] },
    { list: 'relationKinds', items: [...vocabulary.relationKinds.values()] },
  ];
  const pick = (list: EditableList, item: { id: string; label: string } | null) => {
    setOpen(false);
    const listed =
      item && (dataset[list] as readonly { id: string }[]).some((i) => i.id === item.id);
    // A built-in type or kind the dataset does not list: editing it adds the dataset's own.
    if (item && !listed) openForm({ list, id: null, draft: { ...item } } as EditForm);
    else openForm({ list, id: item?.id ?? null });
  };
  return (
    <div
      ref={root}
      className="edit-bar__lists"
      onKeyDown={(e) => {
        if (e.key === 'Escape' && open) {
          e.preventDefault();
          setOpen(false);
        }
      }}
    >
      <button
        type="button"
        aria-expanded={open}
        aria-controls="edit-lists"
        onClick={() => setOpen(!open)}
      >
        Sources &amp; vocabulary
      </button>
      {open && (
        <div id="edit-lists" className="edit-bar__lists-panel">
          {lists.map(({ list, items }) => (
            <section key={list}>
              <h2>{capitalised(LIST_NAMES[list][1])}</h2>
              <ul>
                {items.map((item) => (
                  <li key={item.id}>
                    <button
                      type="button"
                      className="edit-bar__item"
                      onClick={() => pick(list, item)}
                    >
                      {item.label}
                    </button>
                  </li>
                ))}
              </ul>
              <button type="button" onClick={() => pick(list, null)}>
                + New {LIST_NAMES[list][0]}
              </button>
            </section>
          ))}
        </div>
      )}
    </div>
  );
}
