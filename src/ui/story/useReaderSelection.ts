/**
 * What the reader of a presentation opened: an actor, relation or event they selected
 * themselves (a click on the graph, Enter on its keyboard cursor, a link in the details), as
 * opposed to the selection a step sets. Present mode shows its details over the graph
 * (PresentationDetails.tsx) without leaving the story.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { select, useStore, type AppState, type Selection } from '../../store/store';

const sameStep = (a: AppState['presentation'], b: AppState['presentation']) =>
  a !== null && b !== null && a.storyId === b.storyId && a.step === b.step;

/**
 * @returns the selection the reader opened (null: none, or a new step closed it) and `close`,
 *   which closes it and puts the step's own selection back on the graph.
 */
export function useReaderSelection(stepSelection: Selection | null): {
  opened: Selection | null;
  close: () => void;
} {
  const [opened, setOpened] = useState<Selection | null>(null);
  /** Set while `close` restores the step's selection: that change is not the reader's. */
  const restoring = useRef(false);

  useEffect(
    () =>
      useStore.subscribe((s, prev) => {
        // A step sets its selection with the step itself (store/stories.ts `showStep`).
        if (!sameStep(s.presentation, prev.presentation)) setOpened(null);
        else if (s.selection !== prev.selection && !restoring.current) setOpened(s.selection);
      }),
    [],
  );

  const close = useCallback(() => {
    setOpened(null);
    restoring.current = true;
    try {
      select(stepSelection);
    } finally {
      restoring.current = false;
    }
  }, [stepSelection]);

  return { opened, close };
}
