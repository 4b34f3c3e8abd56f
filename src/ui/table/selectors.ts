/**
 * Selectors of the relation table. The day is read only through values that
 * change when the table's content does (the set of active relations) or
 * through the caption's date text, so playback re-renders the rows only when
 * a relation starts or ends.
 */
import { shownSpanOf, shownTimeText } from '../../store/timeView';
import type { AppState } from '../../store/store';
import { activeRelationsKey, type TableFilter } from './table-model';

/** The relations active at the current day (or in the time window), as a stable string key. */
export const selectActiveRelationsKey = (s: AppState): string =>
  s.model ? activeRelationsKey(s.model, shownSpanOf(s)) : '';

/** The graph's filters, in table terms (use with `useShallow`). */
export const selectTableFilter = (s: AppState): TableFilter => ({
  hiddenTypes: s.hiddenTypes,
  hiddenKinds: s.hiddenKinds,
  focusActor: s.neighbourhoodOnly && s.selection?.kind === 'actor' ? s.selection.id : null,
});

export const selectSelectedRelationId = (s: AppState): string | null =>
  s.selection?.kind === 'relation' ? s.selection.id : null;

/** When the table is, as its caption reads: "on 30 August 2021", "from … to …", or ''. */
export const selectDateText = (s: AppState): string => shownTimeText(s);

export { selectTimeKind } from '../../store/timeView';
