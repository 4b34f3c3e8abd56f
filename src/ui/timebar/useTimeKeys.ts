/**
 * Page-wide time keys: Space plays or pauses, [ and ] step between events,
 * the arrows step months while focus is on the page (not in the focused
 * graph: there the arrows and Space move and use its keyboard cursor), and
 * Escape clears the selection. Keys
 * a focused widget already handled (defaultPrevented) are left alone.
 */
import { useEffect } from 'react';
import {
  jumpToEnd,
  jumpToStart,
  select,
  stepEvent,
  stepMonths,
  togglePlay,
} from '../../store/store';
import { globalKeyAction, type FocusContext, type TimeKeyAction } from './timeKeys';

const EDITABLE = 'input, textarea, select, [contenteditable]:not([contenteditable="false"])';
const CONTROL =
  'button, a[href], summary, [role="button"], [role="link"], [role="checkbox"], [role="switch"], [role="menuitem"], [role="option"], [role="tab"], [role="radio"]';
const CANVAS = '.graph-wrap';
/** The focusable graph itself (GraphCanvas.tsx), whose keyboard cursor owns arrows and Space. */
const GRAPH = '[data-testid="graph"]';
const POPUP = 'dialog, [role="dialog"], [role="alertdialog"], [role="menu"], [role="listbox"]';

function focusContext(target: EventTarget | null): FocusContext {
  if (
    !(target instanceof Element) ||
    target === document.body ||
    target === document.documentElement
  )
    return 'canvas';
  if (target.closest(EDITABLE)) return 'editable';
  if (target.closest(POPUP)) return 'popup';
  if (target.closest(CONTROL)) return 'control';
  if (target.closest(GRAPH)) return 'graph-cursor';
  if (target.closest(CANVAS)) return 'canvas';
  return 'other';
}

/** Runs a time action against the store. */
export function runTimeAction(action: TimeKeyAction): void {
  switch (action.type) {
    case 'months':
      return stepMonths(action.months);
    case 'start':
      return jumpToStart();
    case 'end':
      return jumpToEnd();
    case 'event':
      return stepEvent(action.direction);
    case 'toggle-play':
      return togglePlay();
    case 'clear-selection':
      return select(null);
  }
}

export function useTimeKeys(): void {
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.defaultPrevented) return;
      const action = globalKeyAction(e, focusContext(e.target));
      if (!action) return;
      e.preventDefault(); // Space would also scroll the page
      // A held Space would flicker between play and pause.
      if (action.type !== 'toggle-play' || !e.repeat) runTimeAction(action);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
