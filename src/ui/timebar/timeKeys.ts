/**
 * The time bar's keyboard map, kept pure so it can be tested without a DOM:
 * which key does what on the date slider, and which keys work anywhere on
 * the page depending on what has focus.
 */

export type TimeKeyAction =
  | { type: 'months'; months: number }
  | { type: 'start' }
  | { type: 'end' }
  | { type: 'event'; direction: 1 | -1 }
  | { type: 'toggle-play' }
  | { type: 'clear-selection' };

/**
 * What has focus, as far as global keys care:
 * - `editable`: text fields, selects, contenteditable: they own every key;
 * - `control`: buttons and links: Space is theirs (native activation);
 * - `canvas`: the page itself or around the graph (its tools aside): arrow keys move time too;
 * - `other`: anything else focusable (the slider, table cells): Space and [ ];
 * - `popup`: inside a dialog, menu or list box: as `other`, but Escape is the popup's (it closes);
 * - `graph-cursor`: the focused graph, whose keyboard cursor owns the arrows, Space and Enter
 *   (move between actors, select one); [ ] and Escape still work there.
 */
export type FocusContext = 'editable' | 'control' | 'canvas' | 'other' | 'popup' | 'graph-cursor';

export interface KeyLike {
  key: string;
  shiftKey: boolean;
  altKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
}

const hasCommandModifier = (e: KeyLike) => e.altKey || e.ctrlKey || e.metaKey;

/** Arrow keys step a month (a year with Shift); Up counts as Right, as on any slider. */
function arrowAction(e: KeyLike): TimeKeyAction | null {
  const sign =
    e.key === 'ArrowRight' || e.key === 'ArrowUp'
      ? 1
      : e.key === 'ArrowLeft' || e.key === 'ArrowDown'
        ? -1
        : 0;
  return sign === 0 ? null : { type: 'months', months: sign * (e.shiftKey ? 12 : 1) };
}

/** Keys of the focused date slider. */
export function sliderKeyAction(e: KeyLike): TimeKeyAction | null {
  if (hasCommandModifier(e)) return null;
  switch (e.key) {
    case 'PageUp':
      return { type: 'months', months: 12 };
    case 'PageDown':
      return { type: 'months', months: -12 };
    case 'Home':
      return { type: 'start' };
    case 'End':
      return { type: 'end' };
    default:
      return arrowAction(e);
  }
}

/**
 * Keys that work wherever focus is, unless what has focus needs them itself. Escape clears the
 * selection (a widget that uses Escape itself, such as the search box, handles it first).
 */
export function globalKeyAction(e: KeyLike, context: FocusContext): TimeKeyAction | null {
  if (hasCommandModifier(e) || context === 'editable') return null;
  if (e.key === ' ' || e.key === 'Spacebar')
    return context === 'control' || context === 'graph-cursor' ? null : { type: 'toggle-play' };
  if (e.key === ']') return { type: 'event', direction: 1 };
  if (e.key === '[') return { type: 'event', direction: -1 };
  if (e.key === 'Escape') return context === 'popup' ? null : { type: 'clear-selection' };
  return context === 'canvas' ? arrowAction(e) : null;
}
