/**
 * The title bar's "Edit" switch: turns edit mode on (the seed or an example
 * is first stored as an editable copy, which takes a moment) and off.
 */
import { useState } from 'react';
import { startEditing, stopEditing } from '../../store/editing';
import { useStore, type AppState } from '../../store/store';

const selectEditingOn = (s: AppState) => s.editing !== null;

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
          void stopEditing();
          return;
        }
        setStarting(true);
        void startEditing().finally(() => setStarting(false));
      }}
    >
      {starting ? 'Opening for editing…' : 'Edit'}
    </button>
  );
}
