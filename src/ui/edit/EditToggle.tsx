/**
 * The title bar's "Edit" switch: turns edit mode on (edit mode's code is
 * loaded, and the seed or an example is first stored as an editable copy,
 * which takes a moment) and off.
 */
import { selectEditingOn } from '../../store/selectors';
import { useState } from 'react';
import { showNotice, useStore } from '../../store/store';
import { loadEditing, loadEditPanel } from './loadEditing';

export function EditToggle() {
  const on = useStore(selectEditingOn);
  const [starting, setStarting] = useState(false);
  return (
    <button
      type="button"
      className="title-bar__export"
      aria-pressed={on}
      disabled={starting}
      data-closes-menu
      title={
        on
          ? 'Leave edit mode (every edit is already saved)'
          : 'Add and correct actors, relations, events and their evidence'
      }
      onClick={() => {
        if (on) {
          void loadEditing().then((editing) => editing.stopEditing());
          return;
        }
        setStarting(true);
        void Promise.all([loadEditing(), loadEditPanel()])
          .then(
            ([editing]) => editing.startEditing(),
            () =>
              showNotice({
                kind: 'error',
                text: 'Edit mode could not be loaded (the connection may have dropped): try again.',
              }),
          )
          .finally(() => setStarting(false));
      }}
    >
      {starting ? 'Opening for editing…' : 'Edit'}
    </button>
  );
}
