/**
 * The title bar's "Edit" switch: turns edit mode on (edit mode's code is
 * loaded, and the seed or an example is first stored as an editable copy,
 * which takes a moment) and off. A dataset that was being edited when the
 * page was left comes back in edit mode (`useResumeEditing`).
 */
import { selectEditingOn } from '../../store/selectors';
import { useCallback, useState } from 'react';
import { showNotice, useStore } from '../../store/store';
import { loadEditing, loadEditPanel } from './loadEditing';
import { useResumeEditing } from './useResumeEditing';

export function EditToggle() {
  const on = useStore(selectEditingOn);
  const [starting, setStarting] = useState(false);
  const start = useCallback(() => {
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
  }, []);
  useResumeEditing(start);
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
        if (on) void loadEditing().then((editing) => editing.stopEditing());
        else start();
      }}
    >
      {starting ? 'Opening for editing…' : 'Edit'}
    </button>
  );
}
