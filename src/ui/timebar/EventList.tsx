/**
 * The list a merged event marker opens: one button per event, one tab stop
 * (arrow keys, Home and End move between them). It takes focus when it
 * opens; Escape closes it and returns focus to the marker; a click outside
 * or tabbing away just closes it.
 */
import { useEffect, useRef } from 'react';
import { useRovingFocus } from '../useRovingFocus';

export interface ListedEvent {
  id: string;
  title: string;
  date: string;
}

interface Props {
  events: readonly ListedEvent[];
  label: string;
  align: string;
  left: string;
  /** The marker that opened the list (clicks on it toggle the list, they are not "outside"). */
  getAnchor: () => HTMLElement | null;
  onChoose: (id: string) => void;
  /** Closes and returns focus to the marker. */
  onClose: () => void;
  /** Closes without moving focus (focus went elsewhere). */
  onDismiss: () => void;
}

export function EventList({
  events,
  label,
  align,
  left,
  getAnchor,
  onChoose,
  onClose,
  onDismiss,
}: Props) {
  const root = useRef<HTMLDivElement>(null);
  const roving = useRovingFocus(events.length);

  useEffect(() => {
    root.current?.querySelector('button')?.focus();
    const outside = (e: PointerEvent) => {
      const t = e.target as Node;
      if (!root.current?.contains(t) && !getAnchor()?.contains(t)) onDismiss();
    };
    document.addEventListener('pointerdown', outside);
    return () => document.removeEventListener('pointerdown', outside);
    // Runs once per opening: the callbacks' identities do not matter here.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  return (
    <div
      ref={root}
      className="timebar__list"
      role="dialog"
      aria-label={label}
      data-align={align}
      style={{ left }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          onClose();
        } else roving.onKeyDown(e);
      }}
      onBlur={(e) => {
        const next = e.relatedTarget as Node | null;
        if (next && !root.current?.contains(next) && !getAnchor()?.contains(next)) onDismiss();
      }}
    >
      <ul className="timebar__list-items">
        {events.map((e, i) => (
          <li key={e.id}>
            <button
              {...roving.controlProps(i)}
              type="button"
              className="timebar__list-item"
              onClick={() => onChoose(e.id)}
            >
              <span className="timebar__list-date">{e.date}</span>
              <span className="timebar__list-title">{e.title}</span>
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
