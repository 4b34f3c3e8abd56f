/**
 * Per-model memos of the core analyses, so panels, the graph overlay and the
 * time bar share one computation. Day-keyed results are asked for at state
 * days (see stateDay.ts), so playback between two changes reuses them.
 */
import {
  balanceAt,
  balanceOverTime,
  campsAt,
  rankingAt,
  sampleDays,
  type AnalysisModel,
  type BalanceReport,
  type BalanceSample,
  type CampsReport,
  type RankBy,
  type Ranked,
} from '../../core/analysis';
import { upperBound, type TemporalIndex } from '../../core/temporal';
import { changeDaysOf } from './stateDay';

/** Memoises `compute(model, key)` per model, keeping the `max` most recent keys. */
export function memoPerModel<K, T>(
  compute: (model: AnalysisModel, key: K) => T,
  max = 16,
): (model: AnalysisModel, key: K) => T {
  const caches = new WeakMap<object, Map<K, T>>();
  return (model, key) => {
    let cache = caches.get(model);
    if (!cache) caches.set(model, (cache = new Map()));
    if (cache.has(key)) {
      const hit = cache.get(key) as T;
      cache.delete(key); // re-insert: most recently used last
      cache.set(key, hit);
      return hit;
    }
    const value = compute(model, key);
    cache.set(key, value);
    if (cache.size > max) cache.delete(cache.keys().next().value as K);
    return value;
  };
}

/** Balance and camps at a state day (see `stateDay`). */
export const balanceAtDay: (model: AnalysisModel, day: number) => BalanceReport = memoPerModel(
  (model, day: number) => balanceAt(model, day),
);
export const campsAtDay: (model: AnalysisModel, day: number) => CampsReport = memoPerModel(
  (model, day: number) => campsAt(model, day),
);
export const rankingAtDay: (model: AnalysisModel, key: string) => Ranked[] = memoPerModel(
  (model, key: string) => {
    const [by, day] = key.split('@') as [RankBy, string];
    return rankingAt(model, Number(day), by);
  },
);

/**
 * Days to sample a series on over [start, end]: the start and every change
 * inside the range (exact, since values only change there) when there are
 * at most `max`; else `max` evenly spread days.
 */
export function seriesDays(model: { index: TemporalIndex }, max = 200): number[] {
  const { start, end } = model.index;
  const days = changeDaysOf(model);
  const inside = days.slice(upperBound(days, start), upperBound(days, end));
  if (inside.length + 1 <= max) return [start, ...inside];
  return sampleDays(start, end + 1, max);
}

/** The balance series of the time bar's line, once per model. */
export const balanceSeries: (model: AnalysisModel) => BalanceSample[] = (() => {
  const memo = memoPerModel((model, _key: 0) => balanceOverTime(model, seriesDays(model)), 1);
  return (model: AnalysisModel) => memo(model, 0);
})();
