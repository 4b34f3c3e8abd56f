/** Layout breakpoints (core/tokens.ts) as React state that follows the window's width. */
import { useSyncExternalStore } from 'react';
import { tokens } from '../core/tokens';

export type Breakpoint = keyof typeof tokens.breakpoint;

/** The media query true at and below a breakpoint, written as the stylesheets write it. */
export const atMost = (breakpoint: Breakpoint) => `(max-width: ${tokens.breakpoint[breakpoint]}px)`;

/** Whether the viewport is at or below a breakpoint now (outside React). */
export const isAtMost = (breakpoint: Breakpoint) => window.matchMedia(atMost(breakpoint)).matches;

/** Whether the viewport is at or below a breakpoint; re-renders when that changes. */
export function useAtMost(breakpoint: Breakpoint): boolean {
  const query = atMost(breakpoint);
  return useSyncExternalStore(
    (changed) => {
      const list = window.matchMedia(query);
      list.addEventListener('change', changed);
      return () => list.removeEventListener('change', changed);
    },
    () => window.matchMedia(query).matches,
  );
}
