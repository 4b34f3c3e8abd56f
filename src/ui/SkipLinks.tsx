/**
 * Skip links: the first two tab stops of the page, shown only when focused.
 * They move focus itself (not only the scroll position, which is all a
 * fragment link does for an element that is not focusable), so the next key
 * works there: arrows on the graph, Tab into the time bar's controls.
 */
import type { MouseEvent } from 'react';

/** Ids of the skip links' targets, set by App on the main area, the graph and the time bar. */
export const SKIP_TARGETS = { main: 'main', graph: 'graph', timeBar: 'time-bar' } as const;

function focusTarget(e: MouseEvent<HTMLAnchorElement>, ...ids: string[]) {
  // The first target on screen: the graph, or the main area when another view replaces it.
  const target = ids
    .map((id) => document.getElementById(id))
    .find((el): el is HTMLElement => el !== null && el.getClientRects().length > 0);
  if (!target) return;
  e.preventDefault();
  if (target.tabIndex < 0 && !target.hasAttribute('tabindex')) target.tabIndex = -1;
  target.focus();
}

export function SkipLinks() {
  return (
    <nav className="skip-links" aria-label="Skip links">
      <a
        href={`#${SKIP_TARGETS.graph}`}
        onClick={(e) => focusTarget(e, SKIP_TARGETS.graph, SKIP_TARGETS.main)}
      >
        Skip to the graph
      </a>
      <a href={`#${SKIP_TARGETS.timeBar}`} onClick={(e) => focusTarget(e, SKIP_TARGETS.timeBar)}>
        Skip to the time bar
      </a>
    </nav>
  );
}
