/**
 * One tab stop for a group of controls (the WAI-ARIA "roving tabindex"): Tab enters the group at
 * the control last used, the arrow keys move between its controls, Home and End go to the ends.
 * Keys it handles are marked handled, so the page-wide time keys leave them alone.
 */
import { useRef, useState, type KeyboardEvent } from 'react';

const STEPS: Readonly<Record<string, number>> = {
  ArrowDown: 1,
  ArrowRight: 1,
  ArrowUp: -1,
  ArrowLeft: -1,
};

export function useRovingFocus(count: number) {
  const [active, setActive] = useState(0);
  const controls = useRef<(HTMLElement | null)[]>([]);
  // The group may shrink (another dataset): keep the tab stop on a control that exists.
  const current = Math.min(active, Math.max(0, count - 1));

  const focus = (i: number) => {
    const next = (i + count) % count;
    setActive(next);
    controls.current[next]?.focus();
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.altKey || e.ctrlKey || e.metaKey || count === 0) return;
    const from = controls.current.indexOf(e.target as HTMLElement);
    if (from < 0) return;
    const step = Object.hasOwn(STEPS, e.key) ? STEPS[e.key]! : 0;
    if (step !== 0) focus(from + step);
    else if (e.key === 'Home') focus(0);
    else if (e.key === 'End') focus(count - 1);
    else return;
    e.preventDefault();
  };

  /** Props for the control at position `i` of the group. */
  const controlProps = (i: number) => ({
    ref: (el: HTMLElement | null) => {
      controls.current[i] = el;
    },
    tabIndex: i === current ? 0 : -1,
    onFocus: () => setActive(i),
  });

  return { onKeyDown, controlProps };
}
