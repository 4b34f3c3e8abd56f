/**
 * The details of what a presentation's reader opened (useReaderSelection.ts): an actor's,
 * relation's or event's quoted evidence and its sources, as the explorer's details panel shows
 * them, over the graph on a wide screen and as a bottom sheet on a phone (story.css), without
 * leaving Present mode. The close button or Escape (usePresentationKeys.ts) closes it; focus
 * moves into it when it opens, so the keyboard and a screen reader find it, and returns after.
 */
import { useLayoutEffect, useRef } from 'react';
import type { ExplorerModel } from '../../core/explorer-model';
import type { Selection } from '../../store/store';
import { useCanvasCover } from '../canvasCovers';
import { Selected } from '../details/DetailsPanel';
import '../details/details.css';
import '../details/lists.css';

export function PresentationDetails({
  model,
  selection,
  onClose,
}: {
  model: ExplorerModel;
  selection: Selection;
  onClose: () => void;
}) {
  const root = useRef<HTMLElement>(null);
  useCanvasCover(root); // a bottom sheet over the graph on a phone

  useLayoutEffect(() => {
    const before = document.activeElement;
    root.current?.focus();
    return () => {
      if (before instanceof HTMLElement && before.isConnected) before.focus();
    };
  }, []);

  // A link inside (another actor, a relation) selects it: the new details start at the top.
  // In braces: newer browsers return a promise from scrollTo, and an effect returns only a cleanup.
  useLayoutEffect(() => {
    root.current?.scrollTo({ top: 0 });
  }, [selection]);

  return (
    <section
      ref={root}
      className="presentation-details details"
      role="dialog"
      aria-label="Details"
      aria-keyshortcuts="Escape"
      tabIndex={-1}
      data-testid="presentation-details"
    >
      <button type="button" className="presentation-details__close" onClick={onClose}>
        <span aria-hidden="true">×</span>
        <span className="visually-hidden">Close the details</span>
      </button>
      <Selected model={model} selection={selection} />
    </section>
  );
}
