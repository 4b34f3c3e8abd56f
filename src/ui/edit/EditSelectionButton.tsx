/**
 * In edit mode, the details panel's way to edit what it shows: the selected
 * actor, relation or event opens in the edit form.
 */
import { selectEditingOn } from '../../store/selectors';
import type { EditableList } from '../../core/edit/edit';
import { useStore, type Selection, type SelectionKind } from '../../store/store';
import { loadEditing } from './loadEditing';

const LIST_OF: Record<SelectionKind, EditableList> = {
  actor: 'actors',
  relation: 'relations',
  event: 'events',
};

export function EditSelectionButton({ selection }: { selection: Selection }) {
  const on = useStore(selectEditingOn);
  if (!on) return null;
  return (
    <button
      type="button"
      className="details__edit"
      // Shown only in edit mode, so the editing store is loaded: the import settles at once.
      onClick={() =>
        void loadEditing().then((editing) =>
          editing.openForm({ list: LIST_OF[selection.kind], id: selection.id }),
        )
      }
    >
      Edit this {selection.kind}
    </button>
  );
}
