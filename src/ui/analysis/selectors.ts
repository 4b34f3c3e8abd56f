/**
 * Narrow selectors of the analysis views (the day-dependent `selectStateDay`
 * is in stateDay.ts). Module constants returning primitives or stable
 * references, so a view re-renders only when its answer changes.
 */
import { humanDay } from '../../core/dates';
import type { AppState } from '../../store/store';

export const selectAnalysisOpen = (s: AppState) => s.analysis.open;
export const selectAnalysisTab = (s: AppState) => s.analysis.tab;
export const selectPairA = (s: AppState) => s.analysis.pairA;
export const selectPairB = (s: AppState) => s.analysis.pairB;
export const selectCompare = (s: AppState) => s.analysis.compare;
export const selectMarkUnbalanced = (s: AppState) => s.analysis.markUnbalanced;
export const selectMarkCamps = (s: AppState) => s.analysis.markCamps;
export const selectMultiplesMode = (s: AppState) => s.analysis.multiplesMode;
export const selectMultiplesDates = (s: AppState) => s.analysis.multiplesDates;

/** The shown date, to the day, as text. */
export const selectDayText = (s: AppState): string => humanDay(s.day, 'day');

export const selectSelectedActor = (s: AppState): string | null =>
  s.selection?.kind === 'actor' ? s.selection.id : null;

/** The neighbourhood filter's actor, when that filter is on. */
export const selectFocusActor = (s: AppState): string | null =>
  s.neighbourhoodOnly && s.selection?.kind === 'actor' ? s.selection.id : null;
