/**
 * The title bar's controls, folded behind a "☰ Menu" button where the header
 * has no room for them. One copy of the controls: on a wide screen the panel
 * lays them out in the header row (the button is not shown); at and below
 * the `medium` breakpoint the dataset controls and export move into a
 * drop-down, and at and below `narrow` the search and view switch join them
 * (app.css decides which, by width). A disclosure, not an ARIA menu: it holds
 * form controls, which a menu's arrow-key model would break.
 *
 * It closes on Escape (focus returns to the button), on a press outside it,
 * after a control marked `data-closes-menu` is used, and when the view or the
 * selection changes (a search result chosen in it, a view switched).
 */
import { useId, useRef, useState, type ReactNode } from 'react';
import { selectSelection, selectView } from '../store/selectors';
import { useStore } from '../store/store';
import { usePointerDownOutside } from './usePointerDownOutside';

export function HeaderMenu({ children }: { children: ReactNode }) {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const panelId = useId();
  const view = useStore(selectView);
  const selection = useStore(selectSelection);
  const [shown, setShown] = useState({ view, selection });
  if (shown.view !== view || shown.selection !== selection) {
    setShown({ view, selection });
    setOpen(false);
  }

  usePointerDownOutside(root, open, () => setOpen(false));

  return (
    <div
      ref={root}
      className="header-menu"
      data-open={open}
      onKeyDown={(e) => {
        // A control that used Escape itself (the search's result list) keeps the menu open.
        if (e.key !== 'Escape' || !open || e.defaultPrevented) return;
        // Handled here, so the page's Escape (clear the selection) leaves the selection alone.
        e.preventDefault();
        setOpen(false);
        button.current?.focus();
      }}
      onClick={(e) => {
        if (e.target instanceof Element && e.target.closest('[data-closes-menu]')) setOpen(false);
      }}
    >
      <button
        ref={button}
        type="button"
        className="header-menu__button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen(!open)}
      >
        <span aria-hidden="true">☰</span> Menu
      </button>
      <div id={panelId} className="header-menu__panel">
        {children}
      </div>
    </div>
  );
}
