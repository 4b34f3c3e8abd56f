/**
 * Authoring: the changes a user makes to a dataset inside Allegiance, as
 * data. Every change is an `Edit`; the store keeps the undo and redo stacks
 * as lists of them, the changelog describes them, and the model follows
 * them incrementally (`applyEditToModel`) instead of being rebuilt.
 *
 * An edit carries what it needs to be undone (the item before and after, the
 * position it had in its list), so `invertEdit` needs no dataset.
 */
import type { Actor, ActorType, EventItem, Relation, RelationKind, Source } from '../schema';

/** The dataset lists an edit can change, and the item type of each. */
export interface EditableItems {
  actors: Actor;
  relations: Relation;
  events: EventItem;
  sources: Source;
  actorTypes: ActorType;
  relationKinds: RelationKind;
}
export type EditableList = keyof EditableItems;

/** One item added, changed or removed (`index`: where it sits, or sat, in its list). */
export type ItemEdit = {
  [L in EditableList]:
    | { op: 'add'; list: L; item: EditableItems[L]; index: number }
    | { op: 'update'; list: L; before: EditableItems[L]; after: EditableItems[L]; index: number }
    | { op: 'remove'; list: L; item: EditableItems[L]; index: number };
}[EditableList];

/**
 * What the user did, as one undo step: a single item edit, or several made
 * together (deleting an actor with its relations; renaming an id everywhere).
 * `label` is the changelog's wording of a group ("Deleted actor “ISI” and 3 relations").
 */
export type Edit = ItemEdit | { op: 'group'; label: string; edits: readonly ItemEdit[] };

/** The ids of what an edit touched, per kind of item, for the graph view to update only those. */
export interface ModelChange {
  actors: readonly string[];
  relations: readonly string[];
  events: readonly string[];
  /** Actor types or relation kinds changed: every element's style may differ. */
  vocabulary: boolean;
}
