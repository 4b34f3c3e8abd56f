/** Narrow selectors for the story panel and Present mode (module-level, so stable). */
import type { AppState } from '../../store/store';

export const selectStories = (s: AppState) => s.stories;
export const selectStoryPanelOpen = (s: AppState) => s.storyPanel.open;
export const selectStoriesKept = (s: AppState) => s.storyPanel.kept;
export const selectPresentation = (s: AppState) => s.presentation;
export const selectEditedStory = (s: AppState) =>
  s.storyPanel.editing === null
    ? undefined
    : s.stories.find((story) => story.id === s.storyPanel.editing);
export const selectPresentedStory = (s: AppState) =>
  s.presentation ? s.stories.find((story) => story.id === s.presentation!.storyId) : undefined;
