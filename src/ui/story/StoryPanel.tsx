/**
 * The story panel (a tab of the side panel): the dataset's stories, and the
 * one being edited with its steps. Every change goes through the story
 * actions (store/stories.ts), which keep it in this browser at once.
 */
import { useId, useMemo, useState, type FormEvent } from 'react';
import { describeStoryProblem, modelStoryContext, storyProblems } from '../../core/story';
import { selectModel } from '../../store/selectors';
import { useStore } from '../../store/store';
import {
  addStep,
  createStory,
  deleteStory,
  editStory,
  presentStory,
  renameStory,
} from '../../store/stories';
import { StepItem } from './StepItem';
import { selectEditedStory, selectStories, selectStoriesKept } from './selectors';
import './story.css';

export function StoryPanel() {
  const story = useStore(selectEditedStory);
  return (
    <section className="stories" data-testid="story-panel" aria-label="Stories">
      {story ? <StoryEditor storyId={story.id} /> : <StoryList />}
    </section>
  );
}

function StoryList() {
  const stories = useStore(selectStories);
  const [title, setTitle] = useState('');
  const titleId = useId();
  const create = (e: FormEvent) => {
    e.preventDefault();
    createStory(title);
    setTitle('');
  };
  return (
    <>
      <h2 className="stories__heading">Stories</h2>
      <p className="stories__intro">
        A story walks viewers through the graph step by step: each step is a view (a date or a
        period, a selection, filters and the camera) with a caption. Present it full-window, or
        publish it.
      </p>
      {stories.length === 0 ? (
        <p className="stories__empty">This dataset has no stories yet.</p>
      ) : (
        <ul className="stories__list">
          {stories.map((s) => (
            <li key={s.id} className="stories__item">
              <button type="button" className="stories__open" onClick={() => editStory(s.id)}>
                <span className="stories__title">{s.title}</span>
                <span className="stories__count">
                  {s.steps.length === 1 ? '1 step' : `${s.steps.length} steps`}
                </span>
              </button>
              <button
                type="button"
                className="stories__present"
                disabled={s.steps.length === 0}
                aria-label={`Present “${s.title}”`}
                onClick={() => presentStory(s.id)}
              >
                ▶ Present
              </button>
            </li>
          ))}
        </ul>
      )}
      <form className="stories__new" onSubmit={create}>
        <label htmlFor={titleId}>New story</label>
        <div className="stories__row">
          <input
            id={titleId}
            value={title}
            maxLength={500}
            placeholder="Title"
            onChange={(e) => setTitle(e.target.value)}
          />
          <button type="submit">Create</button>
        </div>
      </form>
    </>
  );
}

function StoryEditor({ storyId }: { storyId: string }) {
  const model = useStore(selectModel);
  const story = useStore((s) => s.stories.find((x) => x.id === storyId));
  const [confirmDelete, setConfirmDelete] = useState(false);
  const problems = useMemo(
    () => (story && model ? storyProblems(story, modelStoryContext(model)) : []),
    [story, model],
  );
  if (!story || !model) return null;
  return (
    <>
      <button type="button" className="stories__back" onClick={() => editStory(null)}>
        ← All stories
      </button>
      <StoryTitle key={story.id} id={story.id} title={story.title} />
      <KeptNote />
      <div className="stories__actions">
        <button
          type="button"
          className="stories__present"
          disabled={story.steps.length === 0}
          onClick={() => presentStory(story.id)}
        >
          ▶ Present
        </button>
        {confirmDelete ? (
          <span className="stories__confirm" role="group" aria-label="Delete this story?">
            Delete “{story.title}”?{' '}
            <button type="button" onClick={() => deleteStory(story.id)}>
              Delete
            </button>{' '}
            <button type="button" onClick={() => setConfirmDelete(false)} autoFocus>
              Keep
            </button>
          </span>
        ) : (
          <button type="button" onClick={() => setConfirmDelete(true)}>
            Delete story…
          </button>
        )}
      </div>
      {problems.length > 0 && (
        <div className="stories__problems" role="status" data-testid="story-problems">
          <p>Some steps refer to what this dataset does not have; they are shown without it:</p>
          <ul>
            {problems.map((p) => (
              <li key={p.path}>{describeStoryProblem(p)}</li>
            ))}
          </ul>
        </div>
      )}
      {story.steps.length === 0 ? (
        <p className="stories__empty">
          No steps yet. Set up the view (date, selection, filters, zoom), then add it as a step.
        </p>
      ) : (
        <ol className="stories__steps" aria-label={`Steps of “${story.title}”`}>
          {story.steps.map((step, i) => (
            <StepItem
              // Steps have no ids; a row holds no state of its own, so its place is its key.
              key={i}
              storyId={story.id}
              step={step}
              index={i}
              count={story.steps.length}
              model={model}
            />
          ))}
        </ol>
      )}
      <button type="button" className="stories__add" onClick={() => addStep(story.id)}>
        + Add step from the current view
      </button>
      <p className="stories__hint">
        Records the date (or the time bar’s play range), the selection, the filters, the layout and
        what is in view.
      </p>
    </>
  );
}

/** The story's title, renamed when the field is left or Enter is pressed (empty: refused). */
function StoryTitle({ id, title }: { id: string; title: string }) {
  const [text, setText] = useState(title);
  const inputId = useId();
  const commit = () => {
    if (!renameStory(id, text)) setText(title);
  };
  return (
    <div className="stories__field">
      <label htmlFor={inputId}>Title</label>
      <input
        id={inputId}
        value={text}
        maxLength={500}
        onChange={(e) => setText(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit();
        }}
      />
    </div>
  );
}

const KEPT_TEXT = {
  idle: '',
  saving: 'Keeping your changes…',
  saved: 'Changes kept in this browser.',
  failed: 'Not kept: this browser refused to store the stories (see the notice).',
} as const;

/** Whether the last edit is stored yet: a reload before then would lose it. */
function KeptNote() {
  const kept = useStore(selectStoriesKept);
  return (
    <p className="stories__kept" role="status" data-kept={kept}>
      {KEPT_TEXT[kept]}
    </p>
  );
}
