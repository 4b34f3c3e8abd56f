/**
 * Balance through time, for plotting on the time bar. One pair state is
 * built at the earliest sample and moved from sample to sample with
 * `index.diff` (O(log n + k) for k relations that change), so only the
 * triangle count (O(m^1.5) on the signed pairs) is redone per sample.
 */
import type { AnalysisModel } from './analysisModel';
import { balanceShares, type BalanceShares } from './balance';
import { compile } from './compiled';
import { strictSignedGraph } from './signedEdges';
import { PairState } from './snapshot';
import { countTriangles } from './triangles';

export interface BalanceSample extends BalanceShares {
  day: number;
}

/**
 * Balanced and weakly balanced shares (and triangle counts) at each day, in
 * the order given. Same numbers as `balanceAt` without the triangle lists.
 */
export function balanceOverTime(model: AnalysisModel, days: readonly number[]): BalanceSample[] {
  const c = compile(model);
  const order = days.map((_, i) => i).sort((a, b) => days[a]! - days[b]!);
  const out = new Array<BalanceSample>(days.length);
  const state = new PairState(c);
  let at: number | null = null;
  for (const i of order) {
    const day = days[i]!;
    if (at === null) {
      for (const id of model.index.stateAt(day).relations)
        state.update(model.relationIndex.get(id)!, 1);
    } else if (day !== at) {
      const d = model.index.diff(at, day);
      for (const id of d.relationsEntered) state.update(model.relationIndex.get(id)!, 1);
      for (const id of d.relationsLeft) state.update(model.relationIndex.get(id)!, -1);
    }
    at = day;
    out[i] = { day, ...balanceShares(countTriangles(strictSignedGraph(state))) };
  }
  return out;
}

/**
 * `count` whole days spread evenly from `start` to `end - 1` (both included),
 * without repeats: sample points for a span such as `[index.start, index.end)`.
 */
export function sampleDays(start: number, end: number, count: number): number[] {
  if (count <= 0 || !(end > start)) return [];
  if (count === 1) return [start];
  const last = end - 1;
  const out: number[] = [];
  for (let i = 0; i < count; i++) {
    const d = start + Math.round((i * (last - start)) / (count - 1));
    if (out[out.length - 1] !== d) out.push(d);
  }
  return out;
}
