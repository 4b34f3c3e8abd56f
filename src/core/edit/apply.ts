/**
 * Applying an edit to a dataset, and undoing it.
 *
 * Datasets are immutable: `applyEdit` returns a new dataset object in which
 * only the lists the edit touches are new arrays; every other list, and every
 * item it does not add or replace, is shared with the dataset it was given.
 * That keeps an edit cheap and lets whoever holds the previous dataset (the
 * undo stack, a view still showing it) keep it unchanged.
 */
import type { Dataset } from '../schema';
import type { Edit, EditableItems, EditableList, ItemEdit, ModelChange } from './edit';
import { sameValue } from './same';
import { applyStepEdits, invertStepEdit } from './storyFollow';

/**
 * The dataset with `edit` applied (a group's edits one after the other, each
 * at its `index` in the list as the earlier ones left it). Throws an Error
 * naming the list, the index and what was expected there when the edit does
 * not fit the dataset: an index out of range, or an item to update or remove
 * that is not the one the edit names (the dataset changed since the edit was
 * made). The dataset given is never modified, even when it throws. A group's
 * story steps apply after its items, each only to a step that still names what
 * it expects (`applyStepEdits`): stories are also edited outside the undo history.
 */
export function applyEdit(dataset: Dataset, edit: Edit): Dataset {
  const copies = new Map<EditableList, unknown[]>();
  const listFor = (list: EditableList): unknown[] => {
    let copy = copies.get(list);
    if (!copy) copies.set(list, (copy = [...(dataset[list] as readonly unknown[])]));
    return copy;
  };
  for (const item of itemEdits(edit)) applyItemEdit(listFor(item.list), item);
  const next: Dataset = { ...dataset, ...Object.fromEntries(copies) };
  const steps = edit.op === 'group' ? edit.steps : undefined;
  if (steps?.length && dataset.stories) {
    const stories = applyStepEdits(dataset.stories, steps);
    if (stories !== dataset.stories) next.stories = [...stories];
  }
  return next;
}

function applyItemEdit(items: unknown[], edit: ItemEdit): void {
  const where = `${edit.list}[${edit.index}]`;
  if (!Number.isInteger(edit.index) || edit.index < 0)
    throw new Error(`cannot ${edit.op} ${where}: the index must be a whole number ≥ 0`);
  if (edit.op === 'add') {
    if (edit.index > items.length)
      throw new Error(`cannot add ${where}: the list has only ${items.length} items`);
    items.splice(edit.index, 0, edit.item);
    return;
  }
  const expected = edit.op === 'update' ? edit.before : edit.item;
  const found = items[edit.index] as EditableItems[EditableList] | undefined;
  if (found === undefined)
    throw new Error(
      `cannot ${edit.op} ${where} (“${expected.id}”): the list has only ${items.length} items`,
    );
  if (found.id !== expected.id)
    throw new Error(
      `cannot ${edit.op} ${where}: expected “${expected.id}” there, found “${found.id}”`,
    );
  if (!sameValue(found, expected))
    throw new Error(
      `cannot ${edit.op} ${where} (“${expected.id}”): it has changed since the edit was made`,
    );
  if (edit.op === 'update') items[edit.index] = edit.after;
  else items.splice(edit.index, 1);
}

/**
 * The edit that undoes `edit`, to apply to the dataset `edit` produced: an add
 * becomes a remove at the same index and the reverse, an update swaps before
 * and after, a group inverts each of its edits (and its story steps) in reverse order.
 */
export function invertEdit(edit: Edit): Edit {
  if (edit.op === 'group')
    return {
      op: 'group',
      label: `Undo: ${edit.label}`,
      edits: [...edit.edits].reverse().map(invertItemEdit),
      ...(edit.steps?.length ? { steps: [...edit.steps].reverse().map(invertStepEdit) } : {}),
    };
  return invertItemEdit(edit);
}

function invertItemEdit(edit: ItemEdit): ItemEdit {
  switch (edit.op) {
    case 'add':
      return { ...edit, op: 'remove' } as ItemEdit;
    case 'remove':
      return { ...edit, op: 'add' } as ItemEdit;
    case 'update':
      return { ...edit, before: edit.after, after: edit.before } as ItemEdit;
  }
}

/**
 * The ids an edit touches, per kind of item (an update that renames lists
 * both ids), for the graph view to update only those; `vocabulary` when an
 * actor type or relation kind changed. Sources change nothing the graph shows.
 */
export function changeOf(edit: Edit): ModelChange {
  const ids = {
    actors: new Set<string>(),
    relations: new Set<string>(),
    events: new Set<string>(),
  };
  let vocabulary = false;
  for (const item of itemEdits(edit)) {
    if (item.list === 'actorTypes' || item.list === 'relationKinds') vocabulary = true;
    if (item.list !== 'actors' && item.list !== 'relations' && item.list !== 'events') continue;
    for (const touched of itemsOf(item)) ids[item.list].add(touched.id);
  }
  return {
    actors: [...ids.actors],
    relations: [...ids.relations],
    events: [...ids.events],
    vocabulary,
  };
}

/** The item edits of an edit, in the order they apply. */
export function itemEdits(edit: Edit): readonly ItemEdit[] {
  return edit.op === 'group' ? edit.edits : [edit];
}

/** The items an item edit involves: the one added or removed, or the one before and after. */
export function itemsOf(edit: ItemEdit): { id: string }[] {
  return edit.op === 'update' ? [edit.before, edit.after] : [edit.item];
}
