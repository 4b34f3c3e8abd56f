/**
 * The form that adds or changes one item (an actor, a relation, an event, a
 * source, an actor type or a relation kind), in a dialog: a side sheet on
 * wide screens, a bottom sheet on a phone. The draft is checked as the user
 * types (`checkItem`, the rules of import): each problem shows beside its
 * field, and Save stays disabled while there is an error, so an invalid item
 * never becomes an edit. Delete asks first, naming what else goes with it.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { itemEdits } from '../../core/edit/apply';
import { addItem, newId, removeItem, updateItem } from '../../core/edit/builders';
import { checkItem } from '../../core/edit/check';
import type { Edit, EditableItems, EditableList, ItemEdit } from '../../core/edit/edit';
import type { ExplorerModel } from '../../core/explorer-model';
import type {
  Actor,
  ActorType,
  Dataset,
  EventItem,
  Relation,
  RelationKind,
  Source,
} from '../../core/schema';
import { applyUserEdit, closeForm, type EditForm } from '../../store/editing';
import { selectModel } from '../../store/selectors';
import { select, useStore, type SelectionKind } from '../../store/store';
import { ProblemList, TextField } from './fields';
import {
  ActorFields,
  ActorTypeFields,
  EventFields,
  RelationFields,
  RelationKindFields,
  SourceFields,
  type FieldsProps,
} from './itemFields';
import { SourceTextEditor } from './SourceTextEditor';

/** Each list's name in the form's words (singular, plural). */
export const LIST_NAMES: Record<EditableList, [string, string]> = {
  actors: ['actor', 'actors'],
  relations: ['relation', 'relations'],
  events: ['event', 'events'],
  sources: ['source', 'sources'],
  actorTypes: ['actor type', 'actor types'],
  relationKinds: ['relation kind', 'relation kinds'],
};

type AnyItem = EditableItems[EditableList];

/** The item `id` of `list`, if the dataset has it. */
function findItem(dataset: Dataset, list: EditableList, id: string): AnyItem | undefined {
  return (dataset[list] as readonly AnyItem[]).find((item) => item.id === id);
}

/** A new item's starting fields: the required ones, with the form's draft over them. */
function blankItem(model: ExplorerModel, form: EditForm): AnyItem {
  const firstType = model.vocabulary.actorTypes.keys().next().value ?? '';
  const kinds = [...model.vocabulary.relationKinds.values()];
  const hostility = kinds.find((k) => k.polarity === 'negative') ?? kinds[0];
  const blank: Record<EditableList, AnyItem> = {
    actors: { id: '', label: '', type: firstType },
    relations: { id: '', source: '', target: '', kind: hostility?.id ?? '', evidence: [] },
    events: { id: '', date: '', title: '', actors: [], evidence: [] },
    sources: { id: '', title: '' },
    actorTypes: { id: '', label: '' },
    relationKinds: { id: '', label: '', polarity: 'neutral', directed: false },
  };
  return { ...blank[form.list], ...form.draft } as AnyItem;
}

/** The words a new item's id is made from. */
function nameOf(list: EditableList, item: AnyItem): string {
  if ('label' in item && item.label) return item.label;
  if ('title' in item) return item.title;
  if (list === 'relations' && 'source' in item) return `${item.source} ${item.kind} ${item.target}`;
  return '';
}

/** Drops optional fields set to undefined, so the item is what the file format would hold. */
function withoutAbsent<T extends object>(item: T): T {
  return Object.fromEntries(Object.entries(item).filter(([, v]) => v !== undefined)) as T;
}

const SELECTABLE: Partial<Record<EditableList, SelectionKind>> = {
  actors: 'actor',
  relations: 'relation',
  events: 'event',
};

export function ItemForm({ form }: { form: EditForm }) {
  const model = useStore(selectModel);
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = dialog.current;
    // The form closes by unmounting (the store's `form` goes null), which does not return focus
    // the way closing a dialog does: give it back to what opened the form.
    const opener = document.activeElement;
    if (d && !d.open) d.showModal();
    return () => {
      if (opener instanceof HTMLElement && opener.isConnected) opener.focus();
    };
  }, []);
  if (!model) return null;
  const [one] = LIST_NAMES[form.list];
  const title = form.id === null ? `New ${one}` : `Edit ${one}`;
  return (
    <dialog
      ref={dialog}
      className="edit-form"
      aria-labelledby="edit-form-title"
      onClose={closeForm}
    >
      <div className="edit-form__head">
        <h2 id="edit-form-title">{title}</h2>
        <button type="button" aria-label="Close the form" onClick={closeForm}>
          <span aria-hidden="true">×</span>
        </button>
      </div>
      <FormBody key={`${form.list}:${form.id ?? ''}`} model={model} form={form} />
    </dialog>
  );
}

function FormBody({ model, form }: { model: ExplorerModel; form: EditForm }) {
  const dataset = model.dataset;
  const existing = form.id === null ? undefined : findItem(dataset, form.list, form.id);
  const [draft, setDraft] = useState<AnyItem>(() => existing ?? blankItem(model, form));
  // A new item's id follows its name until the user types one.
  const [idTyped, setIdTyped] = useState(form.id !== null || Boolean(form.draft?.id));
  const [refusal, setRefusal] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<Edit | null>(null);
  const [sourceText, setSourceText] = useState(false);

  const item = useMemo(
    () =>
      withoutAbsent(
        idTyped ? draft : { ...draft, id: newId(dataset, form.list, nameOf(form.list, draft)) },
      ),
    [draft, idTyped, dataset, form.list],
  );
  const problems = useMemo(
    () => checkItem(dataset, form.list, item, form.id ?? undefined),
    [dataset, form.list, item, form.id],
  );
  const errors = problems.filter((p) => p.severity === 'error');
  // Problems no field shows (the item as a whole).
  const general = problems.filter((p) => p.path === '');

  if (form.id !== null && !existing)
    return (
      <div className="edit-form__body">
        <p>This {LIST_NAMES[form.list][0]} is no longer in the dataset (an undo removed it).</p>
      </div>
    );

  const save = () => {
    const result =
      form.id === null
        ? addItem(dataset, form.list, item)
        : updateItem(dataset, form.list, form.id, item);
    if ('refused' in result) {
      setRefusal(result.refused);
      return;
    }
    if (!applyUserEdit(result.edit)) return;
    const kind = SELECTABLE[form.list];
    if (kind) select({ kind, id: item.id });
    closeForm();
  };

  const askDelete = () => {
    if (form.id === null) return;
    const result = removeItem(dataset, form.list, form.id);
    if ('refused' in result) setRefusal(result.refused);
    else setDeleting(result.edit);
  };

  const change = (patch: Partial<AnyItem>) => setDraft((d) => ({ ...d, ...patch }) as AnyItem);
  // The draft is of `form.list`'s item type: each fields component gets it as its own.
  const fields: FieldsProps<AnyItem> = { item, change, problems, model };
  return (
    <form
      className="edit-form__body"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (errors.length === 0) save();
      }}
    >
      {form.list === 'actors' && <ActorFields {...(fields as FieldsProps<Actor>)} />}
      {form.list === 'relations' && <RelationFields {...(fields as FieldsProps<Relation>)} />}
      {form.list === 'events' && <EventFields {...(fields as FieldsProps<EventItem>)} />}
      {form.list === 'sources' && <SourceFields {...(fields as FieldsProps<Source>)} />}
      {form.list === 'actorTypes' && <ActorTypeFields {...(fields as FieldsProps<ActorType>)} />}
      {form.list === 'relationKinds' && (
        <RelationKindFields {...(fields as FieldsProps<RelationKind>)} />
      )}
      <TextField
        problems={problems}
        label="Id"
        path="id"
        hint={
          idTyped
            ? 'Used in links and files; renaming it updates every reference'
            : 'Made from the name until you type one'
        }
        value={item.id}
        onChange={(id) => {
          setIdTyped(true);
          change({ id: id ?? '' });
        }}
      />
      {form.list === 'sources' && form.id !== null && (
        <div className="edit-form__section">
          {sourceText ? (
            <SourceTextEditor
              sourceId={form.id}
              title={'title' in item ? item.title : form.id}
              initial={useStore.getState().editing?.sourceTexts.get(form.id) ?? ''}
              onDone={() => setSourceText(false)}
            />
          ) : (
            <button type="button" className="edit-form__minor" onClick={() => setSourceText(true)}>
              Attach or change the source’s full text…
            </button>
          )}
        </div>
      )}
      {general.length > 0 && <ProblemList problems={general} />}
      {refusal && (
        <p className="edit-field__problems" role="alert">
          {refusal}
        </p>
      )}
      {deleting ? (
        <DeleteConfirmation edit={deleting} list={form.list} onCancel={() => setDeleting(null)} />
      ) : (
        <div className="edit-form__actions">
          <button
            type="submit"
            className="edit-form__save"
            disabled={errors.length > 0}
            aria-describedby={errors.length > 0 ? 'edit-form-blocked' : undefined}
          >
            {form.id === null ? `Add ${LIST_NAMES[form.list][0]}` : 'Save'}
          </button>
          <button type="button" className="edit-form__minor" onClick={closeForm}>
            Cancel
          </button>
          {form.id !== null && (
            <button type="button" className="edit-form__delete" onClick={askDelete}>
              Delete…
            </button>
          )}
          {errors.length > 0 && (
            <p id="edit-form-blocked" className="edit-form__blocked">
              {errors.length === 1
                ? 'Fix the error above to save.'
                : `Fix the ${errors.length} errors above to save.`}
            </p>
          )}
        </div>
      )}
    </form>
  );
}

/** "3 relations", "1 event and 2 actors": how many items of each list some item edits touch. */
function countText(edits: readonly ItemEdit[]): string {
  const counts = new Map<EditableList, number>();
  for (const e of edits) counts.set(e.list, (counts.get(e.list) ?? 0) + 1);
  return [...counts].map(([l, n]) => `${n} ${LIST_NAMES[l][n === 1 ? 0 : 1]}`).join(' and ');
}

/**
 * "Delete actor “ISI”? 3 relations go with it. 2 events that refer to it are changed. 1 story
 * step that names it is changed.": what the removal takes and changes, before it happens.
 */
function DeleteConfirmation({
  edit,
  list,
  onCancel,
}: {
  edit: Edit;
  list: EditableList;
  onCancel: () => void;
}) {
  const edits = itemEdits(edit);
  const main = edits.find((e) => e.op === 'remove' && e.list === list);
  const going = edits.filter((e) => e.op === 'remove' && e !== main);
  const changed = edits.filter((e) => e.op === 'update');
  const name = main && main.op === 'remove' ? nameOf(list, main.item) || main.item.id : '';
  const goingText = countText(going);
  const changedText = countText(changed);
  const storySteps = edit.op === 'group' ? (edit.steps?.length ?? 0) : 0;
  const stepsText =
    storySteps === 1
      ? '1 story step that names it is changed'
      : `${storySteps} story steps that name it are changed`;
  return (
    <div className="edit-form__confirm" role="alertdialog" aria-labelledby="edit-delete-question">
      <p id="edit-delete-question">
        Delete {LIST_NAMES[list][0]} “{name}”?
        {goingText && ` ${goingText} go with it.`}
        {changedText && ` ${changedText} that refer to it are changed.`}
        {storySteps > 0 && ` ${stepsText}.`} You can undo this.
      </p>
      {going.length > 0 && going.length <= 20 && (
        <ul className="edit-form__going">
          {going.map((e, i) =>
            e.op === 'remove' ? <li key={i}>{nameOf(e.list, e.item) || e.item.id}</li> : null,
          )}
        </ul>
      )}
      <div className="edit-form__actions">
        <button
          type="button"
          className="edit-form__delete"
          autoFocus
          onClick={() => {
            if (applyUserEdit(edit)) closeForm();
          }}
        >
          Delete{goingText ? ` with ${goingText}` : ''}
        </button>
        <button type="button" onClick={onCancel}>
          Keep it
        </button>
      </div>
    </div>
  );
}
