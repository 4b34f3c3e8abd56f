/**
 * An integer view of a dataset for the analyses: actors and relations by
 * position, each relation's sign and unordered actor pair. Built once per
 * model and cached, so repeated queries (a series of days) share it.
 */
import { endDay, startDay } from '../dates';
import type { AnalysisModel } from './analysisModel';

export interface Compiled {
  /** Actor ids in dataset order; an actor's number is its position here. */
  actorIds: readonly string[];
  actorIndex: ReadonlyMap<string, number>;
  /** Relation ids in dataset order (the temporal index's item numbers). */
  relationIds: readonly string[];
  /** Actor numbers of each relation's source and target. */
  relSource: Int32Array;
  relTarget: Int32Array;
  relSign: Int8Array;
  /** Interval ends as day numbers (±Infinity when open), parsed once. */
  relStart: Float64Array;
  relEnd: Float64Array;
  actorStart: Float64Array;
  actorEnd: Float64Array;
  /** The relation's unordered actor pair, or -1 for a self-loop (validation forbids them). */
  relPair: Int32Array;
  /** Pair p joins actors pairA[p] < pairB[p]. */
  pairA: Int32Array;
  pairB: Int32Array;
  /** Relations of pair p: pairRels[pairStart[p] .. pairStart[p + 1]). */
  pairStart: Int32Array;
  pairRels: Int32Array;
  /** Pair number by `a * actorCount + b` (a < b). */
  pairOf: ReadonlyMap<number, number>;
}

const cache = new WeakMap<AnalysisModel['dataset'], Compiled>();

/** The compiled view of a model's dataset (cached per dataset object). */
export function compile(model: AnalysisModel): Compiled {
  const hit = cache.get(model.dataset);
  if (hit) return hit;
  const { dataset, union } = model;
  const actorIds = dataset.actors.map((a) => a.id);
  const actorIndex = new Map(actorIds.map((id, i) => [id, i]));
  const n = actorIds.length;
  const m = dataset.relations.length;
  const relSource = new Int32Array(m);
  const relTarget = new Int32Array(m);
  const relSign = new Int8Array(m);
  const relPair = new Int32Array(m).fill(-1);
  const pairOf = new Map<number, number>();
  const pairA: number[] = [];
  const pairB: number[] = [];
  const counts: number[] = [];
  dataset.relations.forEach((r, i) => {
    relSign[i] = union.relation(r.id).sign;
    const s = actorIndex.get(r.source)!;
    const t = actorIndex.get(r.target)!;
    relSource[i] = s;
    relTarget[i] = t;
    if (s === t) return;
    const a = Math.min(s, t);
    const b = Math.max(s, t);
    let p = pairOf.get(a * n + b);
    if (p === undefined) {
      p = pairA.length;
      pairOf.set(a * n + b, p);
      pairA.push(a);
      pairB.push(b);
      counts.push(0);
    }
    relPair[i] = p;
    counts[p]!++;
  });
  const pairStart = new Int32Array(pairA.length + 1);
  for (let p = 0; p < pairA.length; p++) pairStart[p + 1] = pairStart[p]! + counts[p]!;
  const fill = pairStart.slice(0, pairA.length);
  const pairRels = new Int32Array(pairStart[pairA.length]!);
  for (let i = 0; i < m; i++) if (relPair[i]! >= 0) pairRels[fill[relPair[i]!]!++] = i;

  const compiled: Compiled = {
    actorIds,
    actorIndex,
    relationIds: dataset.relations.map((r) => r.id),
    relSource,
    relTarget,
    relStart: Float64Array.from(dataset.relations, (r) => startDay(r.from)),
    relEnd: Float64Array.from(dataset.relations, (r) => endDay(r.until)),
    actorStart: Float64Array.from(dataset.actors, (a) => startDay(a.from)),
    actorEnd: Float64Array.from(dataset.actors, (a) => endDay(a.until)),
    relSign,
    relPair,
    pairA: Int32Array.from(pairA),
    pairB: Int32Array.from(pairB),
    pairStart,
    pairRels,
    pairOf,
  };
  cache.set(dataset, compiled);
  return compiled;
}

/** The pair number of two actors, or undefined when no relation ever joins them. */
export function pairIndex(c: Compiled, a: string, b: string): number | undefined {
  const i = c.actorIndex.get(a);
  const j = c.actorIndex.get(b);
  if (i === undefined || j === undefined || i === j) return undefined;
  return c.pairOf.get(Math.min(i, j) * c.actorIds.length + Math.max(i, j));
}
