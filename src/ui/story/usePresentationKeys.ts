/**
 * Present mode's keys: → PageDown Space show the next step, ← PageUp the
 * previous one, Escape closes the details the reader opened, or else leaves. Listened for in the capture phase, so they come
 * before the page's time keys (useTimeKeys.ts, which then skips them: they are
 * marked handled) and the graph's keyboard cursor. Keys a control needs keep
 * their own meaning: typing in a field, arrows on the time slider, Space and
 * Enter on a button.
 */
import { useEffect } from 'react';
import { leavePresentation, nextStep, previousStep } from '../../store/stories';

const OWN_KEYS = 'input, textarea, select, [contenteditable]:not([contenteditable="false"])';
const SLIDER = '[role="slider"]';
const BUTTON = 'button, a[href], [role="button"]';

type StoryKey = 'next' | 'previous' | 'leave';

/** What a key does in Present mode with focus on `target`; null: not a story key there. */
export function presentationKey(
  key: string,
  target: Element | null,
  modifiers: boolean,
): StoryKey | null {
  if (modifiers) return null;
  if (key === 'Escape') return 'leave';
  if (target?.closest(OWN_KEYS)) return null;
  const onSlider = target?.closest(SLIDER) != null; // its arrows scrub time
  if (key === 'PageDown') return 'next';
  if (key === 'PageUp') return 'previous';
  if (onSlider) return null;
  if (key === 'ArrowRight') return 'next';
  if (key === 'ArrowLeft') return 'previous';
  if (key === ' ' && !target?.closest(BUTTON)) return 'next';
  return null;
}

/**
 * @param closeDetails closes the details the reader opened (PresentationDetails.tsx); null when
 *   none are open, and Escape leaves the presentation.
 */
export function usePresentationKeys(active: boolean, closeDetails: (() => void) | null): void {
  useEffect(() => {
    if (!active) return;
    const onKeyDown = (e: KeyboardEvent) => {
      const target = e.target instanceof Element ? e.target : null;
      const action = presentationKey(e.key, target, e.altKey || e.ctrlKey || e.metaKey);
      if (!action) return;
      e.preventDefault(); // and the page's time keys leave it alone
      e.stopPropagation(); // the graph's cursor and the slider do not act on it too
      if (action === 'next') nextStep();
      else if (action === 'previous') previousStep();
      else if (closeDetails) closeDetails();
      else leavePresentation();
    };
    window.addEventListener('keydown', onKeyDown, { capture: true });
    return () => window.removeEventListener('keydown', onKeyDown, { capture: true });
  }, [active, closeDetails]);
}
