/**
 * Selectors of the relation table. The day is read only through values that
 * change when the table's content does (the set of active relations) or
 * through the caption's date text, so playback re-renders the rows only when
 * a relation starts or ends.
 */
import { humanDay } from '../../core/dates';
import type { AppState } from '../../store/store';
import { activeRelationsKey, type TableFilter } from './table-model';

/** The relations active at the current day, as a stable string key. */
export const selectActiveRelationsKey = (s: AppState): string =>
  s.model ? activeRelationsKey(s.model, s.day) : '';

/** The graph's filters, in table terms (use with `useShallow`). */
export const selectTableFilter = (s: AppState): TableFilter => ({
  hiddenTypes: s.hiddenTypes,
  hiddenKinds: s.hiddenKinds,
  focusActor: s.neighbourhoodOnly && s.selection?.kind === 'actor' ? s.selection.id : null,
});

export const selectSelectedRelationId = (s: AppState): string | null =>
  s.selection?.kind === 'relation' ? s.selection.id : null;

/** The current date as the caption reads it. */
export const selectDateText = (s: AppState): string => humanDay(s.day, 'day');
