/**
 * The story an export is made of (Story as HTML, Story as video): a choice among the dataset's
 * stories, or, when it has none, the reason the export cannot be made.
 */
import type { Story } from '../../core/schema';
import { useStore, type AppState } from '../../store/store';

const selectStories = (s: AppState) => s.stories;

const stepCount = (n: number) => `${n} ${n === 1 ? 'step' : 'steps'}`;

/** The dataset's stories as the user has edited them, and the one chosen (by id) among them. */
export function useChosenStory(chosen: string): { stories: readonly Story[]; story?: Story } {
  const stories = useStore(selectStories);
  return { stories, story: stories.find((s) => s.id === chosen) ?? stories[0] };
}

export const NO_STORY_REASON =
  'This dataset has no story yet. Make one in the Story panel (Add step), then export it here.';

export function StoryPicker({
  stories,
  story,
  onChoose,
}: {
  stories: readonly Story[];
  story: Story | undefined;
  onChoose: (id: string) => void;
}) {
  if (stories.length === 0) return null;
  return (
    <label>
      Story{' '}
      <select value={story?.id} onChange={(e) => onChoose(e.currentTarget.value)}>
        {stories.map((s) => (
          <option key={s.id} value={s.id}>
            {s.title} ({stepCount(s.steps.length)})
          </option>
        ))}
      </select>
    </label>
  );
}
