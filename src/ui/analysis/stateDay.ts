/**
 * The graph only changes on the days where an actor or a relation starts or
 * ends, so every day maps to a "state day": the last such day at or before
 * it. Results keyed by it are reused while playback moves between changes,
 * and a selector of it re-renders only when the graph really changed.
 */
import { upperBound, type TemporalIndex } from '../../core/temporal';
import type { AppState } from '../../store/store';

type Indexed = { index: TemporalIndex };

const changeDays = new WeakMap<object, readonly number[]>();

/** Every day at which an actor or a relation starts or ends, sorted (cached per model). */
export function changeDaysOf(model: Indexed): readonly number[] {
  let days = changeDays.get(model);
  if (!days) {
    days = model.index.changeDays();
    changeDays.set(model, days);
  }
  return days;
}

/** A day with exactly the same active actors and relations as `day`. */
export function stateDay(model: Indexed, day: number): number {
  const days = changeDaysOf(model);
  const k = upperBound(days, day);
  if (k > 0) return days[k - 1]!;
  return days.length > 0 ? days[0]! - 1 : model.index.start;
}

/** The shown day's state day: changes only at starts and ends, not every frame of playback. */
export const selectStateDay = (s: AppState): number => (s.model ? stateDay(s.model, s.day) : 0);
