/**
 * Present mode: the graph full-window with the step's caption (its date, its
 * text, and the quote with its source), next and previous, auto-advance and
 * a way out. App shows it while the store presents a story (a link with
 * `story=`, or a Present button); the rest of the page's chrome is hidden by
 * app.css, and the time bar stays so the viewer sees time move and can scrub.
 *
 * Keys, taken before the page's time keys: → PageDown Space next, ← PageUp
 * previous, Escape leaves (focus returns to where it was). A step that refers
 * to what the dataset lacks is shown without it, and the caption says so.
 *
 * The reader can open the evidence of what a step shows: selecting an actor or
 * relation (a click, or Enter on the graph's keyboard cursor) opens its details
 * over the graph (PresentationDetails.tsx); Escape then closes them first.
 */
import { useEffect, useLayoutEffect, useRef, type RefObject } from 'react';
import { describeStoryProblem, readingSeconds } from '../../core/story';
import { selectModel } from '../../store/selectors';
import { useStore } from '../../store/store';
import {
  leavePresentation,
  nextStep,
  presentedStepView,
  previousStep,
  setAutoAdvance,
  advanceStory,
} from '../../store/stories';
import { PresentationDetails } from './PresentationDetails';
import { selectPresentation, selectPresentedStory } from './selectors';
import { selectionText, stepWhenText } from './stepText';
import { usePresentationKeys } from './usePresentationKeys';
import { useReaderSelection } from './useReaderSelection';
import './story.css';

export function Presentation() {
  const presentation = useStore(selectPresentation);
  const story = useStore(selectPresentedStory);
  const model = useStore(selectModel);
  const root = useRef<HTMLDivElement>(null);
  const index = presentation?.step ?? 0;
  const step = story?.steps[index];
  // Cheap: the step's references are looked up in maps (the quote finder is kept per model).
  const view = story && step && model ? presentedStepView(story.id, index) : null;

  const details = useReaderSelection(view?.selection ?? null);
  usePresentationKeys(presentation !== null, details.opened ? details.close : null);
  useReturnFocus(root);

  // Auto-advance: hold the shown step for its reading time, then play on to the next.
  const holding = presentation?.auto === true && presentation.moving === null;
  const holdMs = view ? readingSeconds(view) * 1000 : 0;
  useEffect(() => {
    if (!holding) return;
    const timer = setTimeout(advanceStory, holdMs);
    return () => clearTimeout(timer);
  }, [holding, holdMs, index]);

  if (!presentation || !story || !step || !model || !view) return null;
  const last = story.steps.length - 1;
  const source = view.quote && model.dataset.sources.find((s) => s.id === view.quote!.source);
  const moving = presentation.moving?.kind === 'transition';

  return (
    <div
      ref={root}
      className="presentation"
      role="region"
      aria-label={`Presenting the story “${story.title}”`}
      tabIndex={-1}
      data-testid="presentation"
    >
      <p className="presentation__story">{story.title}</p>
      <div className="presentation__caption" aria-live="polite" aria-atomic="true">
        <p className="presentation__progress">
          Step {index + 1} of {story.steps.length}
          {moving && ' · moving on…'}
        </p>
        <p className="presentation__date" data-testid="presentation-date">
          {stepWhenText(step, model)}
        </p>
        {view.caption && (
          <p className="presentation__text" data-testid="presentation-caption">
            {view.caption}
          </p>
        )}
        {view.quote && (
          <blockquote className="presentation__quote">
            <p>“{view.quote.text}”</p>
            <footer>— {source?.title ?? view.quote.source}</footer>
          </blockquote>
        )}
        {view.selection && (
          <p className="presentation__selection">
            Selected: {selectionText(view.selection, model)}
          </p>
        )}
      </div>
      {view.problems.length > 0 && (
        <div className="presentation__problems" role="note" data-testid="presentation-problems">
          <p>This step is shown without what the dataset does not have:</p>
          <ul>
            {view.problems.map((p) => (
              <li key={p.path}>{describeStoryProblem(p)}</li>
            ))}
          </ul>
        </div>
      )}
      {details.opened && (
        <PresentationDetails model={model} selection={details.opened} onClose={details.close} />
      )}
      <div className="presentation__controls" role="group" aria-label="Story controls">
        <button
          type="button"
          onClick={previousStep}
          disabled={index === 0 && !moving}
          aria-keyshortcuts="ArrowLeft PageUp"
        >
          ← Previous
        </button>
        <button
          type="button"
          aria-pressed={presentation.auto}
          onClick={() => setAutoAdvance(!presentation.auto)}
          disabled={index === last && !presentation.auto}
          title="Play the story: each step is held for its reading time, then time runs on to the next"
        >
          {presentation.auto ? '❚❚ Pause' : '▶ Auto-play'}
        </button>
        <button
          type="button"
          onClick={nextStep}
          disabled={index === last && !moving}
          aria-keyshortcuts="ArrowRight PageDown Space"
        >
          Next →
        </button>
        <button
          type="button"
          className="presentation__leave"
          onClick={leavePresentation}
          aria-keyshortcuts="Escape"
        >
          Leave <span className="presentation__key">Esc</span>
        </button>
      </div>
    </div>
  );
}

/**
 * Focus moves into the presentation when it opens (so its keys work and a screen reader reads
 * the caption) and returns, when it closes, to what had it (the Present button).
 */
function useReturnFocus(root: RefObject<HTMLDivElement | null>): void {
  useLayoutEffect(() => {
    const before = document.activeElement;
    root.current?.focus();
    return () => {
      // After the page has shown its panels again: a hidden button cannot take focus.
      requestAnimationFrame(() => {
        if (before instanceof HTMLElement && before.isConnected) before.focus();
      });
    };
  }, [root]);
}
