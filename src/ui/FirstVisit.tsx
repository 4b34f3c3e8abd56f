/**
 * The first visit's prompt: the dataset tells a story over time, and the
 * quickest way into it is to play it from the start. A band across the
 * graph's bottom, which the camera frames the graph above (a card in a
 * corner hid the actors there), shown once: playing (from here or the time
 * bar) or "Explore on my own" dismisses it for good.
 *
 * It is not shown when localStorage cannot keep that promise (blocked
 * storage would show it on every visit), when the dataset has no time to
 * play, or when the page opened on a link to a particular date or
 * selection: playing from the start would throw away what the link shows.
 */
import { useEffect, useRef, useState } from 'react';
import { daysToCivil } from '../core/dates';
import { useCanvasCover } from './canvasCovers';
import { selectModel } from '../store/selectors';
import { jumpToStart, play, useStore } from '../store/store';

const SEEN_KEY = 'allegiance:first-visit-done';

/** Whether the prompt was dismissed before; null when storage is unavailable. */
function seenBefore(): boolean | null {
  try {
    const storage = globalThis.localStorage;
    if (!storage) return null;
    return storage.getItem(SEEN_KEY) !== null;
  } catch {
    return null;
  }
}

function rememberSeen(): void {
  try {
    globalThis.localStorage?.setItem(SEEN_KEY, new Date().toISOString());
  } catch {
    // Unavailable storage was checked before showing; a write refused now (quota) only means
    // the prompt may come back next time.
  }
}

/**
 * The query the page was opened with, read when this module loads: the URL sync (store/urlSync.ts)
 * rewrites the address with the current view before anything renders.
 */
const OPENING_QUERY = new URLSearchParams(window.location.search);

/** A link to a date, a selection or a view: what the page opened on matters more. */
const openedOnALink = () => ['date', 'select', 'view'].some((name) => OPENING_QUERY.has(name));

export function FirstVisit() {
  const model = useStore(selectModel);
  const [shown, setShown] = useState(() => seenBefore() === false && !openedOnALink());
  const card = useRef<HTMLDivElement>(null);
  const hasTime = model !== null && model.index.start < model.index.end;
  const visible = shown && hasTime;

  const dismiss = () => {
    rememberSeen();
    setShown(false);
  };

  // Playing by any means (the time bar, Space) is what the prompt asked for.
  useEffect(
    () =>
      useStore.subscribe((s, prev) => {
        if (!s.playing || prev.playing) return;
        rememberSeen();
        setShown(false);
      }),
    [],
  );

  // Focus goes to the card once, so the keyboard finds it first and Escape can dismiss it.
  const focused = useRef(false);
  useEffect(() => {
    if (!visible || focused.current) return;
    focused.current = true;
    card.current?.focus({ preventScroll: true });
  }, [visible]);

  // The camera frames the graph above the band (ui/canvasCovers.ts).
  useCanvasCover(card, visible);

  if (!visible) return null;
  // Numeric time (GEXF) stores the number as the year: "t = 190", never a calendar year.
  const startYear = daysToCivil(model.index.start).year;
  const start = model.dataset.timeKind === 'numeric' ? `t = ${startYear}` : String(startYear);
  return (
    <div
      ref={card}
      className="first-visit"
      role="dialog"
      aria-modal="false"
      aria-labelledby="first-visit-title"
      aria-describedby="first-visit-text"
      tabIndex={-1}
      data-testid="first-visit"
      onKeyDown={(e) => {
        if (e.key !== 'Escape') return;
        e.preventDefault(); // dismisses the prompt, and leaves the selection alone
        dismiss();
      }}
    >
      <div className="first-visit__intro">
        <h2 id="first-visit-title" className="first-visit__title">
          New here?
        </h2>
        <p id="first-visit-text" className="first-visit__text">
          This graph tells a story over time. Play it from the start to watch who sides with whom,
          or explore on your own: tap an actor, or move the date below.
        </p>
      </div>
      <div className="first-visit__actions">
        <button
          type="button"
          className="first-visit__play"
          onClick={() => {
            dismiss();
            jumpToStart();
            play();
          }}
        >
          Play from {start}
        </button>
        <button type="button" onClick={dismiss}>
          Explore on my own
        </button>
      </div>
    </div>
  );
}
