/**
 * Day-dependent selectors of the details panel. Each returns a primitive that
 * changes only when what the panel shows changes, so playback (a new `day`
 * every frame) does not re-render the panel.
 */
import type { AppState } from '../../store/store';
import { shownSpanOf } from '../../store/timeView';
import { activeRelationKey, actorAlive } from './details-model';

/** The selected actor's relations active now, as a stable string key ('' if none). */
export const selectActorActiveKey = (s: AppState): string =>
  s.model && s.selection?.kind === 'actor'
    ? activeRelationKey(s.model, s.selection.id, shownSpanOf(s))
    : '';

/** Whether the selected actor exists at the current date. */
export const selectActorAlive = (s: AppState): boolean => {
  if (!s.model || s.selection?.kind !== 'actor') return false;
  const actor = s.model.actorsById.get(s.selection.id);
  return actor !== undefined && actorAlive(actor, shownSpanOf(s));
};

/** Whether the selected relation is active at the current date. */
export const selectRelationActive = (s: AppState): boolean => {
  if (!s.model || s.selection?.kind !== 'relation') return false;
  const i = s.model.relationIndex.get(s.selection.id);
  return i !== undefined && s.model.index.relationActiveDuring(i, shownSpanOf(s));
};

export { selectTimeKind } from '../../store/timeView';

/** Whether the shown date is the selected event's date. */
export const selectAtEventDay = (s: AppState): boolean => {
  if (!s.model || s.selection?.kind !== 'event') return false;
  const id = s.selection.id;
  return s.model.index.eventsOn(s.day).some((e) => e.id === id);
};
