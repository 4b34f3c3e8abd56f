/**
 * The time bar's own narrow selectors. Each returns a primitive, so a
 * component re-renders only when the answer changes, not on every frame
 * of playback.
 */
import type { AppState } from '../../store/store';

export { selectTimeKind } from '../../store/timeView';

export const selectAtStart = (s: AppState) => !s.model || s.day <= s.model.index.start;
export const selectAtEnd = (s: AppState) => !s.model || s.day >= s.model.index.end;
export const selectHasPreviousEvent = (s: AppState) =>
  s.model?.index.previousEvent(s.day) !== undefined;
export const selectHasNextEvent = (s: AppState) => s.model?.index.nextEvent(s.day) !== undefined;

/** Titles of the events on the shown day, joined; '' on most days. */
export const selectTodaysEvents = (s: AppState) => {
  const model = s.model;
  if (!model) return '';
  return model.index
    .eventsOn(s.day)
    .map((e) => model.eventsById.get(e.id)?.title ?? e.id)
    .join(' · ');
};

export const selectSelectedEventId = (s: AppState) =>
  s.selection?.kind === 'event' ? s.selection.id : null;
