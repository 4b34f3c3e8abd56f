/**
 * The stored dataset's rarely used actions (rename, delete) behind one button, so the header
 * keeps room for what is used often. An ARIA menu button (WAI-ARIA Authoring Practices, "Menu
 * Button"): Enter, Space or ↓ opens the menu on its first item, ↑ on its last; ↑ ↓ Home End move
 * between items; Enter or a click runs one; Escape closes it and focus returns to the button;
 * Tab or a press outside closes it.
 */
import { useId, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { usePointerDownOutside } from '../usePointerDownOutside';

export interface DatasetAction {
  label: string;
  run: () => void;
}

export function DatasetActions({ name, actions }: { name: string; actions: DatasetAction[] }) {
  /** The item focused while open (its index), or null when closed. */
  const [active, setActive] = useState<number | null>(null);
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const items = useRef<(HTMLButtonElement | null)[]>([]);
  const menuId = useId();
  const open = active !== null;

  usePointerDownOutside(root, open, () => setActive(null));
  useLayoutEffect(() => {
    if (active !== null) items.current[active]?.focus();
  }, [active]);

  const close = () => {
    setActive(null);
    button.current?.focus();
  };
  const last = actions.length - 1;
  const onButtonKey = (e: KeyboardEvent) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      setActive(e.key === 'ArrowDown' ? 0 : last);
    }
  };
  const onMenuKey = (e: KeyboardEvent) => {
    if (active === null) return;
    const moves: Record<string, number> = {
      ArrowDown: active === last ? 0 : active + 1,
      ArrowUp: active === 0 ? last : active - 1,
      Home: 0,
      End: last,
    };
    if (e.key in moves) {
      e.preventDefault();
      setActive(moves[e.key]!);
    } else if (e.key === 'Escape') {
      e.preventDefault(); // the header menu around it and the page's Escape leave it alone
      e.stopPropagation();
      close();
    } else if (e.key === 'Tab') setActive(null);
  };

  return (
    <div ref={root} className="dataset-actions">
      <button
        ref={button}
        type="button"
        className="dataset-actions__button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        aria-label={`Dataset actions for “${name}”`}
        title="Rename or delete this dataset"
        onClick={() => setActive(open ? null : 0)}
        onKeyDown={onButtonKey}
      >
        <span aria-hidden="true">⋯</span>
      </button>
      {open && (
        <div
          id={menuId}
          className="dataset-actions__menu"
          role="menu"
          aria-label="Dataset actions"
          onKeyDown={onMenuKey}
        >
          {actions.map((action, i) => (
            <button
              key={action.label}
              ref={(el) => void (items.current[i] = el)}
              type="button"
              role="menuitem"
              tabIndex={i === active ? 0 : -1}
              onClick={() => {
                close();
                action.run();
              }}
            >
              {action.label}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
