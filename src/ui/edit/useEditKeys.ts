/**
 * Undo and redo from the keyboard while edit mode is on: Ctrl+Z (⌘Z) undoes,
 * Ctrl+Shift+Z and Ctrl+Y redo. Not while typing in a field, where the
 * browser's own undo of the text applies, nor while a form is open.
 */
import { useEffect } from 'react';
import { redo, undo } from '../../store/editing';
import { useStore } from '../../store/store';

/** Whether a key went to a place that edits text (its own Ctrl+Z is the browser's). */
function isTextEntry(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return (
    target.isContentEditable ||
    target instanceof HTMLTextAreaElement ||
    target instanceof HTMLSelectElement ||
    (target instanceof HTMLInputElement && !['button', 'checkbox', 'radio'].includes(target.type))
  );
}

/** The edit key a keydown means, if any. */
export function editKey(
  e: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>,
): 'undo' | 'redo' | null {
  if (!(e.ctrlKey || e.metaKey) || e.altKey) return null;
  const key = e.key.toLowerCase();
  if (key === 'z') return e.shiftKey ? 'redo' : 'undo';
  if (key === 'y' && !e.shiftKey) return 'redo';
  return null;
}

export function useEditKeys(on: boolean): void {
  useEffect(() => {
    if (!on) return;
    const onKey = (e: KeyboardEvent) => {
      const action = editKey(e);
      if (!action || isTextEntry(e.target) || useStore.getState().editing?.form) return;
      e.preventDefault();
      if (action === 'undo') undo();
      else redo();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [on]);
}
