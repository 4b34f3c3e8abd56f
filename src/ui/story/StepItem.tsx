/**
 * One step in the story editor: its date and selection, its caption (plain
 * text), an optional quote from the evidence of its selection, and the
 * buttons to show, re-record, move, duplicate and delete it. Alt+↑ and Alt+↓
 * move the step from anywhere in its row but the caption.
 */
import { useId, useMemo, type KeyboardEvent } from 'react';
import type { ExplorerModel } from '../../core/explorer-model';
import type { StoryStep } from '../../core/schema';
import { quoteChoices } from '../../core/story';
import {
  deleteStep,
  duplicateStep,
  editStep,
  moveStep,
  showStepInExplorer,
  updateStepView,
} from '../../store/stories';
import { selectionText, stepWhenText } from './stepText';

/**
 * Keeps focus on the moved step once React has drawn the list in its new order: on the same
 * move button, or the other one when that is now disabled (the step reached an end).
 */
function focusStepButton(index: number, action: 'up' | 'down'): void {
  requestAnimationFrame(() => {
    const row = document.querySelector(`[data-step-index="${index}"]`);
    const buttons = [action, action === 'up' ? 'down' : 'up'].map((a) =>
      row?.querySelector<HTMLButtonElement>(`[data-step-action="${a}"]`),
    );
    buttons.find((b) => b && !b.disabled)?.focus();
  });
}

export function StepItem({
  storyId,
  step,
  index,
  count,
  model,
}: {
  storyId: string;
  step: StoryStep;
  index: number;
  count: number;
  model: ExplorerModel;
}) {
  const captionId = useId();
  const quoteId = useId();
  const choices = useMemo(() => quoteChoices(model, step.selection), [model, step.selection]);
  const chosen = step.quote
    ? choices.findIndex((c) => c.source === step.quote!.source && c.text === step.quote!.text)
    : -1;
  const sourceTitle = (id: string) => model.dataset.sources.find((s) => s.id === id)?.title ?? id;
  const n = index + 1;

  const move = (to: number, action: 'up' | 'down') => {
    if (to < 0 || to >= count) return;
    moveStep(storyId, index, to);
    focusStepButton(to, action);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLLIElement>) => {
    if (!e.altKey || (e.key !== 'ArrowUp' && e.key !== 'ArrowDown')) return;
    if (e.target instanceof HTMLTextAreaElement) return; // the caption keeps its own keys
    e.preventDefault();
    move(index + (e.key === 'ArrowUp' ? -1 : 1), e.key === 'ArrowUp' ? 'up' : 'down');
  };

  return (
    <li
      className="story-step"
      data-step-index={index}
      aria-label={`Step ${n}`}
      onKeyDown={onKeyDown}
    >
      <div className="story-step__head">
        <span className="story-step__number">{n}</span>
        <span className="story-step__when">{stepWhenText(step, model)}</span>
        {step.selection && (
          <span className="story-step__selection">{selectionText(step.selection, model)}</span>
        )}
      </div>
      <label className="story-step__label" htmlFor={captionId}>
        Caption of step {n}
      </label>
      <textarea
        id={captionId}
        className="story-step__caption"
        value={step.caption}
        maxLength={2000}
        rows={3}
        onChange={(e) => editStep(storyId, index, { caption: e.target.value })}
      />
      {choices.length > 0 || step.quote ? (
        <>
          <label className="story-step__label" htmlFor={quoteId}>
            Quote from the evidence
          </label>
          <select
            id={quoteId}
            className="story-step__quote-select"
            value={chosen >= 0 ? String(chosen) : step.quote ? 'kept' : ''}
            onChange={(e) => {
              const choice = choices[Number(e.target.value)];
              editStep(storyId, index, { quote: e.target.value === '' || !choice ? null : choice });
            }}
          >
            <option value="">No quote</option>
            {step.quote && chosen < 0 && (
              <option value="kept" disabled>
                (kept) {step.quote.text}
              </option>
            )}
            {choices.map((c, i) => (
              <option key={i} value={i}>
                {c.text}
              </option>
            ))}
          </select>
          {step.quote && (
            <blockquote className="story-step__quote">
              <p>“{step.quote.text}”</p>
              <footer>— {sourceTitle(step.quote.source)}</footer>
            </blockquote>
          )}
        </>
      ) : (
        <p className="story-step__no-quote">
          Select an actor, relation or event with evidence, then re-record the view, to quote it.
        </p>
      )}
      <div className="story-step__tools" role="group" aria-label={`Step ${n}`}>
        <button type="button" onClick={() => showStepInExplorer(storyId, index)}>
          Show
        </button>
        <button
          type="button"
          title="Replace this step’s date, selection, filters and camera with the current view; the caption stays"
          onClick={() => updateStepView(storyId, index)}
        >
          Use current view
        </button>
        <button
          type="button"
          data-step-action="up"
          aria-label={`Move step ${n} up`}
          title="Move up (Alt+↑)"
          disabled={index === 0}
          onClick={() => move(index - 1, 'up')}
        >
          ↑
        </button>
        <button
          type="button"
          data-step-action="down"
          aria-label={`Move step ${n} down`}
          title="Move down (Alt+↓)"
          disabled={index === count - 1}
          onClick={() => move(index + 1, 'down')}
        >
          ↓
        </button>
        <button
          type="button"
          aria-label={`Duplicate step ${n}`}
          onClick={() => duplicateStep(storyId, index)}
        >
          Duplicate
        </button>
        <button
          type="button"
          aria-label={`Delete step ${n}`}
          onClick={() => deleteStep(storyId, index)}
        >
          Delete
        </button>
      </div>
    </li>
  );
}
