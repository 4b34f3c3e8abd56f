/**
 * What time the view shows, read the same way by every panel: the graph, the table, the
 * details and the time bar. A view shows one day, or with a time window every relation active
 * at any time in the window up to the day (core/temporal.ts `windowSpan`); a numeric dataset
 * shows its time as numbers ("t = 190"), never as calendar dates.
 */
import { humanDay, type Precision, type TimeKind } from '../core/dates';
import type { ExplorerModel } from '../core/explorer-model';
import { windowSpan, type TimeSpan } from '../core/temporal';
import type { AppState } from './store';

/** Whether the model's dates are calendar dates or numbers (`timeKind`, default calendar). */
export const timeKindOf = (model: ExplorerModel | null): TimeKind =>
  model?.dataset.timeKind ?? 'calendar';

/** The span of days shown: the day alone, or the time window up to it. */
export const shownSpanOf = (s: Pick<AppState, 'day' | 'timeWindow'>): TimeSpan =>
  windowSpan(s.day, s.timeWindow);

/** A day as the dataset's kind of time reads: "30 August 2021", or "t = 190". */
export const dayText = (s: Pick<AppState, 'model'>, day: number, precision: Precision = 'day') =>
  humanDay(day, precision, timeKindOf(s.model));

/**
 * When the view is, for captions: "on 30 August 2021", "from 30 August 2016 to 30 August 2021"
 * with a window, or '' for a dataset without time.
 */
export function shownTimeText(s: AppState): string {
  if (!s.model || s.model.index.timeless) return '';
  const span = shownSpanOf(s);
  if (span.from >= s.day) return `on ${dayText(s, s.day)}`;
  return `from ${dayText(s, Math.max(span.from, s.model.index.start))} to ${dayText(s, s.day)}`;
}

/** Whether a time window is on (panels say "in the window" rather than "at this date"). */
export const selectWindowOn = (s: AppState): boolean => s.timeWindow > 0;

/** The dataset's kind of time, for components: numeric datasets show numbers, not dates. */
export const selectTimeKind = (s: Pick<AppState, 'model'>): TimeKind => timeKindOf(s.model);
