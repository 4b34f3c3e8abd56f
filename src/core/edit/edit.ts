/**
 * Authoring: the changes a user makes to a dataset inside Allegiance, as
 * data. Every change is an `Edit`; the store keeps the undo and redo stacks
 * as lists of them, the changelog describes them, and the model follows
 * them incrementally (`applyEditToModel`) instead of being rebuilt.
 *
 * An edit carries what it needs to be undone (the item before and after, the
 * position it had in its list), so `invertEdit` needs no dataset.
 */
import type {
  Actor,
  ActorType,
  EventItem,
  Relation,
  RelationKind,
  Source,
  StoryStep,
} from '../schema';

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
 * What a story step names by id: the actor, relation or event it selects, the actor types
 * and relation kinds its filters hide, and its quote (by the source it cites). An absent
 * field: the step names nothing there.
 */
export interface StepReferences {
  selection?: StoryStep['selection'];
  hiddenTypes?: readonly string[];
  hiddenKinds?: readonly string[];
  quote?: StoryStep['quote'];
}

/**
 * A story step's references rewritten with the ids an edit renames, or dropped with the items
 * it deletes (`storyFollow.ts`). Stories are also edited outside the undo history (the story
 * panel), so the step is found by story id and index and changed only while its references
 * are still `before`: a step the user has changed since is left as they made it.
 */
export interface StepEdit {
  story: string;
  step: number;
  before: StepReferences;
  after: StepReferences;
}

/**
 * What the user did, as one undo step: a single item edit, or several made
 * together (deleting an actor with its relations; renaming an id everywhere).
 * `label` is the changelog's wording of a group ("Deleted actor “ISI” and 3 relations").
 * `steps`: the story steps that follow the group's renames and deletions, applied after
 * its item edits.
 */
export type Edit =
  | ItemEdit
  | { op: 'group'; label: string; edits: readonly ItemEdit[]; steps?: readonly StepEdit[] };

/** The ids of what an edit touched, per kind of item, for the graph view to update only those. */
export interface ModelChange {
  actors: readonly string[];
  relations: readonly string[];
  events: readonly string[];
  /** Actor types or relation kinds changed: every element's style may differ. */
  vocabulary: boolean;
}
